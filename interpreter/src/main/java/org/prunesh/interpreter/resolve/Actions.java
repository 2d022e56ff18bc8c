package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.Str;
import org.prunesh.interpreter.diag.Span;
import org.prunesh.interpreter.exec.ArchValue;
import org.prunesh.interpreter.exec.Definition;
import org.prunesh.interpreter.exec.PruningLowering;
import org.prunesh.interpreter.exec.ReportTarget;
import org.prunesh.interpreter.exec.SessionState;
import org.prunesh.interpreter.exec.StatementError;
import org.prunesh.interpreter.exec.Step;
import org.prunesh.interpreter.exec.StpLowering;
import org.prunesh.results.Metric;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.stp.Extraction;

import java.util.List;

/** The handlers of the statements that act: run, prune now, evaluate, export, save, load, report, show, search, extract. */
final class Actions {

    /** Saved models live under runs/saved/NAME, so a name is one plain path segment. */
    private static final String SAVED_NAME = "[A-Za-z0-9._-]+";

    private final Handlers h;

    Actions(Handlers handlers) {
        this.h = handlers;
    }

    State handle(Stmt statement, State st, List<Step> out) {
        if (statement instanceof Stmt.Run run) {
            runName(run.name());
            needsSetup("run", run.span(), st);
            h.stp.run(run, st);
            return act(st, run, out, true, () -> {
                requireModel(st.planned(), run.span(), "run");
                schedule(st.planned(), run.span());
                return new Step.Run(run.name() == null ? "run" : run.name().value(), run.span());
            });
        }
        if (statement instanceof Stmt.PruneNow prune) {
            pruneNow(prune, st);
            return act(st, prune, out, true, () -> {
                requireModel(st.planned(), prune.span(), "prune now");
                return new Step.PruneNow(prune.target().fraction(),
                        PruningLowering.selection(prune.selection(), st.planned().definitions()),
                        prune.scope() == null ? null : PruningLowering.scope(prune.scope()),
                        prune.scope() == null ? null : PruningLowering.bounds(prune.scope()), prune.span());
            });
        }
        if (statement instanceof Stmt.Evaluate evaluate) {
            needsSetup("evaluate", evaluate.span(), st);
            return act(st, evaluate, out, false, () -> {
                requireRun(st, evaluate.span(), "evaluate");
                return new Step.Evaluate(evaluate.span());
            });
        }
        if (statement instanceof Stmt.Export export) {
            h.names.known(export.what(), Vocabulary.EXPORTS);
            if (export.path().value().isBlank()) {
                h.problems.error(export.path().span(), "the directory to export to must not be empty");
            }
            return act(st, export, out, false, () -> {
                requireRun(st, export.span(), "export tensors");
                return new Step.Export(h.paths.exportTarget(export.path()), export.span());
            });
        }
        if (statement instanceof Stmt.Save save) {
            savedName(save.name());
            return act(st, save, out, false, () -> {
                requireRun(st, save.span(), "save");
                return new Step.Save(save.name().value(), save.span());
            });
        }
        if (statement instanceof Stmt.Load load) {
            savedName(load.name());
            // the loaded data and model are known only when they are loaded (State.Unknown)
            return act(st, load, out, true, () -> new Step.Load(load.name().value(), load.span()));
        }
        if (statement instanceof Stmt.Report report) return report(report, st, out);
        if (statement instanceof Stmt.Show show) return show(show, st, out);
        if (statement instanceof Stmt.ShowConfig show) {
            return act(st, show, out, false, () -> new Step.ShowConfig(show.span()));
        }
        if (statement instanceof Stmt.Search search) {
            needsSetup("search", search.span(), st);
            h.stp.search(search, st);
            return h.resolve(st, search, out, () -> {
                requireRun(st, search.span(), "search");
                return new Handlers.Lowered(new Step.Search(StpLowering.search(search), search.as().text(),
                        search.span()), st.planned().withDefinition(search.as().text(),
                        new Definition.Architecture(ArchValue.PLANNED)), false);
            });
        }
        if (statement instanceof Stmt.Extract extract) {
            needsSetup("extract", extract.span(), st);
            h.archs.extracted(extract.arch(), st);
            runName(extract.runName());
            return act(st, extract, out, false, () -> {
                requireRun(st, extract.span(), "extract");
                String arch = extract.arch().text();
                return new Step.Extract(arch, extract.runName() == null ? arch : extract.runName().value(),
                        extract.span());
            });
        }
        if (statement instanceof Stmt.ExtractPruned extract) {
            needsSetup("extract", extract.span(), st);
            runName(extract.runName());
            return act(st, extract, out, false, () -> {
                try {
                    // a model loaded from disk is known only when it is loaded; the cut checks it then
                    if (st.planned().model() != null) Extraction.requireCuttable(st.planned().model());
                } catch (IllegalArgumentException e) {
                    throw new StatementError(extract.span(), "cannot cut a channel-pruned network: " + e.getMessage());
                }
                requireRun(st, extract.span(), "extract");
                return new Step.ExtractPruned(extract.runName().value(), extract.span());
            });
        }
        throw new IllegalStateException("no handler for " + statement.getClass().getSimpleName());
    }

    private State report(Stmt.Report report, State st, List<Step> out) {
        Name what = report.what();
        ReportTarget target = ReportTarget.named(what.text()).orElse(null);
        if (h.names.known(what, Vocabulary.REPORTS) && target.needsModel()) {
            needsSetup("report " + what.text(), report.span(), st);
        }
        Metric by = report.by() == null ? null : Metric.named(report.by().text()).orElse(null);
        if (report.by() != null && target != ReportTarget.COMPARE) {
            h.problems.error(report.by().span(), "'by' belongs to 'report compare', not 'report " + what.text() + "'");
        } else if (report.by() != null && by == null) {
            h.problems.error(report.by().span(), "unknown metric '" + report.by().text() + "'; expected one of: "
                    + Metric.names());
        }
        if (report.against() != null && target != ReportTarget.COMPARE) {
            h.problems.error(report.against().span(), "'against' belongs to 'report compare', not 'report "
                    + what.text() + "'");
        }
        return act(st, report, out, false, () -> {
            if (target.needsRun()) requireRun(st, report.span(), "report " + what.text());
            return new Step.Report(target, by, report.against(), report.span());
        });
    }

    private State show(Stmt.Show show, State st, List<Step> out) {
        String what = show.what().text();
        h.archs.shown(show.what(), st);
        return act(st, show, out, false, () -> {
            if (st.planned().definitions().get(what) instanceof Definition.Architecture) {
                return new Step.ShowArch(what, show.span());
            }
            schedule(st.planned(), show.span());
            return new Step.ShowSchedule(show.span());
        });
    }

    /** A statement that acts: its step, and whether a run will have happened after it. */
    private State act(State st, Stmt statement, List<Step> out, boolean runs, Handlers.Lower<Step> lower) {
        return h.resolve(st, statement, out, () -> new Handlers.Lowered(lower.apply(), st.planned(), runs));
    }

    /** Prunes the model in hand, so it needs what a run needs; its own scope clause applies to it alone. */
    private void pruneNow(Stmt.PruneNow prune, State st) {
        needsSetup("prune now", prune.span(), st);
        Num target = prune.target();
        h.numbers.fraction(target, "sparsity 'to'");
        h.selections.check(prune.selection(), st);
        PruningChecks.Bounds bounds = prune.scope() == null ? null : h.pruning.scope(prune.scope());
        if (!NumberRules.isSparsity(target)) {
            return;
        }
        h.consistency.target(Target.of(target), st.nm(), "sparsity");
        if (bounds == null) {
            h.consistency.target(Target.of(target), st.floor(), st.cap());
        } else {
            h.consistency.bounds(bounds.floor(), bounds.cap(), target.exactFraction());
        }
    }

    private void needsSetup(String what, Span span, State st) {
        String missing = Resolver.missingSetup(what, st.hasData(), st.hasModel());
        if (missing != null) h.problems.error(span, missing);
    }

    /** What the planned state must hold for a run: data and a model, and image data for a model of images. */
    private static void requireModel(SessionState s, Span at, String what) throws StatementError {
        String missing = Resolver.missingSetup(what, s.data() != null, s.model() != null);
        if (missing != null) throw new StatementError(at, missing);
        if (!(s.model() instanceof ModelSpec.Mlp) && s.data().sampleShape().length != 3) {
            throw new StatementError(at, "model " + s.model().name()
                    + " needs image data, but this data set has flat samples; use model mlp or image data");
        }
    }

    /** The schedule on the step clock: errors here are a schedule that does not fit the training run. */
    private static void schedule(SessionState s, Span at) throws StatementError {
        if (s.data() == null) {
            throw new StatementError(at, "the schedule's step clock needs data: add 'data ...;' before this");
        }
        try {
            s.schedule();
        } catch (IllegalArgumentException e) {
            throw new StatementError(s.pruning().scheduleSpan() != null ? s.pruning().scheduleSpan() : at,
                    "schedule does not fit this training run: " + e.getMessage());
        }
    }

    private static void requireRun(State st, Span at, String what) throws StatementError {
        if (!st.runDone()) {
            throw new StatementError(at, what + " needs a finished run or 'prune now': add 'run;' before it");
        }
    }

    private void savedName(Str name) {
        if (!name.value().matches(SAVED_NAME) || name.value().matches("\\.+")) {
            h.problems.error(name.span(), "a saved model's name uses letters, digits, '.', '_' and '-', found \""
                    + name.value() + "\"");
        }
    }

    /** The name (null when none is given) becomes part of a directory name, {@code runs/<time>-<name>/}. */
    private void runName(Str name) {
        if (name != null && !name.value().matches(SAVED_NAME)) {
            h.problems.error(name.span(), "a run name may use only letters, digits, '.', '_' and '-', found \""
                    + name.value() + "\"");
        }
    }
}
