package org.prunesh.interpreter.syntax;

import org.antlr.v4.runtime.CharStreams;
import org.junit.jupiter.api.Test;
import org.prunesh.grammar.PruneLexer;
import org.prunesh.interpreter.ast.ArchExpr;
import org.prunesh.interpreter.ast.DepthRange;
import org.prunesh.interpreter.ast.Flag;
import org.prunesh.interpreter.ast.Ident;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.Option;
import org.prunesh.interpreter.ast.OptionKey;
import org.prunesh.interpreter.ast.Options;
import org.prunesh.interpreter.ast.Quantity;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.Str;
import org.prunesh.interpreter.ast.Value;
import org.prunesh.interpreter.ast.WidthChoices;
import org.prunesh.interpreter.diag.Diagnostic;
import org.prunesh.interpreter.diag.Span;
import org.prunesh.interpreter.resolve.Vocabulary;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The STP statements (issue 6) parse to exactly these AST values, spans included. */
class StpParserTest {

    /** Every STP statement form, one per line. */
    static final String STP = """
            space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125;
            space depth [3, 1..3, 2] width [0.25, 0.5, 0.75, 1.0] per block importance bn refresh 2 epochs;
            budget flops 0.35;
            budget flops 35%;
            stimulate subnets 2 lambda 1.0 temperature 4 expansion mutate until 50%;
            stimulate subnets 2 expansion off;
            stimulate off;
            search evolutionary population 16 generations 8 mutation 0.2 crossover 0.5 batches 4 calibration 10 as best;
            search random samples 128 batches 4 as rnd;
            search uniform as l1;
            search sample seed 3 as r;
            let a = arch depth [2, 3, 1] width [0.5, 0.75, 0.375];
            let b = arch depth [2, 3] width [0.5, 0.75] inner [0.25, 0.5];
            extract best "stp-35";
            extract best;
            report subnets;
            report arch;
            show best;
            stimulate;
            stimulate subnets 6 expansion uniform min 0.5 uncapped order frozen after 2 epochs;
            search evolutionary min 90% as e;
            model resnet20 width 0.5 arch a;
            report search;
            """;

    private static final String[] LINES = STP.split("\n");

    private final List<Stmt> parsed = parse();

    private static List<Stmt> parse() {
        ParseResult result = new ScriptParser().parse(STP, "stp.prn");
        assertEquals(List.of(), result.diagnostics());
        return result.script().statements();
    }

    @Test
    void rangesLexAsNumberDotDotNumber() {
        assertEquals(List.of("NUMBER 1", "DOTDOT ..", "NUMBER 3"), tokens("1..3"));
        assertEquals(List.of("NUMBER 0.25", "DOTDOT ..", "NUMBER 1.0"), tokens("0.25..1.0"));
        assertEquals(List.of("NUMBER 0.25", "DOTDOT ..", "NUMBER 1"), tokens("0.25 .. 1"));
        assertEquals(List.of("NUMBER 1", "ERROR_CHAR ."), tokens("1."));
    }

    private static List<String> tokens(String text) {
        PruneLexer lexer = new PruneLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        return lexer.getAllTokens().stream()
                .map(t -> PruneLexer.VOCABULARY.getSymbolicName(t.getType()) + " " + t.getText()).toList();
    }

    @Test
    void aSpaceWithARangeOfWidths() {
        assertEquals(new Stmt.Space(List.of(range(1, "1..3", 1), range(1, "1..3", 2), range(1, "1..3", 3)),
                WidthChoices.range(ends(1, "0.25..1.0", 1).get(0), ends(1, "0.25..1.0", 1).get(1), num(1, "0.125"),
                        span(1, "0.25..1.0 step 0.125")),
                false, null, null, statement(1)), parsed.get(0));
    }

    @Test
    void aSpaceWithAListOfWidthsPerBlock() {
        Stmt.Space space = (Stmt.Space) parsed.get(1);
        Num three = num(2, "3");
        Num two = num(2, "2");
        assertEquals(new Stmt.Space(List.of(new DepthRange(three, three, three.span()), range(2, "1..3", 1),
                        new DepthRange(two, two, two.span())),
                WidthChoices.of(List.of(num(2, "0.25"), num(2, "0.5"), num(2, "0.75"), num(2, "1.0")),
                        span(2, "[0.25, 0.5, 0.75, 1.0]")),
                true, name(2, "bn"), new Quantity(num(2, "2", 2), Quantity.Unit.EPOCHS, span(2, "2 epochs")),
                statement(2)), space);
        assertTrue(space.depth().get(0).single());
        assertFalse(space.depth().get(1).single());
        assertFalse(space.width().isRange());
    }

    @Test
    void aBudgetAsAFractionOrAPercent() {
        assertEquals(new Stmt.Budget(name(3, "flops"), num(3, "0.35"), statement(3)), parsed.get(2));
        assertEquals(new Stmt.Budget(name(4, "flops"), new Num(35, true, "35%", span(4, "35%")), statement(4)),
                parsed.get(3));
    }

    @Test
    void stimulateWithOptionsOffOrDefaults() {
        assertEquals(new Stmt.Stimulate(new Options(List.of(
                option(5, "subnets", num(5, "2")),
                option(5, "lambda", num(5, "1.0")),
                option(5, "temperature", num(5, "4")),
                option(5, "expansion", new Ident(name(5, "mutate"))),
                option(5, "until", new Quantity(new Num(50, true, "50%", span(5, "50%")), Quantity.Unit.PERCENT,
                        span(5, "50%"))))), false, statement(5)), parsed.get(4));
        assertEquals(new Stmt.Stimulate(new Options(List.of(option(6, "subnets", num(6, "2")),
                option(6, "expansion", new Ident(name(6, "off"))))), false, statement(6)), parsed.get(5));
        assertEquals(new Stmt.Stimulate(Options.NONE, true, statement(7)), parsed.get(6));
        assertEquals(new Stmt.Stimulate(Options.NONE, false, statement(19)), parsed.get(18));
    }

    @Test
    void stimulateChoosesSamplingAndWidthOrder() {
        assertEquals(new Stmt.Stimulate(new Options(List.of(
                option(20, "subnets", num(20, "6")),
                option(20, "expansion", new Ident(name(20, "uniform"))),
                option(20, "min", num(20, "0.5")),
                option(20, "uncapped", new Flag(span(20, "uncapped"))),
                option(20, "order", new Ident(name(20, "frozen"))),
                option(20, "after", new Quantity(num(20, "2"), Quantity.Unit.EPOCHS, span(20, "2 epochs"))))),
                false, statement(20)), parsed.get(19));
    }

    @Test
    void aSearchWithALowestShareOfTheBudget() {
        assertEquals(new Stmt.Search(name(21, "evolutionary"), new Options(List.of(option(21, "min",
                new Num(90, true, "90%", span(21, "90%"))))), name(21, "e"), statement(21)), parsed.get(20));
    }

    @Test
    void aModelBuiltFromAnArchAndTheSearchReport() {
        assertEquals(new Stmt.Model(name(22, "resnet20"), new Options(List.of(option(22, "width", num(22, "0.5")),
                option(22, "arch", new Ident(new Name("a", span(22, "a", 2)))))), statement(22)), parsed.get(21));
        assertEquals(new Stmt.Report(name(23, "search"), statement(23)), parsed.get(22));
    }

    @Test
    void searchesNameTheirResult() {
        assertEquals(new Stmt.Search(name(8, "evolutionary"), new Options(List.of(
                option(8, "population", num(8, "16")),
                option(8, "generations", num(8, "8")),
                option(8, "mutation", num(8, "0.2")),
                option(8, "crossover", num(8, "0.5")),
                option(8, "batches", num(8, "4")),
                option(8, "calibration", num(8, "10")))), name(8, "best"), statement(8)), parsed.get(7));
        assertEquals(new Stmt.Search(name(9, "random"), new Options(List.of(option(9, "samples", num(9, "128")),
                option(9, "batches", num(9, "4")))), name(9, "rnd"), statement(9)), parsed.get(8));
        assertEquals(new Stmt.Search(name(10, "uniform"), Options.NONE, name(10, "l1"), statement(10)), parsed.get(9));
        assertEquals(new Stmt.Search(name(11, "sample"), new Options(List.of(option(11, "seed", num(11, "3")))),
                name(11, "r"), statement(11)), parsed.get(10));
    }

    @Test
    void archLiteralsWithAndWithoutInnerWidths() {
        assertEquals(new Stmt.Let(name(12, "a"), new ArchExpr(List.of(num(12, "2"), num(12, "3"), num(12, "1")),
                        List.of(num(12, "0.5"), num(12, "0.75"), num(12, "0.375")), null,
                        span(12, "arch depth [2, 3, 1] width [0.5, 0.75, 0.375]")), statement(12)),
                parsed.get(11));
        assertEquals(new Stmt.Let(name(13, "b"), new ArchExpr(List.of(num(13, "2"), num(13, "3")),
                        List.of(num(13, "0.5"), num(13, "0.75")), List.of(num(13, "0.25"), num(13, "0.5", 2)),
                        span(13, "arch depth [2, 3] width [0.5, 0.75] inner [0.25, 0.5]")), statement(13)),
                parsed.get(12));
    }

    @Test
    void extractReportAndShow() {
        assertEquals(new Stmt.Extract(name(14, "best"), new Str("stp-35", span(14, "\"stp-35\"")), statement(14)),
                parsed.get(13));
        assertEquals(new Stmt.Extract(name(15, "best"), null, statement(15)), parsed.get(14));
        assertEquals(new Stmt.Report(name(16, "subnets"), statement(16)), parsed.get(15));
        assertEquals(new Stmt.Report(name(17, "arch"), statement(17)), parsed.get(16));
        assertEquals(new Stmt.Show(name(18, "best"), statement(18)), parsed.get(17));
    }

    @Test
    void extractWithOnlyARunNameCutsTheLastChannelPrunedRun() {
        ParseResult result = new ScriptParser().parse("extract \"ch-small\";", "c.prn");
        assertEquals(List.of(), result.diagnostics());
        assertEquals(List.of(new Stmt.ExtractPruned(new Str("ch-small", new Span("c.prn", 1, 9, 10)),
                new Span("c.prn", 1, 1, 19))), result.script().statements());
        Diagnostic second = new ScriptParser().parse("extract \"ch-small\" \"b\";", "c.prn").diagnostics().get(0);
        assertEquals(20, second.span().column());
        assertEquals("expected ';' to end the extract statement, found \"b\"", second.message());
    }

    @Test
    void completionKnowsTheNewWords() {
        assertTrue(ScriptParser.keywords().containsAll(List.of("space", "budget", "stimulate", "search", "extract",
                "depth", "per", "block", "importance", "refresh", "subnets", "lambda", "temperature", "expansion",
                "until", "off", "population", "generations", "mutation", "crossover", "batches", "calibration", "as",
                "arch", "inner", "min", "uncapped", "order", "after")));
        assertFalse(ScriptParser.keywords().contains(".."));
        assertTrue(Vocabulary.allNames().containsAll(List.of("l1", "bn", "flops",
                "mutate", "evolutionary", "random", "uniform", "sample", "subnets", "arch", "fixed", "reranked",
                "frozen", "search")));
        assertTrue(ScriptParser.isStatementHead(PruneLexer.EXTRACT));
        assertFalse(ScriptParser.isStatementHead(PruneLexer.DEPTH));
    }

    @Test
    void statementsOfTheSpaceCanContinueOnTheNextLine() {
        assertTrue(new ScriptParser().isIncomplete("space depth [1..3, 1..3, 1..3]\n  width 0.25.."));
        assertFalse(new ScriptParser().isIncomplete("space depth [1..3] width [1];"));
    }

    // Spans are found in the source line, independently of the parser.

    private static Span span(int line, String text) {
        return span(line, text, 1);
    }

    private static Span span(int line, String text, int occurrence) {
        String source = LINES[line - 1];
        int index = -1;
        for (int i = 0; i < occurrence; i++) {
            index = source.indexOf(text, index + 1);
        }
        if (index < 0) throw new IllegalArgumentException(text + " is not on line " + line);
        return new Span("stp.prn", line, index + 1, text.length());
    }

    private static Span statement(int line) {
        return span(line, LINES[line - 1]);
    }

    /** The {@code occurrence}-th place {@code text} stands on {@code line} as a whole token. */
    private static Span token(int line, String text, int occurrence) {
        String source = LINES[line - 1];
        int found = 0;
        for (int i = source.indexOf(text); i >= 0; i = source.indexOf(text, i + 1)) {
            boolean startsToken = i == 0 || !partOfToken(source.charAt(i - 1));
            int after = i + text.length();
            boolean endsToken = after == source.length() || !partOfToken(source.charAt(after));
            if (startsToken && endsToken && ++found == occurrence) {
                return new Span("stp.prn", line, i + 1, text.length());
            }
        }
        throw new IllegalArgumentException(text + " is not a token on line " + line);
    }

    private static boolean partOfToken(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '%';
    }

    private static Num num(int line, String text) {
        return num(line, text, 1);
    }

    private static Num num(int line, String text, int occurrence) {
        return new Num(Double.parseDouble(text), false, text, token(line, text, occurrence));
    }

    private static DepthRange range(int line, String text, int occurrence) {
        List<Num> ends = ends(line, text, occurrence);
        return new DepthRange(ends.get(0), ends.get(1), span(line, text, occurrence));
    }

    /** The two numbers of {@code a..b}. */
    private static List<Num> ends(int line, String text, int occurrence) {
        Span at = span(line, text, occurrence);
        String[] ends = text.split("\\.\\.");
        Num min = new Num(Double.parseDouble(ends[0]), false, ends[0],
                new Span("stp.prn", line, at.column(), ends[0].length()));
        Num max = new Num(Double.parseDouble(ends[1]), false, ends[1],
                new Span("stp.prn", line, at.column() + ends[0].length() + 2, ends[1].length()));
        return List.of(min, max);
    }

    private static Name name(int line, String text) {
        return new Name(text, token(line, text, 1));
    }

    private static Option option(int line, String key, Value value) {
        Name k = name(line, key);
        int length = value.span().column() + value.span().length() - k.span().column();
        return new Option(OptionKey.of(key).orElseThrow(), k.span(), value,
                new Span("stp.prn", line, k.span().column(), length));
    }
}
