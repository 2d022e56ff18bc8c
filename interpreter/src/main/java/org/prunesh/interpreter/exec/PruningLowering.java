package org.prunesh.interpreter.exec;

import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.OptionKey;
import org.prunesh.interpreter.ast.Options;
import org.prunesh.interpreter.ast.PointExpr;
import org.prunesh.interpreter.ast.PoolExpr;
import org.prunesh.interpreter.ast.Quantity;
import org.prunesh.interpreter.ast.ScheduleExpr;
import org.prunesh.interpreter.ast.ScopeExpr;
import org.prunesh.interpreter.ast.ScoreVariant;
import org.prunesh.interpreter.ast.SelectExpr;
import org.prunesh.interpreter.ast.StageExpr;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.ops.prune.Anneal;
import org.prunesh.ops.prune.DensityBounds;
import org.prunesh.ops.prune.Granularity;
import org.prunesh.ops.prune.PoolRule;
import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.ScoreSpec;
import org.prunesh.ops.prune.SelectionSpec;
import org.prunesh.ops.schedule.ConstantSpec;
import org.prunesh.ops.schedule.CubicSpec;
import org.prunesh.ops.schedule.ExpSpec;
import org.prunesh.ops.schedule.LinearSpec;
import org.prunesh.ops.schedule.NoPruningSpec;
import org.prunesh.ops.schedule.OneShotSpec;
import org.prunesh.ops.schedule.PointsSpec;
import org.prunesh.ops.schedule.ScheduleSpec;
import org.prunesh.ops.schedule.StepPoint;
import org.prunesh.ops.train.RegrowthSpec;
import org.prunesh.ops.train.SparseInitSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lowers the pruning statements (schedule, select, scope, granularity, regrow, init) to ops records. */
public final class PruningLowering {

    public static final StepPoint DEFAULT_START = new StepPoint.Steps(0);
    public static final StepPoint DEFAULT_END = new StepPoint.Percent(75);
    public static final StepPoint DEFAULT_EVERY = new StepPoint.Steps(100);
    public static final double DEFAULT_EXPONENT = 3;
    /** GraNet's default death rate and RigL's drop fraction (Evci et al. 2020, alpha = 0.3). */
    public static final double GRANET_FRACTION = 0.5;
    public static final double RIGL_FRACTION = 0.3;

    private PruningLowering() {
    }

    public static ScheduleSpec schedule(ScheduleExpr expr, Map<String, Definition> definitions) {
        String kind = expr.kind().text();
        if (definitions.get(kind) instanceof Definition.Schedule defined) return defined.spec();
        if (expr.hasPoints()) {
            List<PointsSpec.Point> points = new ArrayList<>();
            for (PointExpr p : expr.points()) points.add(new PointsSpec.Point(point(p.at()), p.sparsity().fraction()));
            return new PointsSpec(points);
        }
        Options o = expr.options();
        double from = o.number(OptionKey.FROM).map(Num::fraction).orElse(0.0);
        double to = o.number(OptionKey.TO).map(Num::fraction).orElse(0.0);
        StepPoint start = o.quantity(OptionKey.START).map(PruningLowering::point).orElse(DEFAULT_START);
        StepPoint end = o.quantity(OptionKey.END).map(PruningLowering::point).orElse(DEFAULT_END);
        StepPoint every = o.quantity(OptionKey.EVERY).map(PruningLowering::point).orElse(DEFAULT_EVERY);
        return switch (kind) {
            case "cubic" -> new CubicSpec(from, to, start, end, every,
                    o.number(OptionKey.EXPONENT).map(Num::value).orElse(DEFAULT_EXPONENT));
            case "linear" -> new LinearSpec(from, to, start, end, every);
            case "exp" -> new ExpSpec(from, to, start, end, every);
            case "constant" -> new ConstantSpec(to, start, end, every);
            case "oneshot" -> new OneShotSpec(to, o.quantity(OptionKey.AT).map(PruningLowering::point).orElse(DEFAULT_START));
            case "none" -> new NoPruningSpec();
            default -> throw new IllegalStateException("checker admitted unknown schedule " + kind);
        };
    }

    public static StepPoint point(Quantity q) {
        return switch (q.unit()) {
            case STEPS -> new StepPoint.Steps(q.amount().longValue());
            case EPOCHS -> new StepPoint.Epochs(q.amount().value());
            case PERCENT -> new StepPoint.Percent(q.amount().value());
        };
    }

    public static SelectionSpec selection(SelectExpr expr, Map<String, Definition> definitions) {
        List<StageExpr> stages = expr.stages();
        StageExpr only = stages.get(0);
        if (stages.size() == 1 && only.pool() == null && only.variant() == null
                && definitions.get(only.score().text()) instanceof Definition.Selection defined) {
            return defined.spec();
        }
        List<SelectionSpec.StageSpec> out = new ArrayList<>();
        for (StageExpr s : stages) {
            ScoreSpec score = new ScoreSpec(s.score().text(), variant(s.variant()));
            out.add(new SelectionSpec.StageSpec(score, pool(s.pool())));
        }
        return new SelectionSpec(out);
    }

    private static ScoreSpec.Variant variant(ScoreVariant v) {
        if (v == null) return null;
        return v.kind().text().equals(ScoreVariant.MEAN) ? new ScoreSpec.Mean(v.value().intValue())
                : new ScoreSpec.Ema(v.value().value());
    }

    private static PoolRule pool(PoolExpr pool) {
        if (pool == null) return null;
        if (pool instanceof PoolExpr.Fixed f) return new PoolRule.Fixed(f.ratio().fraction());
        PoolExpr.Annealed a = (PoolExpr.Annealed) pool;
        return new PoolRule.Annealed(Anneal.valueOf(a.curve().text().toUpperCase()),
                a.from().fraction(), a.to().fraction());
    }

    public static Scope scope(ScopeExpr expr) {
        return Scope.valueOf(expr.name().text().toUpperCase());
    }

    public static DensityBounds bounds(ScopeExpr expr) {
        Options o = expr.options();
        return new DensityBounds(o.number(OptionKey.MIN_DENSITY).map(Num::fraction).orElse(0.0),
                o.number(OptionKey.MAX_DENSITY).map(Num::fraction).orElse(1.0));
    }

    public static Granularity granularity(Stmt.Granularity stmt) {
        return switch (stmt.kind().text()) {
            case "nm" -> new Granularity.NM(stmt.pattern().n().intValue(), stmt.pattern().m().intValue());
            case "channel" -> new Granularity.Channel(stmt.norm() == null ? Granularity.Norm.L2
                    : Granularity.Norm.valueOf(stmt.norm().text().toUpperCase()));
            default -> Granularity.UNSTRUCTURED;
        };
    }

    /**
     * Defaults: GraNet drops 0.5 and follows the schedule's window and interval; RigL drops 0.3
     * every 100 steps from step 0 to 75% of training. Both anneal the fraction with a cosine.
     */
    public static RegrowthSpec regrowth(Stmt.Regrow stmt, ScheduleSpec schedule) {
        String method = stmt.method().text();
        if (method.equals("none")) return null;
        Options o = stmt.options();
        boolean granet = method.equals("granet");
        StepPoint start = DEFAULT_START, end = DEFAULT_END, every = DEFAULT_EVERY;
        if (granet && schedule instanceof CubicSpec c) {
            start = c.start();
            end = c.end();
            every = c.every();
        }
        return new RegrowthSpec(granet ? RegrowthSpec.Method.GRANET : RegrowthSpec.Method.RIGL,
                o.number(OptionKey.FRACTION).map(Num::fraction).orElse(granet ? GRANET_FRACTION : RIGL_FRACTION),
                o.quantity(OptionKey.START).map(PruningLowering::point).orElse(start),
                o.quantity(OptionKey.END).map(PruningLowering::point).orElse(end),
                o.quantity(OptionKey.EVERY).map(PruningLowering::point).orElse(every),
                o.name(OptionKey.ANNEAL).map(a -> Anneal.valueOf(a.toUpperCase())).orElse(Anneal.COSINE));
    }

    public static SparseInitSpec init(Stmt.Init stmt) {
        return switch (stmt.kind().text()) {
            case "erk" -> new SparseInitSpec(SparseInitSpec.Kind.ERK, stmt.sparsity().fraction());
            case "uniform" -> new SparseInitSpec(SparseInitSpec.Kind.UNIFORM, stmt.sparsity().fraction());
            default -> null;
        };
    }
}
