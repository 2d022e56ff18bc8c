package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.ArchExpr;
import org.prunesh.interpreter.ast.Block;
import org.prunesh.interpreter.ast.Ident;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.OptionKey;
import org.prunesh.interpreter.ast.ScheduleExpr;
import org.prunesh.interpreter.ast.SelectExpr;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.diag.Diagnostic;
import org.prunesh.interpreter.exec.ArchValue;
import org.prunesh.interpreter.exec.Definition;
import org.prunesh.interpreter.exec.Lowering;
import org.prunesh.interpreter.exec.PruningLowering;
import org.prunesh.interpreter.exec.SessionState;
import org.prunesh.interpreter.exec.Setting;
import org.prunesh.interpreter.exec.StatementError;
import org.prunesh.interpreter.exec.Step;
import org.prunesh.interpreter.exec.StpLowering;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One handler per statement: each checks its statement against the {@link State} so far and lowers
 * it to a {@link Step} applied to the planned state. The setting statements are here; the
 * statements that act are {@link Actions}, sweeps {@link SweepResolver}.
 */
final class Handlers extends CheckRules {

    /** What lowering found; reported only when the checks found nothing. */
    final List<Diagnostic> lowering = new ArrayList<>();
    /** How many findings said a statement was wrong before the one being handled (see {@link Problems#invalid}). */
    private int start;
    final Resolver.Paths paths;
    final SetupChecks setup = new SetupChecks(problems);
    final ScheduleChecks schedules = new ScheduleChecks(problems);
    final SelectionChecks selections = new SelectionChecks(problems);
    final PruningChecks pruning = new PruningChecks(problems, schedules, selections);
    final TrainingChecks training = new TrainingChecks(problems);
    final Consistency consistency = new Consistency(problems);
    final ArchChecks archs = new ArchChecks(problems);
    final StpChecks stp = new StpChecks(problems, archs);
    private final Actions actions = new Actions(this);
    private final SweepResolver sweeps = new SweepResolver(this);
    private final Blocks blocks = new Blocks(this);

    /** Turns a valid statement into what it does; may fail where only the planned state can tell. */
    interface Lower<T> {
        T apply() throws StatementError;
    }

    Handlers(Resolver.Paths paths) {
        super(new Problems());
        this.paths = paths;
    }

    /** Resolves one statement; its own checks decide whether it is lowered, not those of earlier statements. */
    State handle(Stmt statement, State st, List<Step> out) {
        int outer = start;
        start = problems.invalid();
        try {
            return dispatch(statement, st, out);
        } finally {
            start = outer;
        }
    }

    private State dispatch(Stmt statement, State st, List<Step> out) {
        if (statement instanceof Stmt.Sweep sweep) return sweeps.sweep(sweep, st, out);
        if (statement instanceof Stmt.Seed seed) {
            setup.seed(seed);
            return set(st, seed, out, () -> new Setting.Seed(seed.value().longValue()));
        }
        if (statement instanceof Stmt.Data data) {
            setup.data(data);
            return set(st, data, out, () -> new Setting.Data(Lowering.data(data, paths.baseDir())));
        }
        if (statement instanceof Stmt.Model model) {
            setup.model(model);
            // model resnet20 arch a: the network of a, as a literal or a search result defined before
            Optional<Name> arch = model.options().value(OptionKey.ARCH).map(v -> ((Ident) v).name());
            arch.ifPresent(a -> archs.extracted(a, st));
            archs.model(model.model(), st);
            return set(st, model, out,
                    () -> new Setting.Model(Lowering.model(model), arch.map(Name::text).orElse(null)));
        }
        if (statement instanceof Stmt.Train train) {
            setup.train(train);
            return set(st, train, out, () -> {
                try {
                    return new Setting.Train(Lowering.train(train, st.planned().train()));
                } catch (IllegalArgumentException e) {
                    throw new StatementError(train.span(), e.getMessage());
                }
            });
        }
        if (statement instanceof Stmt.Schedule schedule) {
            schedules.check(schedule.schedule(), st).ifPresent(t -> {
                consistency.target(t, st.nm(), "final sparsity");
                consistency.target(t, st.floor(), st.cap());
            });
            return set(st, schedule, out, () -> new Setting.Schedule(
                    PruningLowering.schedule(schedule.schedule(), st.planned().definitions()), schedule.span()));
        }
        if (statement instanceof Stmt.Select select) {
            selections.check(select.selection(), st);
            return set(st, select, out, () -> new Setting.Select(
                    PruningLowering.selection(select.selection(), st.planned().definitions())));
        }
        if (statement instanceof Stmt.Scope scope) {
            PruningChecks.Bounds bounds = pruning.scope(scope.expr());
            consistency.bounds(bounds.floor(), bounds.cap(), st.target());
            return set(st, scope, out, () -> new Setting.ScopeOf(PruningLowering.scope(scope.expr()),
                    PruningLowering.bounds(scope.expr())));
        }
        if (statement instanceof Stmt.Granularity granularity) {
            PruningChecks.Kind g = pruning.granularity(granularity);
            if (g.nm() != null) consistency.pattern(g.nm(), granularity.pattern().span(), st.target());
            consistency.regrowth(st.regrow(), g.name(), granularity.kind().span(), false);
            return set(st, granularity, out, () -> new Setting.GranularityOf(PruningLowering.granularity(granularity)));
        }
        if (statement instanceof Stmt.Count count) {
            pruning.count(count);
            return set(st, count, out, () -> new Setting.Count(count.kind().text().equals("all")));
        }
        if (statement instanceof Stmt.Exclude exclude) {
            pruning.exclude(exclude);
            return set(st, exclude, out, () -> new Setting.Exclude(Lowering.exclusions(exclude)));
        }
        if (statement instanceof Stmt.Regrow regrow) {
            consistency.regrowth(training.regrow(regrow), st.granularity(), regrow.method().span(), true);
            return set(st, regrow, out, () -> new Setting.Regrow(
                    PruningLowering.regrowth(regrow, st.planned().pruning().schedule())));
        }
        if (statement instanceof Stmt.Init init) {
            training.init(init);
            return set(st, init, out, () -> new Setting.Init(PruningLowering.init(init)));
        }
        if (statement instanceof Stmt.Let let) return let(let, st, out);
        if (statement instanceof Stmt.Use use) return blocks.use(use, st, out);
        if (statement instanceof Stmt.Space space) {
            stp.space(space, st);
            return set(st, space, out, () -> StpLowering.space(space));
        }
        if (statement instanceof Stmt.Budget budget) {
            stp.budget(budget);
            return set(st, budget, out, () -> new Setting.Budget(budget.fraction().fraction()));
        }
        if (statement instanceof Stmt.Stimulate stimulate) {
            stp.stimulate(stimulate, st);
            return set(st, stimulate, out, () -> StpLowering.stimulate(stimulate));
        }
        if (statement instanceof Stmt.Import imp) {
            problems.error(imp.span(), "import belongs at the top level of a script, not inside a sweep");
            return st;
        }
        return actions.handle(statement, st, out);
    }

    private State let(Stmt.Let let, State st, List<Step> out) {
        String name = let.name().text();
        if (let.value() instanceof Block block) return blocks.let(let, block, st, out);
        if (let.value() instanceof ArchExpr arch) {
            archs.let(let.name(), arch, st);
            return set(st, let, out,
                    () -> new Setting.Define(name, new Definition.Architecture(ArchValue.literal(arch))));
        }
        pruning.let(let, st);
        return set(st, let, out, () -> new Setting.Define(name, let.value() instanceof ScheduleExpr se
                ? new Definition.Schedule(PruningLowering.schedule(se, st.planned().definitions()))
                : new Definition.Selection(PruningLowering.selection((SelectExpr) let.value(),
                st.planned().definitions()))));
    }

    /** A statement lowered: its step, the planned state after it, and whether a run will have happened. */
    record Lowered(Step step, SessionState planned, boolean runs) {
    }

    /** A setting statement: its step, and the planned state with it applied. */
    State set(State st, Stmt statement, List<Step> out, Lower<Setting> lower) {
        return resolve(st, statement, out, () -> {
            Setting setting = lower.apply();
            return new Lowered(new Step.Set(setting, statement.span()), setting.applyTo(st.planned()), false);
        });
    }

    /**
     * Lowers a statement and applies it to the planned state, or, when it had errors (or its
     * lowering failed), leaves the planned state as it was and records what it gave as unknown.
     */
    State resolve(State st, Stmt statement, List<Step> out, Lower<Lowered> lower) {
        Lowered done = lower(statement, lower);
        if (done == null) return st.unresolved(statement);
        out.add(done.step());
        return st.applied(statement, done.planned(), done.runs());
    }

    /**
     * Lowers a statement whose own checks found it valid (it may still conflict with an earlier one),
     * or returns null. A finding of lowering is kept for when the checks find nothing at all.
     */
    <T> T lower(Stmt statement, Lower<T> lower) {
        if (problems.invalid() > start) return null;
        try {
            return lower.apply();
        } catch (StatementError e) {
            lowering.add(new Diagnostic(e.span() == null ? statement.span() : e.span(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            // a value only the planned state can judge (for example a schedule the step clock rejects)
            lowering.add(new Diagnostic(statement.span(), e.getMessage()));
        } catch (RuntimeException e) {
            // after an earlier statement was left unresolved the planned state may lack what this
            // one names (a schedule defined by a let with errors); then this one is left unresolved too
            if (problems.count() == 0 && lowering.isEmpty()) throw e;
        }
        return null;
    }
}
