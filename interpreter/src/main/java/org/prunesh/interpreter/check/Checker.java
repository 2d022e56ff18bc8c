package org.prunesh.interpreter.check;

import org.prunesh.interpreter.ast.ArchExpr;
import org.prunesh.interpreter.ast.Ident;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.Script;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.Str;
import org.prunesh.interpreter.ast.SweepVar;
import org.prunesh.interpreter.ast.Sweeps;
import org.prunesh.interpreter.ast.Value;
import org.prunesh.interpreter.diag.Diagnostic;
import org.prunesh.interpreter.results.Metric;
import org.prunesh.interpreter.diag.Span;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a parsed script before anything runs: names against the vocabularies and the session's
 * definitions, options against what they apply to, numbers against their ranges, statements
 * against each other (an N:M pattern and a schedule's final sparsity, a density floor and the
 * target, regrowth and granularity, a space or an arch and the model, stimulative training and a
 * schedule) and order (a run needs data and a model before it, a search a space and a budget). It walks
 * the statements in order, so a {@code let} or {@code data} counts for the statements after it,
 * and it reports every problem it finds.
 */
public final class Checker {

    /** Report targets that look at the model, and so need data and a model given first. */
    private static final Set<String> REPORTS_ON_MODEL = Set.of("layers", "flops", "subnets", "arch");

    private static final Comparator<Diagnostic> BY_POSITION = Comparator
            .comparingInt((Diagnostic d) -> d.span().line()).thenComparingInt(d -> d.span().column());

    public CheckResult check(Script script, CheckContext context) {
        Pass pass = new Pass();
        CheckContext current = context;
        for (Stmt statement : script.statements()) {
            current = pass.check(statement, current);
        }
        // distinct: a sweep's body is checked once per combination and may repeat a finding
        List<Diagnostic> sorted = pass.problems.list().stream().distinct().sorted(BY_POSITION).toList();
        return new CheckResult(sorted, current);
    }

    /** The rules of one check, sharing the problems found so far. */
    private static final class Pass {

        final Problems problems = new Problems();
        final SetupChecks setup = new SetupChecks(problems);
        final ScheduleChecks schedules = new ScheduleChecks(problems);
        final SelectionChecks selections = new SelectionChecks(problems);
        final PruningChecks pruning = new PruningChecks(problems, schedules, selections);
        final TrainingChecks training = new TrainingChecks(problems);
        final Consistency consistency = new Consistency(problems);
        final NumberRules numbers = new NumberRules(problems);
        final NameRules names = new NameRules(problems);
        final ArchChecks archs = new ArchChecks(problems);
        final StpChecks stp = new StpChecks(problems, archs);

        CheckContext check(Stmt statement, CheckContext context) {
            PruningSetup now = context.pruning();
            if (statement instanceof Stmt.Sweep sweep) {
                return sweep(sweep, context);
            }
            if (statement instanceof Stmt.Seed seed) {
                setup.seed(seed);
            } else if (statement instanceof Stmt.Data data) {
                setup.data(data);
                return context.withData();
            } else if (statement instanceof Stmt.Model model) {
                setup.model(model);
                boolean known = Vocabulary.MODELS.contains(model.model().text());
                return context.withModel().withPruning(now.withStp(archs.model(model.model(), known, now.stp())));
            } else if (statement instanceof Stmt.Train train) {
                setup.train(train);
            } else if (statement instanceof Stmt.Schedule schedule) {
                Optional<Target> target = schedules.check(schedule.schedule(), context);
                target.ifPresent(t -> {
                    consistency.target(t, now.nm(), "final sparsity");
                    consistency.target(t, now.floor(), now.cap());
                });
                return context.withPruning(now.withTarget(target.map(Target::sparsity).orElse(null)));
            } else if (statement instanceof Stmt.Select select) {
                selections.check(select.selection(), context);
            } else if (statement instanceof Stmt.Scope scope) {
                PruningChecks.Bounds bounds = pruning.scope(scope.expr());
                consistency.bounds(bounds.floor(), bounds.cap(), now.target());
                return context.withPruning(now.withBounds(bounds.floorValue(), bounds.capValue()));
            } else if (statement instanceof Stmt.Granularity granularity) {
                PruningChecks.Granularity g = pruning.granularity(granularity);
                if (g.nm() != null) {
                    consistency.pattern(g.nm(), granularity.pattern().span(), now.target());
                }
                consistency.regrowth(now.regrow(), g.name(), granularity.kind().span(), false);
                return context.withPruning(now.withGranularity(g.name(), g.nm()));
            } else if (statement instanceof Stmt.Count count) {
                pruning.count(count);
            } else if (statement instanceof Stmt.Exclude exclude) {
                pruning.exclude(exclude);
            } else if (statement instanceof Stmt.Regrow regrow) {
                String method = training.regrow(regrow);
                consistency.regrowth(method, now.granularity(), regrow.method().span(), true);
                return context.withPruning(now.withRegrow(method));
            } else if (statement instanceof Stmt.Init init) {
                training.init(init);
            } else if (statement instanceof Stmt.Let let) {
                return let.value() instanceof ArchExpr arch ? archs.let(let.name(), arch, context)
                        : pruning.let(let, context);
            } else if (statement instanceof Stmt.Run run) {
                runName(run.name());
                needsSetup("run", run.span(), context);
                stp.run(run, now);
            } else if (statement instanceof Stmt.PruneNow prune) {
                pruneNow(prune, context);
            } else if (statement instanceof Stmt.Evaluate evaluate) {
                needsSetup("evaluate", evaluate.span(), context);
            } else if (statement instanceof Stmt.Export export) {
                export(export);
            } else if (statement instanceof Stmt.Import imp) {
                problems.error(imp.span(), "import belongs at the top level of a script, not inside a sweep");
            } else if (statement instanceof Stmt.Save save) {
                savedName(save.name());
            } else if (statement instanceof Stmt.Load load) {
                savedName(load.name());
                // the loaded model's kind is known only when it is loaded
                return context.withData().withModel().withPruning(now.withStp(now.stp().withModel(null)));
            } else if (statement instanceof Stmt.Report report) {
                Name what = report.what();
                if (names.known(what, Vocabulary.REPORTS) && REPORTS_ON_MODEL.contains(what.text())) {
                    needsSetup("report " + what.text(), report.span(), context);
                }
                if (report.by() != null && !what.text().equals("compare")) {
                    problems.error(report.by().span(), "'by' belongs to 'report compare', not 'report " + what.text() + "'");
                } else if (report.by() != null && Metric.named(report.by().text()).isEmpty()) {
                    problems.error(report.by().span(), "unknown metric '" + report.by().text() + "'; expected one of: "
                            + Metric.names());
                }
            } else if (statement instanceof Stmt.Show show) {
                archs.shown(show.what(), context);
            } else {
                return stp(statement, context);
            }
            return context;
        }

        /** The STP statements that are neither a let nor a run. */
        CheckContext stp(Stmt statement, CheckContext context) {
            PruningSetup now = context.pruning();
            if (statement instanceof Stmt.Space space) {
                return context.withPruning(now.withStp(stp.space(space, now.stp())));
            } else if (statement instanceof Stmt.Budget budget) {
                return context.withPruning(now.withStp(stp.budget(budget, now.stp())));
            } else if (statement instanceof Stmt.Stimulate stimulate) {
                return context.withPruning(now.withStp(stp.stimulate(stimulate, now.stp())));
            } else if (statement instanceof Stmt.Search search) {
                needsSetup("search", search.span(), context);
                return stp.search(search, context);
            } else if (statement instanceof Stmt.Extract extract) {
                needsSetup("extract", extract.span(), context);
                archs.extracted(extract.arch(), context);
                runName(extract.runName());
                return context;
            }
            throw new IllegalStateException("no check for " + statement.getClass().getSimpleName());
        }

        /** Saved models live under runs/saved/NAME, so a name is one plain path segment. */
        void savedName(Str name) {
            if (!name.value().matches("[A-Za-z0-9._-]+") || name.value().matches("\\.+")) {
                problems.error(name.span(), "a saved model's name uses letters, digits, '.', '_' and '-', found \""
                        + name.value() + "\"");
            }
        }

        /** Each combination's body in turn, as it will run; the state after the last one goes on. */
        CheckContext sweep(Stmt.Sweep sweep, CheckContext context) {
            Set<String> seen = new HashSet<>();
            boolean valid = true;
            for (SweepVar v : sweep.vars()) {
                if (!seen.add(v.name().text())) {
                    problems.error(v.name().span(), "sweep variable '" + v.name().text() + "' is given twice");
                    valid = false;
                }
                for (Value value : v.values()) {
                    if (v.name().text().equals(Sweeps.SEED)) {
                        if (value instanceof Num n) {
                            numbers.whole(n, "a seed", 0, Long.MAX_VALUE);
                        } else {
                            problems.error(span(value), "seed takes whole numbers, found '" + Sweeps.text(value) + "'");
                            valid = false;
                        }
                    } else if (!(value instanceof Ident)) {
                        problems.error(span(value), "sweep variable '" + v.name().text() + "' takes names (of "
                                + "definitions, scores, scopes, models...), found '" + Sweeps.text(value)
                                + "'; only 'seed' takes numbers");
                        valid = false;
                    }
                }
            }
            for (Stmt inner : sweep.body()) {
                if (inner instanceof Stmt.Sweep nested) {
                    problems.error(nested.span(), "sweeps do not nest: give the inner sweep's variables to the outer one");
                    valid = false;
                }
            }
            if (!valid) return context;
            CheckContext current = context;
            for (var combination : Sweeps.combinations(sweep)) {
                for (Stmt inner : Sweeps.body(sweep, combination)) current = check(inner, current);
            }
            return current;
        }

        private static Span span(Value v) {
            if (v instanceof Ident i) return i.name().span();
            if (v instanceof Num n) return n.span();
            return ((Str) v).span();
        }

        /** Prunes the model in hand, so it needs what a run needs; its own scope clause applies to it alone. */
        private void pruneNow(Stmt.PruneNow prune, CheckContext context) {
            needsSetup("prune now", prune.span(), context);
            Num target = prune.target();
            numbers.fraction(target, "sparsity 'to'");
            selections.check(prune.selection(), context);
            PruningSetup now = context.pruning();
            PruningChecks.Bounds bounds = prune.scope() == null ? null : pruning.scope(prune.scope());
            if (!NumberRules.isSparsity(target)) {
                return;
            }
            consistency.target(Target.of(target), now.nm(), "sparsity");
            if (bounds == null) {
                consistency.target(Target.of(target), now.floor(), now.cap());
            } else {
                consistency.bounds(bounds.floor(), bounds.cap(), target.exactFraction());
            }
        }

        private void export(Stmt.Export export) {
            names.known(export.what(), Vocabulary.EXPORTS);
            if (export.path().value().isBlank()) {
                problems.error(export.path().span(), "the directory to export to must not be empty");
            }
        }

        private void needsSetup(String what, Span span, CheckContext context) {
            if (!context.hasData() && !context.hasModel()) {
                problems.error(span, what + " needs data and a model: add 'data ...;' and 'model ...;' before it");
            } else if (!context.hasData()) {
                problems.error(span, what + " needs data: add 'data ...;' before it");
            } else if (!context.hasModel()) {
                problems.error(span, what + " needs a model: add 'model ...;' before it");
            }
        }

        /** The name (null when none is given) becomes part of a directory name, {@code runs/<time>-<name>/}. */
        private void runName(Str name) {
            if (name != null && !name.value().matches("[A-Za-z0-9._-]+")) {
                problems.error(name.span(), "a run name may use only letters, digits, '.', '_' and '-', found \""
                        + name.value() + "\"");
            }
        }
    }
}
