package org.prunesh.interpreter.exec;

import org.prunesh.interpreter.diag.Span;
import org.prunesh.ops.model.Exclusions;
import org.prunesh.ops.prune.DensityBounds;
import org.prunesh.ops.prune.Granularity;
import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.SelectionSpec;
import org.prunesh.ops.schedule.NoPruningSpec;
import org.prunesh.ops.schedule.ScheduleSpec;
import org.prunesh.ops.train.RegrowthSpec;
import org.prunesh.ops.train.SparseInitSpec;

/**
 * The pruning half of a session's state, as the statements so far set it.
 *
 * @param scheduleSpan where the schedule was set, for errors found when it is resolved
 * @param countAll     sparsity targets count all parameters ({@code count all}), not only prunable ones
 * @param regrowth     null without regrowth
 * @param init         null for a dense start
 */
public record PruningState(ScheduleSpec schedule, Span scheduleSpan, SelectionSpec selection, Scope scope,
                           DensityBounds bounds, Granularity granularity, Exclusions exclusions, boolean countAll,
                           RegrowthSpec regrowth, SparseInitSpec init) {

    public static final PruningState INITIAL = new PruningState(new NoPruningSpec(), null, SelectionSpec.MAGNITUDE,
            Scope.GLOBAL, DensityBounds.NONE, Granularity.UNSTRUCTURED, Exclusions.DEFAULT, false, null, null);

    public PruningState withSchedule(ScheduleSpec s, Span span) {
        return new PruningState(s, span, selection, scope, bounds, granularity, exclusions, countAll, regrowth, init);
    }

    public PruningState withSelection(SelectionSpec s) {
        return new PruningState(schedule, scheduleSpan, s, scope, bounds, granularity, exclusions, countAll, regrowth, init);
    }

    /** A scope statement sets the bounds too: without min_density/max_density they are cleared. */
    public PruningState withScope(Scope s, DensityBounds b) {
        return new PruningState(schedule, scheduleSpan, selection, s, b, granularity, exclusions, countAll, regrowth, init);
    }

    public PruningState withGranularity(Granularity g) {
        return new PruningState(schedule, scheduleSpan, selection, scope, bounds, g, exclusions, countAll, regrowth, init);
    }

    public PruningState withExclusions(Exclusions e) {
        return new PruningState(schedule, scheduleSpan, selection, scope, bounds, granularity, e, countAll, regrowth, init);
    }

    public PruningState withCountAll(boolean all) {
        return new PruningState(schedule, scheduleSpan, selection, scope, bounds, granularity, exclusions, all, regrowth, init);
    }

    public PruningState withRegrowth(RegrowthSpec r) {
        return new PruningState(schedule, scheduleSpan, selection, scope, bounds, granularity, exclusions, countAll, r, init);
    }

    public PruningState withInit(SparseInitSpec i) {
        return new PruningState(schedule, scheduleSpan, selection, scope, bounds, granularity, exclusions, countAll, regrowth, i);
    }

    /** Whether a run prunes at all: a schedule, a sparse start or regrowth. */
    public boolean prunes() {
        return !(schedule instanceof NoPruningSpec) || init != null || regrowth != null;
    }

    /** One line for comparisons: the selection with its scope, and regrowth and sparse start if any. */
    public String summary() {
        if (!prunes()) return "dense";
        StringBuilder sb = new StringBuilder(selection.describe()).append(", ").append(scope.name().toLowerCase());
        if (!(granularity instanceof Granularity.Unstructured)) sb.append(", ").append(granularity.describe());
        if (regrowth != null) sb.append(", regrow ").append(regrowth.method().name().toLowerCase());
        if (init != null) sb.append(", ").append(init.describe());
        return sb.toString();
    }
}
