package org.prunesh.interpreter.syntax;

import org.prunesh.grammar.PruneParser;
import org.prunesh.interpreter.ast.ExcludeItem;
import org.prunesh.interpreter.ast.LetValue;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.ScheduleExpr;
import org.prunesh.interpreter.ast.SelectExpr;
import org.prunesh.interpreter.ast.StageExpr;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.diag.Span;

/** Turns the parse tree of one well-formed statement into its AST record. */
final class AstBuilder {

    private final SourceSpans spans;
    private final ValueBuilder values;

    AstBuilder(SourceSpans spans) {
        this.spans = spans;
        this.values = new ValueBuilder(spans);
    }

    Stmt statement(PruneParser.StatementContext ctx) {
        var span = spans.of(ctx);
        if (ctx.seedStatement() != null) {
            return new Stmt.Seed(values.number(ctx.seedStatement().number().getStart()), span);
        }
        if (ctx.dataStatement() != null) {
            var data = ctx.dataStatement();
            return new Stmt.Data(values.name(data.datasetName().getStart()), values.options(data.dataOption()), span);
        }
        if (ctx.modelStatement() != null) {
            var model = ctx.modelStatement();
            return new Stmt.Model(values.name(model.modelName().getStart()), values.options(model.modelOption()), span);
        }
        if (ctx.trainStatement() != null) {
            return new Stmt.Train(values.options(ctx.trainStatement().trainOption()), span);
        }
        if (ctx.scheduleStatement() != null) {
            return new Stmt.Schedule(schedule(ctx.scheduleStatement().scheduleExpr()), span);
        }
        if (ctx.selectStatement() != null) {
            return new Stmt.Select(select(ctx.selectStatement().selectExpr()), span);
        }
        if (ctx.scopeStatement() != null) {
            return new Stmt.Scope(values.name(ctx.scopeStatement().scopeName().getStart()), span);
        }
        if (ctx.excludeStatement() != null) {
            var items = ctx.excludeStatement().excludeItem().stream().map(this::excludeItem).toList();
            return new Stmt.Exclude(items, span);
        }
        if (ctx.letStatement() != null) {
            return let(ctx.letStatement(), span);
        }
        if (ctx.runStatement() != null) {
            var name = ctx.runStatement().string();
            return new Stmt.Run(name == null ? null : values.string(name.getStart()), span);
        }
        if (ctx.evaluateStatement() != null) {
            return new Stmt.Evaluate(span);
        }
        if (ctx.reportStatement() != null) {
            return new Stmt.Report(values.name(ctx.reportStatement().reportTarget().getStart()), span);
        }
        if (ctx.showStatement() != null) {
            return new Stmt.Show(values.name(ctx.showStatement().showTarget().getStart()), span);
        }
        throw new IllegalStateException("statement without a known form: " + ctx.getText());
    }

    private Stmt.Let let(PruneParser.LetStatementContext ctx, Span span) {
        LetValue value = ctx.scheduleExpr() != null ? schedule(ctx.scheduleExpr()) : select(ctx.selectExpr());
        return new Stmt.Let(values.name(ctx.letName().getStart()), value, span);
    }

    private ScheduleExpr schedule(PruneParser.ScheduleExprContext ctx) {
        return new ScheduleExpr(values.name(ctx.scheduleKind().getStart()), values.options(ctx.scheduleOption()),
                spans.of(ctx));
    }

    private SelectExpr select(PruneParser.SelectExprContext ctx) {
        return new SelectExpr(ctx.stage().stream().map(this::stage).toList(), spans.of(ctx));
    }

    private StageExpr stage(PruneParser.StageContext ctx) {
        Num ratio = ctx.fraction() == null ? null : values.number(ctx.fraction().getStart());
        return new StageExpr(values.name(ctx.scoreName().getStart()), ratio, spans.of(ctx));
    }

    private ExcludeItem excludeItem(PruneParser.ExcludeItemContext ctx) {
        return ctx.string() != null ? values.string(ctx.string().getStart()) : values.name(ctx.ID().getSymbol());
    }
}
