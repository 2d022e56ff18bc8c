package org.prunesh.interpreter.syntax;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.prunesh.grammar.PruneLexer;
import org.prunesh.grammar.PruneParser;
import org.prunesh.interpreter.ast.ExcludeItem;
import org.prunesh.interpreter.ast.Ident;
import org.prunesh.interpreter.ast.Block;
import org.prunesh.interpreter.ast.LetValue;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.Sweeps;
import org.prunesh.interpreter.ast.SweepVar;
import org.prunesh.interpreter.ast.Value;

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
        ParseTree form = ctx.getChild(0);   // the statement rule has one alternative per statement
        if (form instanceof PruneParser.SeedStatementContext seed) {
            return new Stmt.Seed(values.number(seed.number().getStart()), span);
        }
        if (form instanceof PruneParser.DataStatementContext data) {
            return new Stmt.Data(values.name(data.datasetName().getStart()), values.options(data.dataOption()), span);
        }
        if (form instanceof PruneParser.ModelStatementContext model) {
            return new Stmt.Model(values.name(model.modelName().getStart()), values.options(model.modelOption()), span);
        }
        if (form instanceof PruneParser.TrainStatementContext train) {
            return new Stmt.Train(values.options(train.trainOption()), span);
        }
        if (form instanceof PruneParser.ScheduleStatementContext schedule) {
            return new Stmt.Schedule(pruning.schedule(schedule.scheduleExpr()), span);
        }
        if (form instanceof PruneParser.SelectStatementContext select) {
            return new Stmt.Select(pruning.select(select.selectExpr()), span);
        }
        if (form instanceof PruneParser.ScopeStatementContext scope) {
            return new Stmt.Scope(pruning.scope(scope.scopeExpr()), span);
        }
        if (form instanceof PruneParser.GranularityStatementContext granularity) {
            return new Stmt.Granularity(values.name(granularity.granularityKind().getStart()),
                    granularity.nmPattern() == null ? null : pruning.nm(granularity.nmPattern()),
                    granularity.normName() == null ? null : values.name(granularity.normName().getStart()), span);
        }
        if (form instanceof PruneParser.CountStatementContext count) {
            return new Stmt.Count(values.name(count.countKind().getStart()), span);
        }
        if (form instanceof PruneParser.ExcludeStatementContext exclude) {
            return new Stmt.Exclude(exclude.excludeItem().stream().map(this::excludeItem).toList(), span);
        }
        if (form instanceof PruneParser.RegrowStatementContext regrow) {
            return new Stmt.Regrow(values.name(regrow.regrowMethod().getStart()), values.options(regrow.regrowOption()),
                    span);
        }
        if (form instanceof PruneParser.InitStatementContext init) {
            return new Stmt.Init(values.name(init.initKind().getStart()),
                    init.fraction() == null ? null : values.number(init.fraction().getStart()), span);
        }
        if (form instanceof PruneParser.UseStatementContext use) {
            return new Stmt.Use(values.name(use.letName().getStart()), span);
        }
        if (form instanceof PruneParser.LetStatementContext let) {
            return new Stmt.Let(values.name(let.letName().getStart()), letValue(let), span);
        }
        if (form instanceof PruneParser.RunStatementContext run) {
            return new Stmt.Run(run.string() == null ? null : values.string(run.string().getStart()), span);
        }
        if (form instanceof PruneParser.PruneStatementContext prune) {
            return new Stmt.PruneNow(values.number(prune.fraction().getStart()), pruning.selection(prune.selection()),
                    prune.scopeExpr() == null ? null : pruning.scope(prune.scopeExpr()), span);
        }
        if (form instanceof PruneParser.EvaluateStatementContext) {
            return new Stmt.Evaluate(span);
        }
        if (form instanceof PruneParser.ExportStatementContext export) {
            return new Stmt.Export(values.name(export.exportTarget().getStart()),
                    values.string(export.string().getStart()), span);
        }
        if (form instanceof PruneParser.ReportStatementContext report) {
            return new Stmt.Report(values.name(report.reportTarget().getStart()),
                    report.metricName() == null ? null : values.name(report.metricName().getStart()),
                    report.baseline() == null ? null : baseline(report.baseline()), span);
        }
        if (form instanceof PruneParser.SweepStatementContext sweep) {
            return new Stmt.Sweep(sweep.sweepVar().stream().map(this::sweepVar).toList(),
                    sweep.statement().stream().map(this::statement).toList(), span);
        }
        if (form instanceof PruneParser.SaveStatementContext save) {
            return new Stmt.Save(values.string(save.string().getStart()), span);
        }
        if (form instanceof PruneParser.LoadStatementContext load) {
            return new Stmt.Load(values.string(load.string().getStart()), span);
        }
        if (form instanceof PruneParser.ImportStatementContext imported) {
            return new Stmt.Import(values.string(imported.string().getStart()), span);
        }
        if (form instanceof PruneParser.ShowStatementContext show) {
            Name target = values.name(show.showTarget().getStart());
            return target.text().equals(Stmt.ShowConfig.WORD) ? new Stmt.ShowConfig(span) : new Stmt.Show(target, span);
        }
        if (form instanceof PruneParser.SpaceStatementContext space) {
            return stp.space(space, span);
        }
        if (form instanceof PruneParser.BudgetStatementContext budget) {
            return stp.budget(budget, span);
        }
        if (form instanceof PruneParser.StimulateStatementContext stimulate) {
            return stp.stimulate(stimulate, span);
        }
        if (form instanceof PruneParser.SearchStatementContext search) {
            return stp.search(search, span);
        }
        if (form instanceof PruneParser.ExtractStatementContext extract) {
            return stp.extract(extract, span);
        }
        throw new IllegalStateException("statement without a known form: " + ctx.getText());
    }

    private LetValue letValue(PruneParser.LetStatementContext ctx) {
        if (ctx.scheduleExpr() != null) {
            return pruning.schedule(ctx.scheduleExpr());
        }
        if (ctx.selectExpr() != null) {
            return pruning.select(ctx.selectExpr());
        }
        if (ctx.block() != null) {
            return new Block(ctx.block().statement().stream().map(this::statement).toList(), spans.of(ctx.block()));
        }
        return stp.arch(ctx.archExpr());
    }

    private ExcludeItem excludeItem(PruneParser.ExcludeItemContext ctx) {
        return ctx.string() != null ? values.string(ctx.string().getStart()) : values.name(ctx.ID().getSymbol());
    }

    private SweepVar sweepVar(PruneParser.SweepVarContext ctx) {
        List<Value> items = ctx.sweepValue().stream().map(item -> sweepValue(item.getStart())).toList();
        return new SweepVar(values.name(ctx.sweepName().getStart()), items, spans.of(ctx));
    }

    private Value sweepValue(Token t) {
        return t.getType() == PruneLexer.NUMBER ? values.number(t)
                : t.getType() == PruneLexer.STRING ? values.string(t) : new Ident(values.name(t));
    }

    /**
     * {@code fggp} or {@code method=fggp} as one name spanning the baseline as written; the value
     * reads as it does in a sweep cell's label, which is what it is matched against.
     */
    private Name baseline(PruneParser.BaselineContext b) {
        String value = Sweeps.text(sweepValue(b.sweepValue().getStart()));
        return new Name((b.ID() == null ? "" : b.ID().getText() + "=") + value, spans.of(b));
    }
}
