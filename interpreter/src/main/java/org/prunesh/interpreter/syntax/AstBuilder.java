package org.prunesh.interpreter.syntax;

import org.antlr.v4.runtime.Token;
import org.prunesh.grammar.PruneLexer;
import org.prunesh.grammar.PruneParser;
import org.prunesh.interpreter.ast.ExcludeItem;
import org.prunesh.interpreter.ast.Ident;
import org.prunesh.interpreter.ast.Block;
import org.prunesh.interpreter.ast.LetValue;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.SweepVar;
import org.prunesh.interpreter.ast.Value;
import org.prunesh.interpreter.diag.Span;

import java.util.ArrayList;
import java.util.List;

/** Turns the parse tree of one well-formed statement into its AST record. */
final class AstBuilder {

    private final ValueBuilder values;
    private final PruningBuilder pruning;
    private final StpBuilder stp;
    private final SourceSpans spans;

    AstBuilder(SourceSpans spans) {
        this.spans = spans;
        this.values = new ValueBuilder(spans);
        this.pruning = new PruningBuilder(spans, values);
        this.stp = new StpBuilder(spans, values);
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
            return new Stmt.Schedule(pruning.schedule(ctx.scheduleStatement().scheduleExpr()), span);
        }
        if (ctx.selectStatement() != null) {
            return new Stmt.Select(pruning.select(ctx.selectStatement().selectExpr()), span);
        }
        if (ctx.scopeStatement() != null) {
            return new Stmt.Scope(pruning.scope(ctx.scopeStatement().scopeExpr()), span);
        }
        if (ctx.granularityStatement() != null) {
            return granularity(ctx.granularityStatement(), span);
        }
        if (ctx.countStatement() != null) {
            return new Stmt.Count(values.name(ctx.countStatement().countKind().getStart()), span);
        }
        if (ctx.excludeStatement() != null) {
            var items = ctx.excludeStatement().excludeItem().stream().map(this::excludeItem).toList();
            return new Stmt.Exclude(items, span);
        }
        if (ctx.regrowStatement() != null) {
            var regrow = ctx.regrowStatement();
            return new Stmt.Regrow(values.name(regrow.regrowMethod().getStart()), values.options(regrow.regrowOption()),
                    span);
        }
        if (ctx.initStatement() != null) {
            var init = ctx.initStatement();
            return new Stmt.Init(values.name(init.initKind().getStart()),
                    init.fraction() == null ? null : values.number(init.fraction().getStart()), span);
        }
        if (ctx.useStatement() != null) {
            return new Stmt.Use(values.name(ctx.useStatement().letName().getStart()), span);
        }
        if (ctx.letStatement() != null) {
            return let(ctx.letStatement(), span);
        }
        if (ctx.runStatement() != null) {
            var name = ctx.runStatement().string();
            return new Stmt.Run(name == null ? null : values.string(name.getStart()), span);
        }
        if (ctx.pruneStatement() != null) {
            var prune = ctx.pruneStatement();
            return new Stmt.PruneNow(values.number(prune.fraction().getStart()), pruning.selection(prune.selection()),
                    prune.scopeExpr() == null ? null : pruning.scope(prune.scopeExpr()), span);
        }
        if (ctx.evaluateStatement() != null) {
            return new Stmt.Evaluate(span);
        }
        if (ctx.exportStatement() != null) {
            var export = ctx.exportStatement();
            return new Stmt.Export(values.name(export.exportTarget().getStart()),
                    values.string(export.string().getStart()), span);
        }
        if (ctx.reportStatement() != null) {
            var report = ctx.reportStatement();
            return new Stmt.Report(values.name(report.reportTarget().getStart()),
                    report.metricName() == null ? null : values.name(report.metricName().getStart()),
                    report.baseline() == null ? null : baseline(report.baseline()), span);
        }
        if (ctx.sweepStatement() != null) {
            var sweep = ctx.sweepStatement();
            List<SweepVar> vars = new ArrayList<>();
            for (var v : sweep.sweepVar()) {
                List<Value> items = new ArrayList<>();
                for (var item : v.sweepValue()) {
                    Token t = item.getStart();
                    items.add(t.getType() == PruneLexer.NUMBER ? values.number(t)
                            : t.getType() == PruneLexer.STRING ? values.string(t) : new Ident(values.name(t)));
                }
                vars.add(new SweepVar(values.name(v.sweepName().getStart()), items, spans.of(v)));
            }
            return new Stmt.Sweep(vars, sweep.statement().stream().map(this::statement).toList(), span);
        }
        if (ctx.saveStatement() != null) {
            return new Stmt.Save(values.string(ctx.saveStatement().string().STRING().getSymbol()), span);
        }
        if (ctx.loadStatement() != null) {
            return new Stmt.Load(values.string(ctx.loadStatement().string().STRING().getSymbol()), span);
        }
        if (ctx.importStatement() != null) {
            return new Stmt.Import(values.string(ctx.importStatement().string().STRING().getSymbol()), span);
        }
        if (ctx.showStatement() != null) {
            Name target = values.name(ctx.showStatement().showTarget().getStart());
            return target.text().equals(Stmt.ShowConfig.WORD) ? new Stmt.ShowConfig(span) : new Stmt.Show(target, span);
        }
        if (ctx.spaceStatement() != null) {
            return stp.space(ctx.spaceStatement(), span);
        }
        if (ctx.budgetStatement() != null) {
            return stp.budget(ctx.budgetStatement(), span);
        }
        if (ctx.stimulateStatement() != null) {
            return stp.stimulate(ctx.stimulateStatement(), span);
        }
        if (ctx.searchStatement() != null) {
            return stp.search(ctx.searchStatement(), span);
        }
        if (ctx.extractStatement() != null) {
            return stp.extract(ctx.extractStatement(), span);
        }
        throw new IllegalStateException("statement without a known form: " + ctx.getText());
    }

    private Stmt.Granularity granularity(PruneParser.GranularityStatementContext ctx, Span span) {
        return new Stmt.Granularity(values.name(ctx.granularityKind().getStart()),
                ctx.nmPattern() == null ? null : pruning.nm(ctx.nmPattern()),
                ctx.normName() == null ? null : values.name(ctx.normName().getStart()), span);
    }

    private Stmt.Let let(PruneParser.LetStatementContext ctx, Span span) {
        LetValue value;
        if (ctx.scheduleExpr() != null) {
            value = pruning.schedule(ctx.scheduleExpr());
        } else if (ctx.selectExpr() != null) {
            value = pruning.select(ctx.selectExpr());
        } else if (ctx.block() != null) {
            value = new Block(ctx.block().statement().stream().map(this::statement).toList(), spans.of(ctx.block()));
        } else {
            value = stp.arch(ctx.archExpr());
        }
        return new Stmt.Let(values.name(ctx.letName().getStart()), value, span);
    }

    private ExcludeItem excludeItem(PruneParser.ExcludeItemContext ctx) {
        return ctx.string() != null ? values.string(ctx.string().getStart()) : values.name(ctx.ID().getSymbol());
    }

    /** {@code fggp} or {@code method=fggp} as one name spanning the baseline as written. */
    private Name baseline(PruneParser.BaselineContext b) {
        Token value = b.sweepValue().getStart();
        String text = value.getType() == PruneLexer.STRING ? values.string(value).value() : value.getText();
        return new Name((b.ID() == null ? "" : b.ID().getText() + "=") + text, spans.of(b));
    }
}
