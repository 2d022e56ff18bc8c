package org.prunesh.interpreter.syntax;

import org.prunesh.grammar.PruneParser;
import org.prunesh.interpreter.ast.ArchExpr;
import org.prunesh.interpreter.ast.DepthRange;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.WidthChoices;
import org.prunesh.interpreter.diag.Span;

import java.util.List;

/** Builds the STP statements (space, budget, stimulate, search, extract) and the arch literal. */
final class StpBuilder {

    private final SourceSpans spans;
    private final ValueBuilder values;

    StpBuilder(SourceSpans spans, ValueBuilder values) {
        this.spans = spans;
        this.values = values;
    }

    Stmt.Space space(PruneParser.SpaceStatementContext ctx, Span span) {
        List<DepthRange> depth = ctx.depthList().depthRange().stream().map(this::depth).toList();
        return new Stmt.Space(depth, width(ctx.widthChoices()), ctx.PER() != null,
                ctx.importanceName() == null ? null : values.name(ctx.importanceName().getStart()),
                ctx.interval() == null ? null : values.quantity(ctx.interval()), span);
    }

    private DepthRange depth(PruneParser.DepthRangeContext ctx) {
        Num min = values.number(ctx.NUMBER(0).getSymbol());
        Num max = ctx.DOTDOT() == null ? min : values.number(ctx.NUMBER(1).getSymbol());
        return new DepthRange(min, max, spans.of(ctx));
    }

    private WidthChoices width(PruneParser.WidthChoicesContext ctx) {
        if (ctx.numberList() != null) {
            return WidthChoices.of(values.numbers(ctx.numberList().NUMBER()), spans.of(ctx));
        }
        return WidthChoices.range(values.number(ctx.NUMBER(0).getSymbol()), values.number(ctx.NUMBER(1).getSymbol()),
                values.number(ctx.NUMBER(2).getSymbol()), spans.of(ctx));
    }

    Stmt.Budget budget(PruneParser.BudgetStatementContext ctx, Span span) {
        return new Stmt.Budget(values.name(ctx.budgetMetric().getStart()), values.number(ctx.fraction().getStart()),
                span);
    }

    Stmt.Stimulate stimulate(PruneParser.StimulateStatementContext ctx, Span span) {
        // after 'off' there are no options: they are Options.NONE
        return new Stmt.Stimulate(values.options(ctx.stimulateOption()), ctx.OFF() != null, span);
    }

    Stmt.Search search(PruneParser.SearchStatementContext ctx, Span span) {
        return new Stmt.Search(values.name(ctx.strategyName().getStart()), values.options(ctx.searchOption()),
                values.name(ctx.archName().getStart()), span);
    }

    Stmt extract(PruneParser.ExtractStatementContext ctx, Span span) {
        PruneParser.ExtractSourceContext source = ctx.extractSource();
        if (source.archName() == null) {
            return new Stmt.ExtractPruned(values.string(source.string().getStart()), span);
        }
        return new Stmt.Extract(values.name(source.archName().getStart()),
                source.string() == null ? null : values.string(source.string().getStart()), span);
    }

    ArchExpr arch(PruneParser.ArchExprContext ctx) {
        List<Num> depth = values.numbers(ctx.intList().NUMBER());
        List<Num> width = values.numbers(ctx.numberList(0).NUMBER());
        List<Num> inner = ctx.INNER() == null ? null : values.numbers(ctx.numberList(1).NUMBER());
        return new ArchExpr(depth, width, inner, spans.of(ctx));
    }
}
