package org.prunesh.interpreter.exec;

import org.prunesh.ops.stp.StimulusSpec;
import org.prunesh.interpreter.diag.Span;
import org.prunesh.ops.data.DataSpec;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.prune.DensityBounds;
import org.prunesh.ops.prune.Granularity;
import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.SelectionSpec;
import org.prunesh.ops.train.SparseInitSpec;
import org.prunesh.ops.train.RegrowthSpec;
import org.prunesh.ops.schedule.ScheduleSpec;
import org.prunesh.ops.stp.ArchSpace;
import org.prunesh.ops.stp.Importance;
import org.prunesh.ops.model.Exclusions;
import org.prunesh.ops.train.TrainConfig;

/**
 * One resolved setting statement; {@link #applyTo} is the whole of carrying it out, the same in a
 * check (on the planned state) and in a run (on the session's).
 */
public sealed interface Setting {

    SessionState applyTo(SessionState s);

    record Seed(long seed) implements Setting {
        public SessionState applyTo(SessionState s) { return s.withSeed(seed); }
    }

    record Data(DataSpec spec) implements Setting {
        public SessionState applyTo(SessionState s) { return s.withData(spec); }
    }

    /**
     * @param arch the name of {@code model ... arch NAME}, whose value (a literal or a search result)
     *             is taken as it stands here, or null for the whole model
     */
    record Model(ModelSpec spec, String arch) implements Setting {
        public SessionState applyTo(SessionState s) {
            ArchValue scratch = arch == null ? null : ((Definition.Architecture) s.definitions().get(arch)).arch();
            return s.withModel(spec).withStp(s.stp().withScratch(scratch));
        }
    }

    record Train(TrainConfig config) implements Setting {
        public SessionState applyTo(SessionState s) { return s.withTrain(config); }
    }

    /** @param at where the schedule was written, for errors found when the step clock resolves it */
    record Schedule(ScheduleSpec spec, Span at) implements Setting {
        public SessionState applyTo(SessionState s) { return s.withPruning(s.pruning().withSchedule(spec, at)); }
    }

    record Select(SelectionSpec spec) implements Setting {
        public SessionState applyTo(SessionState s) { return s.withPruning(s.pruning().withSelection(spec)); }
    }

    record ScopeOf(Scope scope, DensityBounds bounds) implements Setting {
        public SessionState applyTo(SessionState s) { return s.withPruning(s.pruning().withScope(scope, bounds)); }
    }

    record GranularityOf(Granularity granularity) implements Setting {
        public SessionState applyTo(SessionState s) { return s.withPruning(s.pruning().withGranularity(granularity)); }
    }

    record Count(boolean all) implements Setting {
        public SessionState applyTo(SessionState s) { return s.withPruning(s.pruning().withCountAll(all)); }
    }

    record Exclude(Exclusions exclusions) implements Setting {
        public SessionState applyTo(SessionState s) { return s.withPruning(s.pruning().withExclusions(exclusions)); }
    }

    /** @param spec null for {@code regrow none} */
    record Regrow(RegrowthSpec spec) implements Setting {
        public SessionState applyTo(SessionState s) { return s.withPruning(s.pruning().withRegrowth(spec)); }
    }

    /** @param spec null for {@code init dense} */
    record Init(SparseInitSpec spec) implements Setting {
        public SessionState applyTo(SessionState s) { return s.withPruning(s.pruning().withInit(spec)); }
    }

    record Space(ArchSpace space, Importance importance, StpState.Interval refresh) implements Setting {
        public SessionState applyTo(SessionState s) { return s.withStp(s.stp().withSpace(space, importance, refresh)); }
    }

    record Budget(double fraction) implements Setting {
        public SessionState applyTo(SessionState s) { return s.withStp(s.stp().withBudget(fraction)); }
    }

    /** @param stimulus null for {@code stimulate off} */
    record Stimulate(StimulusSpec stimulus) implements Setting {
        public SessionState applyTo(SessionState s) { return s.withStp(s.stp().withStimulus(stimulus)); }
    }

    record Define(String name, Definition value) implements Setting {
        public SessionState applyTo(SessionState s) { return s.withDefinition(name, value); }
    }
}
