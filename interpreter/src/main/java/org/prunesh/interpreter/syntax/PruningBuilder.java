package org.prunesh.interpreter.syntax;

import org.prunesh.grammar.PruneParser;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.NmPattern;
import org.prunesh.interpreter.ast.PointExpr;
import org.prunesh.interpreter.ast.PoolExpr;
import org.prunesh.interpreter.ast.ScheduleExpr;
import org.prunesh.interpreter.ast.ScopeExpr;
import org.prunesh.interpreter.ast.ScoreVariant;
import org.prunesh.interpreter.ast.SelectExpr;
import org.prunesh.interpreter.ast.StageExpr;
import org.prunesh.interpreter.diag.Span;

import java.util.List;

/** Builds the pruning expressions that several statements share: schedules, selections and scopes. */
final class PruningBuilder {

    private final SourceSpans spans;
    private final ValueBuilder values;

    PruningBuilder(SourceSpans spans, ValueBuilder values) {
        this.spans = spans;
        this.values = values;
    }

    ScheduleExpr schedule(PruneParser.ScheduleExprContext ctx) {
        PruneParser.PointListContext list = ctx.pointList();
        List<PointExpr> points = list == null ? List.of() : list.point().stream().map(this::point).toList();
        return new ScheduleExpr(values.name(ctx.scheduleKind().getStart()), values.options(ctx.scheduleOption()),
                points, list == null ? null : spans.of(list), spans.of(ctx));
    }

    private PointExpr point(PruneParser.PointContext ctx) {
        return new PointExpr(values.quantity(ctx.quantity()), values.number(ctx.fraction().getStart()), spans.of(ctx));
    }

    /** {@code select A ... then B}: the span covers the {@code select} word too. */
    SelectExpr select(PruneParser.SelectExprContext ctx) {
        return new SelectExpr(stages(ctx.selection()), spans.of(ctx));
    }

    /** The chain after {@code prune now ... by}. */
    SelectExpr selection(PruneParser.SelectionContext ctx) {
        return new SelectExpr(stages(ctx), spans.of(ctx));
    }

    private List<StageExpr> stages(PruneParser.SelectionContext ctx) {
        return ctx.stage().stream().map(this::stage).toList();
    }

    private StageExpr stage(PruneParser.StageContext ctx) {
        Name score = values.name(ctx.scoreName().getStart());
        ScoreVariant variant = ctx.scoreVariant() == null ? null : variant(ctx.scoreVariant());
        PoolExpr pool = ctx.pool() == null ? null : pool(ctx.pool());
        return new StageExpr(score, variant, pool, spans.of(ctx));
    }

    private ScoreVariant variant(PruneParser.ScoreVariantContext ctx) {
        return new ScoreVariant(values.name(ctx.getStart()), values.number(ctx.number().getStart()), spans.of(ctx));
    }

    private PoolExpr pool(PruneParser.PoolContext ctx) {
        Span span = spans.of(ctx);
        if (ctx.RATIO() != null) {
            return new PoolExpr.Fixed(values.number(ctx.fraction(0).getStart()), span);
        }
        return new PoolExpr.Annealed(values.name(ctx.curveName().getStart()),
                values.number(ctx.fraction(0).getStart()), values.number(ctx.fraction(1).getStart()), span);
    }

    ScopeExpr scope(PruneParser.ScopeExprContext ctx) {
        return new ScopeExpr(values.name(ctx.scopeName().getStart()), values.options(ctx.scopeOption()),
                spans.of(ctx));
    }

    NmPattern nm(PruneParser.NmPatternContext ctx) {
        return new NmPattern(values.number(ctx.NUMBER(0).getSymbol()), values.number(ctx.NUMBER(1).getSymbol()),
                spans.of(ctx));
    }
}
