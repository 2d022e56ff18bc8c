package org.prunesh.interpreter.exec;

import org.prunesh.interpreter.CellFilter;
import org.prunesh.interpreter.SessionListener;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.model.Flops;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.stp.Arch;
import org.prunesh.ops.stp.SubnetLayout;
import org.prunesh.ops.train.Evaluator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Carries out resolved {@link Step}s on a {@link SessionState}: one handler per step. Every
 * check happened in the resolver; what can still fail here is what only doing it can show (data
 * that does not load, a directory that cannot be written).
 */
public final class Executor {

    private final Path baseDir;
    private final SessionListener listener;
    private final RunExecutor runs;
    private final InteractivePruning interactive;
    private final ModelStore store;
    private final StpExecutor stp;
    private final PrunedExtraction cut;
    private int runsStarted;
    private Resume resume;
    /** Set for one evaluation by {@link #onlyCell}: the sweep cell to carry out; null otherwise. */
    private OnlyCell only;
    /** The cells of a sweep this session carries out (--only); the others are passed over. */
    private final CellFilter cells;
    /** Finished runs are taken from disk outside sweeps too (run --reuse). */
    private final boolean reuse;

    /** One cell of the sweep, as a job-array task runs it; {@code done} once the sweep step is past. */
    private static final class OnlyCell {
        final int index;
        boolean done;

        OnlyCell(int index) {
            this.index = index;
        }
    }

    /** A run to continue from its directory when the replayed script reaches it. */
    private record Resume(int ordinal, Path dir) {
    }

    /**
     * What a step runs in: the script a run directory records, the cancel flag, and the sweep
     * cell it belongs to ({@link Cell#NONE} outside a sweep).
     */
    public record Context(String scriptText, BooleanSupplier cancelled, Cell cell) {

        Context in(Cell c) {
            return new Context(scriptText, cancelled, c);
        }
    }

    /**
     * @param label the cell's label, appended to run names as {@code name[label]}; null outside a sweep
     * @param sweep which sweep of the session (1, 2, ...) a run belongs to, 0 outside one
     */
    public record Cell(String label, int sweep) {
        public static final Cell NONE = new Cell(null, 0);
    }

    public Executor(Path baseDir, Path runsDir, List<Path> writable, CellFilter cells, boolean reuse,
                    SessionListener listener) {
        this.baseDir = baseDir;
        this.cells = cells;
        this.reuse = reuse;
        this.listener = listener;
        DataCache data = new DataCache();
        this.runs = new RunExecutor(data, runsDir, listener);
        this.interactive = new InteractivePruning(data, new WritePolicy(runsDir, writable), listener);
        this.store = new ModelStore(runsDir, data);
        this.stp = new StpExecutor(store, listener);
        this.cut = new PrunedExtraction(store, listener);
    }

    /** Where scripts may write; the resolver checks export directories against it. */
    public Path exportTarget(org.prunesh.interpreter.ast.Str dir) throws StatementError {
        return interactive.target(dir);
    }

    /**
     * Makes the next evaluation a replay: the first {@code ordinal - 1} runs (finished before) and
     * the actions around them are skipped, settings still apply; the {@code ordinal}-th run
     * continues from {@code dir}; everything after it executes normally.
     */
    public void resumeAt(int ordinal, Path dir) {
        this.resume = new Resume(ordinal, dir);
        this.runsStarted = 0;
    }

    /**
     * Makes the next evaluation one cell of its sweep: the statements before the sweep, then only
     * cell {@code index}; the cells before it only count their runs (so run names and replay
     * ordinals are those of the whole sweep), and nothing after the sweep acts.
     */
    public void onlyCell(int index) {
        this.only = new OnlyCell(index);
    }

    public SessionState execute(Step step, SessionState s, Context ctx) throws StatementError {
        if (step instanceof Step.Set set) return set.setting().applyTo(s);
        if (only != null && only.done) return s;
        if (resume != null && !(step instanceof Step.Run || step instanceof Step.Sweep)) return s;
        if (step instanceof Step.Run run) return run(run, s, ctx);
        if (step instanceof Step.Sweep sweep) return sweep(sweep.plan(), s, ctx);
        if (step instanceof Step.PruneNow now) return s.withLastRun(interactive.pruneNow(now, s));
        if (step instanceof Step.Load load) return load(load, s);
        if (step instanceof Step.Search search) {
            StpExecutor.Searched found = stp.search(search, s);
            return s.withDefinition(search.as(), new Definition.Architecture(found.value()))
                    .withStp(s.stp().withLastSearch(found.record()));
        }
        if (step instanceof Step.Extract ex) return extract(ex, s, ctx);
        if (step instanceof Step.ExtractPruned ex) return cut.extract(ex, s, ctx.cell().sweep());
        listener.output(output(step, s));
        return s;
    }

    /** The steps that only write to the output (or to a directory) and leave the state as it was. */
    private String output(Step step, SessionState s) throws StatementError {
        RunRecord r = s.lastRun();
        if (step instanceof Step.Evaluate) {
            return Reports.evaluation(r.name(), Evaluator.evaluate(r.network(), r.data().testX(), r.data().testY(), 1000));
        }
        if (step instanceof Step.Export export) return interactive.export(export, r);
        if (step instanceof Step.Save save) return save(save, s);
        if (step instanceof Step.Report report) {
            return report.target() == ReportTarget.SEARCH ? stp.reportSearch(report, s) : report(report, s);
        }
        if (step instanceof Step.ShowSchedule) {
            return Reports.schedule(s.schedule(), s.pruning().schedule().describe());
        }
        if (step instanceof Step.ShowArch show) {
            return showArch(show.name(), ((Definition.Architecture) s.definitions().get(show.name())).arch(), s);
        }
        if (step instanceof Step.ShowConfig) return ConfigStatements.of(s);
        throw new IllegalStateException("no handler for " + step.getClass().getSimpleName());
    }

    private SessionState run(Step.Run run, SessionState s, Context ctx) throws StatementError {
        String name = run.name() + (ctx.cell().label() == null ? "" : "[" + ctx.cell().label() + "]");
        int ordinal = ++runsStarted;
        Path resumeDir = null;
        if (resume != null) {
            if (ordinal < resume.ordinal()) return s;
            resumeDir = resume.dir();
            resume = null;
        }
        RunConfig.Replay replay = new RunConfig.Replay(ordinal, run.span().source(), baseDir.toString(), cells.values());
        try {
            SessionState built;
            try {
                built = runs.scratch(s);
            } catch (IllegalArgumentException e) {
                throw new StatementError(run.span(), "the model's arch does not fit " + s.model().name() + ": "
                        + e.getMessage());
            }
            boolean inSweep = ctx.cell().label() != null;
            RunRecord r = runs.run(built, name, ctx.scriptText(), replay, resumeDir, reuse || inSweep, inSweep,
                    ctx.cancelled());
            // a diverged run has no result: its last finished epoch is not one
            return s.withFinishedRun(r, new SessionState.RunRow(name, s.pruning().summary(),
                    r.result().epochs().isEmpty() || r.result().diverged()
                    ? Double.NaN : r.result().epochs().get(r.result().epochs().size() - 1).testAccuracy(),
                    r.layers().sparsityOverPrunable(), r.layers().sparsityOverAll(), r.result().seconds(),
                    r.result().cancelled(), r.directory(), ctx.cell().sweep()));
        } catch (IOException e) {
            throw new StatementError(run.span(), "cannot load data: " + e.getMessage(), e);
        }
    }

    /**
     * Every cell in turn, each from the settings before the sweep with the results (runs,
     * history, subnets) of the cells before it. A run that finished before with the same
     * configuration (an interrupted sweep started again) is taken from disk, not retrained.
     */
    private SessionState sweep(SweepPlan plan, SessionState before, Context ctx) throws StatementError {
        int sweep = before.history().stream().mapToInt(SessionState.RunRow::sweep).max().orElse(0) + 1;
        SessionState current = before;
        for (SweepCell cell : plan.cells()) {
            if (ctx.cancelled().getAsBoolean()) break;
            boolean passedOver = only != null ? cell.index() != only.index : !cells.admits(cell.values());
            if (passedOver) {
                // counted, so that run ordinals (what resume replays to) are the whole sweep's
                if (only == null || cell.index() < only.index) {
                    runsStarted += (int) cell.body().stream().filter(Step.Run.class::isInstance).count();
                }
                continue;
            }
            current = runCell(cell, before.withResultsOf(current), ctx.in(new Cell(cell.label(), sweep)));
        }
        if (only != null) only.done = true;
        return current;
    }

    /**
     * One cell on its own: its body from {@code cell.start(beforeSweep)}. This is what a job-array
     * task calls after the statements before the sweep.
     */
    public SessionState runCell(SweepCell cell, SessionState beforeSweep, Context ctx) throws StatementError {
        SessionState current = cell.start(beforeSweep);
        for (Step step : cell.body()) {
            if (ctx.cancelled().getAsBoolean()) break;
            current = execute(step, current, ctx);
        }
        return current;
    }

    private String save(Step.Save save, SessionState s) throws StatementError {
        try {
            return "saved '" + s.lastRun().name() + "' to " + store.save(save.name(), s.lastRun(), s.data());
        } catch (IOException e) {
            throw new StatementError(save.span(), "cannot save: " + e.getMessage(), e);
        }
    }

    private SessionState load(Step.Load load, SessionState s) throws StatementError {
        try {
            RunRecord r = store.load(load.name());
            listener.output("loaded '" + load.name() + "' (" + r.network().spec().name() + ", "
                    + String.format("%.2f%% sparse", 100 * r.layers().sparsityOverPrunable()) + ") from " + r.directory());
            return s.withLastRun(r);
        } catch (IOException | RuntimeException e) {
            throw new StatementError(load.span(), "cannot load '" + load.name() + "': " + e.getMessage(), e);
        }
    }

    private static String report(Step.Report report, SessionState s) throws StatementError {
        RunRecord r = s.lastRun();
        return switch (report.target()) {
            case RUNS -> Reports.runs(s.history());
            case SUBNETS -> StpReports.subnets(s.stp().subnets());
            case ARCH -> StpReports.lastArch(s.stp().subnets());
            case COMPARE -> Comparisons.report(s.history(), report);
            case FLOPS -> Reports.flops(Flops.count(r.network(), r.result().masks().activeCounts()));
            case LAYERS -> r.layers().render();
            case SEARCH -> throw new IllegalStateException("report search needs the network: StpExecutor.reportSearch");
        };
    }

    private SessionState extract(Step.Extract ex, SessionState s, Context ctx) throws StatementError {
        StpState.SubnetRow row = stp.extract(ex, s, ((Definition.Architecture) s.definitions().get(ex.arch())).arch());
        double pruned = 1 - (double) row.params() / row.fullParams();
        return s.withStp(s.stp().withSubnet(row)).withHistoryRow(new SessionState.RunRow(row.name(),
                "subnet " + row.strategy(), row.testAccuracy(), pruned, pruned, 0, false, row.directory(),
                ctx.cell().sweep()));
    }

    /** An architecture value with its FLOPs and parameters on the session's model. */
    static String showArch(String name, ArchValue value, SessionState s) {
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
}
