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
import org.prunesh.interpreter.exec.Setting;
import org.prunesh.interpreter.exec.StatementError;
import org.prunesh.interpreter.exec.Step;
import org.prunesh.interpreter.exec.StpLowering;
import org.prunesh.interpreter.resolve.Resolver.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One handler per statement: each checks its statement against the facts so far and lowers it to
 * a {@link Step}. The setting statements are here; the statements that act are {@link Actions},
 * sweeps {@link SweepResolver}.
 */
final class Handlers extends CheckRules {

    /** What lowering found; reported only when the checks found nothing. */
    final List<Diagnostic> lowering = new ArrayList<>();
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

    State handle(Stmt statement, State st, List<Step> out) {
        CheckContext facts = st.facts();
        PruningSetup now = facts.pruning();
        if (statement instanceof Stmt.Sweep sweep) return sweeps.sweep(sweep, st, out);
        if (statement instanceof Stmt.Seed seed) {
            setup.seed(seed);
            return set(st, facts, seed, out, () -> new Setting.Seed(seed.value().longValue()));
        }
        if (statement instanceof Stmt.Data data) {
            setup.data(data);
            return set(st, facts.withData(), data, out, () -> new Setting.Data(Lowering.data(data, paths.baseDir())));
        }
        if (statement instanceof Stmt.Model model) {
            setup.model(model);
            boolean known = Vocabulary.MODELS.contains(model.model().text());
            // model resnet20 arch a: the network of a, as a literal or a search result defined before
            Optional<Name> arch = model.options().value(OptionKey.ARCH).map(v -> ((Ident) v).name());
            arch.ifPresent(a -> archs.extracted(a, facts));
            StpSetup stpAfter = archs.model(model.model(), known, now.stp()).withScratch(arch.isPresent());
            CheckContext after = facts.withModel().withPruning(now.withStp(stpAfter));
            return set(st, after, model, out, () -> new Setting.Model(Lowering.model(model),
                    arch.map(Name::text).orElse(null)));
        }
        if (statement instanceof Stmt.Train train) {
            setup.train(train);
            return set(st, facts, train, out, () -> {
                try {
                    return new Setting.Train(Lowering.train(train, st.planned().train()));
                } catch (IllegalArgumentException e) {
                    throw new StatementError(train.span(), e.getMessage());
                }
            });
        }
        if (statement instanceof Stmt.Schedule schedule) {
            Optional<Target> target = schedules.check(schedule.schedule(), facts);
            target.ifPresent(t -> {
                consistency.target(t, now.nm(), "final sparsity");
                consistency.target(t, now.floor(), now.cap());
            });
            CheckContext after = facts.withPruning(now.withTarget(target.map(Target::sparsity).orElse(null)));
            return set(st, after, schedule, out, () -> new Setting.Schedule(
                    PruningLowering.schedule(schedule.schedule(), st.planned().definitions()), schedule.span()));
        }
        if (statement instanceof Stmt.Select select) {
            selections.check(select.selection(), facts);
            return set(st, facts, select, out, () -> new Setting.Select(
                    PruningLowering.selection(select.selection(), st.planned().definitions())));
        }
        if (statement instanceof Stmt.Scope scope) {
            PruningChecks.Bounds bounds = pruning.scope(scope.expr());
            consistency.bounds(bounds.floor(), bounds.cap(), now.target());
            CheckContext after = facts.withPruning(now.withBounds(bounds.floorValue(), bounds.capValue()));
            return set(st, after, scope, out, () -> new Setting.ScopeOf(PruningLowering.scope(scope.expr()),
                    PruningLowering.bounds(scope.expr())));
        }
        if (statement instanceof Stmt.Granularity granularity) {
            PruningChecks.Granularity g = pruning.granularity(granularity);
            if (g.nm() != null) consistency.pattern(g.nm(), granularity.pattern().span(), now.target());
            consistency.regrowth(now.regrow(), g.name(), granularity.kind().span(), false);
            CheckContext after = facts.withPruning(now.withGranularity(g.name(), g.nm()));
            return set(st, after, granularity, out,
                    () -> new Setting.GranularityOf(PruningLowering.granularity(granularity)));
        }
        if (statement instanceof Stmt.Count count) {
            pruning.count(count);
            return set(st, facts, count, out, () -> new Setting.Count(count.kind().text().equals("all")));
        }
        if (statement instanceof Stmt.Exclude exclude) {
            pruning.exclude(exclude);
            return set(st, facts, exclude, out, () -> new Setting.Exclude(Lowering.exclusions(exclude)));
        }
        if (statement instanceof Stmt.Regrow regrow) {
            String method = training.regrow(regrow);
            consistency.regrowth(method, now.granularity(), regrow.method().span(), true);
            return set(st, facts.withPruning(now.withRegrow(method)), regrow, out, () -> new Setting.Regrow(
                    PruningLowering.regrowth(regrow, st.planned().pruning().schedule())));
        }
        if (statement instanceof Stmt.Init init) {
            training.init(init);
            return set(st, facts, init, out, () -> new Setting.Init(PruningLowering.init(init)));
        }
        if (statement instanceof Stmt.Let let) return let(let, st, out);
        if (statement instanceof Stmt.Use use) return blocks.use(use, st, out);
        if (statement instanceof Stmt.Space space) {
            CheckContext after = facts.withPruning(now.withStp(stp.space(space, now.stp())));
            return set(st, after, space, out, () -> StpLowering.space(space));
        }
        if (statement instanceof Stmt.Budget budget) {
            CheckContext after = facts.withPruning(now.withStp(stp.budget(budget, now.stp())));
            return set(st, after, budget, out, () -> new Setting.Budget(budget.fraction().fraction()));
        }
        if (statement instanceof Stmt.Stimulate stimulate) {
            CheckContext after = facts.withPruning(now.withStp(stp.stimulate(stimulate, now.stp())));
            return set(st, after, stimulate, out, () -> StpLowering.stimulate(stimulate));
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
            CheckContext after = archs.let(let.name(), arch, st.facts());
            return set(st, after, let, out, () -> new Setting.Define(name,
                    new Definition.Architecture(ArchValue.literal(arch))));
        }
        CheckContext after = pruning.let(let, st.facts());
        return set(st, after, let, out, () -> new Setting.Define(name, let.value() instanceof ScheduleExpr se
                ? new Definition.Schedule(PruningLowering.schedule(se, st.planned().definitions()))
                : new Definition.Selection(PruningLowering.selection((SelectExpr) let.value(),
                st.planned().definitions()))));
    }

    /** A setting statement: its step, and the planned state with it applied. */
    State set(State st, CheckContext facts, Stmt statement, List<Step> out, Lower<Setting> lower) {
        Setting setting = lower(statement, lower);
        if (setting == null) return st.with(facts);
        out.add(new Step.Set(setting, statement.span()));
        return new State(setting.applyTo(st.planned()), facts, st.runDone());
    }

    /**
     * Lowers a statement when everything so far was valid, or returns null: after a finding of the
     * checks lowering stops, and a finding of lowering is kept for when the checks find nothing.
     */
    <T> T lower(Stmt statement, Lower<T> lower) {
        if (problems.count() > 0) return null;
        try {
            return lower.apply();
        } catch (StatementError e) {
            lowering.add(new Diagnostic(e.span() == null ? statement.span() : e.span(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            // a value only the planned state can judge (for example a schedule the step clock rejects)
            lowering.add(new Diagnostic(statement.span(), e.getMessage()));
        }
        return null;
    }
}
