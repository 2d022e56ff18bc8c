package org.prunesh.interpreter.exec;

import org.prunesh.interpreter.SessionListener;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.schedule.ConstantSpec;
import org.prunesh.ops.schedule.CubicSpec;
import org.prunesh.ops.schedule.LinearSpec;
import org.prunesh.ops.schedule.OneShotSpec;
import org.prunesh.ops.schedule.ScheduleSpec;
import org.prunesh.ops.schedule.SparsitySchedule;
import org.prunesh.ops.schedule.StepPoint;
import org.prunesh.ops.train.Evaluator;

import java.io.IOException;
import java.nio.file.Path;
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

    public Executor(Path baseDir, Path runsDir, SessionListener listener) {
        this.baseDir = baseDir;
        this.listener = listener;
        this.runs = new RunExecutor(new DataCache(), runsDir, listener);
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
        if (stmt instanceof Stmt.Schedule sch) {
            return s.withSchedule(Lowering.schedule(sch.schedule(), s.definitions()), sch.span());
        }
        if (stmt instanceof Stmt.Select sel) return s.withSelection(Lowering.selection(sel.selection(), s.definitions()));
        if (stmt instanceof Stmt.Scope scope) return s.withScope(Lowering.scope(scope.scope()));
        if (stmt instanceof Stmt.Exclude ex) return s.withExclusions(Lowering.exclusions(ex));
        if (stmt instanceof Stmt.Let let) {
            Object value = let.value() instanceof org.prunesh.interpreter.ast.ScheduleExpr se
                    ? Lowering.schedule(se, s.definitions())
                    : Lowering.selection((org.prunesh.interpreter.ast.SelectExpr) let.value(), s.definitions());
            return s.withDefinition(let.name().text(), value);
        }
        if (stmt instanceof Stmt.Run run) return run(run, s, plan, scriptText, cancelled);
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
            requireRun(s, plan, report, "report " + report.what().text());
            if (plan == null) listener.output(s.lastRun().layers().render());
            return s;
        }
        if (stmt instanceof Stmt.Show show) {
            SparsitySchedule schedule = resolve(s, show);
            if (plan == null) listener.output(Reports.schedule(schedule, written(s.schedule(), true),
                    written(s.schedule(), false)));
            return s;
        }
        throw new IllegalStateException("no executor for " + stmt.getClass().getSimpleName());
    }

    private SessionState run(Stmt.Run run, SessionState s, Plan plan, String scriptText, BooleanSupplier cancelled)
            throws StatementError {
        if (s.data() == null || s.model() == null) {
            throw new StatementError(run.span(), "run needs " + (s.data() == null ? "data" : "a model")
                    + ": add '" + (s.data() == null ? "data ...;" : "model ...;") + "' before it");
        }
        if (!(s.model() instanceof ModelSpec.Mlp) && s.data().sampleShape().length != 3) {
            throw new StatementError(run.span(), "model " + s.model().name()
                    + " needs image data, but this data set has flat samples; use model mlp or image data");
        }
        resolve(s, run);
        if (plan != null) {
            plan.runPlanned = true;
            return s;
        }
        String name = run.name() == null ? "run" : run.name().value();
        try {
            return s.withLastRun(runs.run(s, name, scriptText, cancelled));
        } catch (IOException e) {
            throw new StatementError(run.span(), "cannot load data: " + e.getMessage(), e);
        }
    }

    private static SparsitySchedule resolve(SessionState s, Stmt at) throws StatementError {
        if (s.data() == null) {
            throw new StatementError(at.span(), "the schedule's step clock needs data: add 'data ...;' before this");
        }
        try {
            return RunExecutor.schedule(s);
        } catch (IllegalArgumentException e) {
            throw new StatementError(s.scheduleSpan() != null ? s.scheduleSpan() : at.span(),
                    "schedule does not fit this training run: " + e.getMessage());
        }
    }

    private static void requireRun(SessionState s, Plan plan, Stmt at, String what) throws StatementError {
        boolean available = s.lastRun() != null || (plan != null && plan.runPlanned);
        if (!available) {
            throw new StatementError(at.span(), what + " needs a finished run: add 'run;' before it");
        }
    }

    /** How the script wrote the schedule's start (or end), for `show schedule`. */
    private static String written(ScheduleSpec spec, boolean start) {
        StepPoint p = null;
        if (spec instanceof CubicSpec c) p = start ? c.start() : c.end();
        else if (spec instanceof LinearSpec l) p = start ? l.start() : l.end();
        else if (spec instanceof ConstantSpec k) p = start ? k.start() : k.end();
        else if (spec instanceof OneShotSpec o) p = o.at();
        return p == null ? "-" : p.describe();
    }
}
