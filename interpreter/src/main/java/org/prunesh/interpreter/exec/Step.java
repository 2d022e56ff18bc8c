package org.prunesh.interpreter.exec;

import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.diag.Span;
import org.prunesh.results.Metric;
import org.prunesh.ops.prune.DensityBounds;
import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.SelectionSpec;

import java.nio.file.Path;

/**
 * A statement as the resolver leaves it: checked, lowered to the ops library's values and still
 * carrying its span, so that the {@link Executor} only carries it out. A statement that only
 * changes settings is a {@link Set}; the others act (train, prune, write, report).
 */
public sealed interface Step {

    Span span();

    /** Changes the session's settings and does nothing else. */
    record Set(Setting setting, Span span) implements Step { }

    /** {@code run "name";}: trains with the settings in force; {@code name} is without a sweep's label. */
    record Run(String name, Span span) implements Step { }

    /** Every cell of a sweep in turn. */
    record Sweep(SweepPlan plan, Span span) implements Step { }

    /**
     * {@code prune now to T by S [scope ...]}.
     *
     * @param scope  the statement's own scope, or null for the session's (then {@code bounds} is null too)
     */
    record PruneNow(double target, SelectionSpec selection, Scope scope, DensityBounds bounds, Span span)
            implements Step { }

    record Evaluate(Span span) implements Step { }

    /** {@code export tensors to DIR}, the directory already checked against what a script may write. */
    record Export(Path dir, Span span) implements Step { }

    record Save(String name, Span span) implements Step { }

    record Load(String name, Span span) implements Step { }

    /** @param by the metric of {@code report compare}; null for every other target */
    /** @param against the baseline of a paired comparison ({@code fggp} or {@code method=fggp}), or null */
    record Report(ReportTarget target, Metric by, Name against, Span span) implements Step { }

    /** {@code show schedule;}: the schedule on the step clock. */
    record ShowSchedule(Span span) implements Step { }

    /** {@code show NAME;} of an architecture. */
    record ShowArch(String name, Span span) implements Step { }

    /** {@code show config;}: the settings in force, written as statements. */
    record ShowConfig(Span span) implements Step { }

    /** {@code search STRATEGY ... as NAME;} */
    record Search(SearchSpec spec, String as, Span span) implements Step { }

    /** {@code extract ARCH ["name"];}: {@code runName} is the architecture's name when none is given. */
    record Extract(String arch, String runName, Span span) implements Step { }

    /** {@code extract "name";}: the last run's channel-pruned network cut to size, saved as run {@code runName}. */
    record ExtractPruned(String runName, Span span) implements Step { }
}
