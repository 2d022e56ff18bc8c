package org.prunesh.interpreter.exec;

import org.prunesh.interpreter.SessionListener;
import org.prunesh.interpreter.ast.ArchExpr;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.ScheduleExpr;
import org.prunesh.interpreter.ast.SelectExpr;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.Sweeps;
import org.prunesh.interpreter.ast.Value;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.model.Flops;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.stp.Arch;
import org.prunesh.ops.stp.SubnetLayout;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.schedule.SparsitySchedule;
import org.prunesh.ops.train.Evaluator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Carries out statements on a {@link SessionState}. In plan mode nothing is loaded or trained:
 * each statement only updates the state and checks what needs the step clock (schedule points
 * in mixed units, model vs data shape), so a script's errors all surface before training starts.
 */
public final class Executor {

    private final Path baseDir;
    private final SessionListener listener;
    private final RunExecutor runs;
    private final InteractivePruning interactive;
    private final ModelStore store;
    private final StpExecutor stp;
    private int runsStarted;
    private Resume resume;
    /** Inside a sweep: the combination's label, appended to run names; null outside. */
    private String sweepLabel;
    private int sweepsStarted;
    /** Set for one evaluation by {@link #onlyCell}: the sweep combination to execute; null otherwise. */
    private Cell cell;

    /** One combination of the script's sweep, run alone (one task of a cluster job array). */
    private static final class Cell {
        final int index;
        boolean done;

        Cell(int index) {
            this.index = index;
        }
    }

    /** A run to continue from its directory when the replayed script reaches it. */
    private record Resume(int ordinal, Path dir) {
    }

    public Executor(Path baseDir, Path runsDir, List<Path> writable, SessionListener listener) {
        this.baseDir = baseDir;
        this.listener = listener;
        DataCache data = new DataCache();
        this.runs = new RunExecutor(data, runsDir, listener);
        this.interactive = new InteractivePruning(data, new WritePolicy(runsDir, writable), listener);
        this.store = new ModelStore(runsDir, data);
        this.stp = new StpExecutor(runsDir, store, listener);
    }

    /**
     * Makes the next evaluation a replay: the first {@code ordinal - 1} run statements (finished
     * before) and the statements around them only update the state, as in a plan pass; the
     * {@code ordinal}-th run continues from {@code dir}; everything after it executes normally.
     */
    public void resumeAt(int ordinal, Path dir) {
        this.resume = new Resume(ordinal, dir);
        this.runsStarted = 0;
    }

    /**
     * Makes the next evaluation one cell of its sweep: the statements before the sweep, then only
     * combination {@code index} (earlier ones update the state as a plan pass does and count their
     * runs, so run names and replay positions are those of the whole sweep); nothing after it.
     */
    public void onlyCell(int index) {
        this.cell = new Cell(index);
    }

    /** What a plan pass knows that a state does not: whether a run would have happened by now. */
    public static final class Plan {
        boolean runPlanned;

        public Plan(boolean runDone) {
            this.runPlanned = runDone;
        }
    }

    /**
     * @param plan non-null for a plan pass
     * @param scriptText what a run directory records as the script
     */
    public SessionState apply(Stmt stmt, SessionState s, Plan plan, String scriptText, BooleanSupplier cancelled)
            throws StatementError {
        if (plan == null && resume != null && !(stmt instanceof Stmt.Run || stmt instanceof Stmt.Sweep)) {
            return apply(stmt, s, new Plan(true), scriptText, cancelled);
        }
        if (plan == null && cell != null && cell.done) return apply(stmt, s, new Plan(true), scriptText, cancelled);
        if (stmt instanceof Stmt.Seed seed) return s.withSeed(seed.value().longValue());
        if (stmt instanceof Stmt.Data data) return s.withData(Lowering.data(data, baseDir));
        if (stmt instanceof Stmt.Model model) return s.withModel(Lowering.model(model));
        if (stmt instanceof Stmt.Train train) {
            try {
                return s.withTrain(Lowering.train(train, s.train()));
            } catch (IllegalArgumentException e) {
                throw new StatementError(train.span(), e.getMessage());
            }
        }
        PruningState p = s.pruning();
        if (stmt instanceof Stmt.Schedule sch) {
            return s.withPruning(p.withSchedule(PruningLowering.schedule(sch.schedule(), s.definitions()), sch.span()));
        }
        if (stmt instanceof Stmt.Select sel) {
            return s.withPruning(p.withSelection(PruningLowering.selection(sel.selection(), s.definitions())));
        }
        if (stmt instanceof Stmt.Scope scope) {
            return s.withPruning(p.withScope(PruningLowering.scope(scope.expr()), PruningLowering.bounds(scope.expr())));
        }
        if (stmt instanceof Stmt.Granularity g) return s.withPruning(p.withGranularity(PruningLowering.granularity(g)));
        if (stmt instanceof Stmt.Count c) return s.withPruning(p.withCountAll(c.kind().text().equals("all")));
        if (stmt instanceof Stmt.Exclude ex) return s.withPruning(p.withExclusions(Lowering.exclusions(ex)));
        if (stmt instanceof Stmt.Regrow r) return s.withPruning(p.withRegrowth(PruningLowering.regrowth(r, p.schedule())));
        if (stmt instanceof Stmt.Init init) return s.withPruning(p.withInit(PruningLowering.init(init)));
        if (stmt instanceof Stmt.Space space) return s.withStp(StpLowering.space(space, s.stp()));
        if (stmt instanceof Stmt.Budget budget) return s.withStp(s.stp().withBudget(budget.fraction().fraction()));
        if (stmt instanceof Stmt.Stimulate st) return s.withStp(StpLowering.stimulate(st, s.stp()));
        if (stmt instanceof Stmt.Search search) {
            requireRun(s, plan, search, "search");
            if (plan != null) return s.withDefinition(search.as().text(), ArchValue.PLANNED);
            return s.withDefinition(search.as().text(), stp.search(search, s));
        }
        if (stmt instanceof Stmt.Extract ex) {
            requireRun(s, plan, ex, "extract");
            if (plan != null) return s;
            StpState.SubnetRow row = stp.extract(ex, s, (ArchValue) s.definitions().get(ex.arch().text()));
            return s.withStp(s.stp().withSubnet(row)).withHistoryRow(new SessionState.RunRow(row.name(),
                    "subnet " + row.strategy(), row.testAccuracy(), 1 - (double) row.params() / row.fullParams(),
                    1 - (double) row.params() / row.fullParams(), 0, false, row.directory(),
                    sweepLabel == null ? 0 : sweepsStarted));
        }
        if (stmt instanceof Stmt.Let let && let.value() instanceof ArchExpr arch) {
            return s.withDefinition(let.name().text(), ArchValue.literal(arch));
        }
        if (stmt instanceof Stmt.Let let) {
            Object value = let.value() instanceof ScheduleExpr se
                    ? PruningLowering.schedule(se, s.definitions())
                    : PruningLowering.selection((SelectExpr) let.value(), s.definitions());
            return s.withDefinition(let.name().text(), value);
        }
        if (stmt instanceof Stmt.Run run) return run(run, s, plan, scriptText, cancelled);
        if (stmt instanceof Stmt.Sweep sweep) return sweep(sweep, s, plan, scriptText, cancelled);
        if (stmt instanceof Stmt.PruneNow now) {
            if (plan != null) {
                requireModel(s, now, "prune now");
                plan.runPlanned = true;
                return s;
            }
            return s.withLastRun(interactive.pruneNow(now, s));
        }
        if (stmt instanceof Stmt.Export export) {
            requireRun(s, plan, export, "export tensors");
            interactive.target(export);
            if (plan == null) interactive.export(export, s.lastRun());
            return s;
        }
        if (stmt instanceof Stmt.Save save) {
            requireRun(s, plan, save, "save");
            if (plan == null) {
                try {
                    listener.output("saved '" + s.lastRun().name() + "' to "
                            + store.save(save.name().value(), s.lastRun(), s.data()));
                } catch (IOException e) {
                    throw new StatementError(save.span(), "cannot save: " + e.getMessage(), e);
                }
            }
            return s;
        }
        if (stmt instanceof Stmt.Load load) {
            if (plan != null) {
                plan.runPlanned = true;
                return s;
            }
            try {
                RunRecord r = store.load(load.name().value());
                listener.output("loaded '" + load.name().value() + "' (" + r.network().spec().name() + ", "
                        + String.format("%.2f%% sparse", 100 * r.layers().sparsityOverPrunable()) + ") from " + r.directory());
                return s.withLastRun(r);
            } catch (IOException | RuntimeException e) {
                throw new StatementError(load.span(), "cannot load '" + load.name().value() + "': " + e.getMessage(), e);
            }
        }
        if (stmt instanceof Stmt.Evaluate ev) {
            requireRun(s, plan, ev, "evaluate");
            if (plan == null) {
                RunRecord r = s.lastRun();
                Evaluator.Result e = Evaluator.evaluate(r.network(), r.data().testX(), r.data().testY(), 1000);
                listener.output(Reports.evaluation(r.name(), e));
            }
            return s;
        }
        if (stmt instanceof Stmt.Report report) {
            if (report.what().text().equals("runs")) {
                if (plan == null) listener.output(Reports.runs(s.history()));
                return s;
            }
            if (report.what().text().equals("subnets") || report.what().text().equals("arch")) {
                if (plan == null) {
                    listener.output(report.what().text().equals("subnets") ? StpReports.subnets(s.stp().subnets())
                            : StpReports.lastArch(s.stp().subnets()));
                }
                return s;
            }
            if (report.what().text().equals("compare")) {
                if (plan == null) listener.output(Comparisons.report(s.history(), report));
                return s;
            }
            requireRun(s, plan, report, "report " + report.what().text());
            if (plan == null) {
                RunRecord r = s.lastRun();
                listener.output(report.what().text().equals("flops")
                        ? Reports.flops(Flops.count(r.network(), r.result().masks().activeCounts()))
                        : r.layers().render());
            }
            return s;
        }
        if (stmt instanceof Stmt.Show show && s.definitions().get(show.what().text()) instanceof ArchValue arch) {
            if (plan == null) listener.output(showArch(show.what().text(), arch, s));
            return s;
        }
        if (stmt instanceof Stmt.Show show) {
            SparsitySchedule schedule = resolve(s, show);
            if (plan == null) listener.output(Reports.schedule(schedule, p.schedule().describe()));
            return s;
        }
        throw new IllegalStateException("no executor for " + stmt.getClass().getSimpleName());
    }

    private SessionState run(Stmt.Run run, SessionState s, Plan plan, String scriptText, BooleanSupplier cancelled)
            throws StatementError {
        requireModel(s, run, "run");
        resolve(s, run);
        if (plan != null) {
            plan.runPlanned = true;
            return s;
        }
        String name = (run.name() == null ? "run" : run.name().value())
                + (sweepLabel == null ? "" : "[" + sweepLabel + "]");
        int ordinal = ++runsStarted;
        Path resumeDir = null;
        if (resume != null) {
            if (ordinal < resume.ordinal()) return s;
            resumeDir = resume.dir();
            resume = null;
        }
        RunConfig.Replay replay = new RunConfig.Replay(ordinal, run.span().source(), baseDir.toString());
        try {
            RunRecord r = runs.run(s, name, scriptText, replay, resumeDir, sweepLabel != null, cancelled);
            return s.withFinishedRun(r, new SessionState.RunRow(name, s.pruning().summary(), r.result().epochs().isEmpty() ? Double.NaN
                    : r.result().epochs().get(r.result().epochs().size() - 1).testAccuracy(),
                    r.layers().sparsityOverPrunable(), r.layers().sparsityOverAll(), r.result().seconds(),
                    r.result().cancelled(), r.directory(), sweepLabel == null ? 0 : sweepsStarted));
        } catch (IOException e) {
            throw new StatementError(run.span(), "cannot load data: " + e.getMessage(), e);
        }
    }

    /**
     * Every combination in turn: {@code seed} sets the seed, other variables replace names in the
     * body. A run inside is named {@code name[var=value,...]}; one that finished before with the
     * same configuration (an interrupted sweep started again) is taken from disk, not retrained.
     */
    private SessionState sweep(Stmt.Sweep sweep, SessionState s, Plan plan, String scriptText,
                               BooleanSupplier cancelled) throws StatementError {
        SessionState current = s;
        if (plan == null) sweepsStarted++;
        List<Map<String, Value>> combinations = Sweeps.combinations(sweep);
        for (int i = 0; i < combinations.size(); i++) {
            Map<String, Value> combination = combinations.get(i);
            if (cancelled.getAsBoolean()) break;
            boolean skipped = plan == null && cell != null && i != cell.index;
            if (skipped && i > cell.index) break;
            if (combination.get(Sweeps.SEED) instanceof Num seed) current = current.withSeed(seed.longValue());
            sweepLabel = Sweeps.label(combination);
            try {
                for (Stmt inner : Sweeps.body(sweep, combination)) {
                    if (skipped && inner instanceof Stmt.Run) runsStarted++;
                    current = apply(inner, current, skipped ? new Plan(true) : plan, scriptText, cancelled);
                }
            } finally {
                sweepLabel = null;
            }
        }
        if (plan == null && cell != null) cell.done = true;
        return current;
    }

    /** An architecture value with its FLOPs and parameters on the session's model. */
    private static String showArch(String name, ArchValue value, SessionState s) throws StatementError {
        Architecture a = s.lastRun() != null ? s.lastRun().network().architecture()
                : Models.build(s.model(), s.data().sampleShape(), classes(s), 0, 0).architecture();
        Arch arch = value.resolve(a);
        SubnetLayout layout = SubnetLayout.of(a, arch);
        return String.format("%s = %s%n%s%.1f%% of the FLOPs (%,d of %,d MACs), %,d parameters%s%n", name,
                arch.literal(a), StpReports.perStage(a, arch), 100 * layout.macsFraction(), layout.macs(),
                layout.fullMacs(), layout.params(),
                Double.isNaN(value.score()) ? "" : String.format(", KD %.4f (%s)", value.score(), value.strategy()));
    }

    private static int classes(SessionState s) {
        return s.data() instanceof org.prunesh.ops.data.DataSpec.Synthetic syn ? syn.classes() : 10;
    }

    private static void requireModel(SessionState s, Stmt at, String what) throws StatementError {
        if (s.data() == null || s.model() == null) {
            throw new StatementError(at.span(), what + " needs " + (s.data() == null ? "data" : "a model")
                    + ": add '" + (s.data() == null ? "data ...;" : "model ...;") + "' before it");
        }
        if (!(s.model() instanceof ModelSpec.Mlp) && s.data().sampleShape().length != 3) {
            throw new StatementError(at.span(), "model " + s.model().name()
                    + " needs image data, but this data set has flat samples; use model mlp or image data");
        }
    }

    private static SparsitySchedule resolve(SessionState s, Stmt at) throws StatementError {
        if (s.data() == null) {
            throw new StatementError(at.span(), "the schedule's step clock needs data: add 'data ...;' before this");
        }
        try {
            return RunExecutor.schedule(s);
        } catch (IllegalArgumentException e) {
            throw new StatementError(s.pruning().scheduleSpan() != null ? s.pruning().scheduleSpan() : at.span(),
                    "schedule does not fit this training run: " + e.getMessage());
        }
    }

    private static void requireRun(SessionState s, Plan plan, Stmt at, String what) throws StatementError {
        boolean available = s.lastRun() != null || (plan != null && plan.runPlanned);
        if (!available) {
            throw new StatementError(at.span(), what + " needs a finished run or 'prune now': add 'run;' before it");
        }
    }
}
