package org.prunesh.interpreter.check;

import org.junit.jupiter.api.Test;
import org.prunesh.interpreter.diag.Diagnostic;
import org.prunesh.interpreter.syntax.ParseResult;
import org.prunesh.interpreter.syntax.ScriptParser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckerTest {

    /** Parses and checks {@code source} as t.prn: syntax errors, then check errors, as file:line:col lines. */
    static List<String> diagnose(String source, CheckContext context) {
        ParseResult parsed = new ScriptParser().parse(source, "t.prn");
        List<Diagnostic> all = new ArrayList<>(parsed.diagnostics());
        all.addAll(new Checker().check(parsed.script(), context).diagnostics());
        return all.stream().map(d -> d.span().source() + ":" + d.span().line() + ":" + d.span().column()
                + ": error: " + d.message()).toList();
    }

    @Test
    void threeMistakesOnThreeLinesAreThreeDiagnosticsInOrder() {
        String source = """
                data mnist;
                select gradient ratio 1.2 then magnitude;
                select grad;
                run;
                """;
        assertEquals(List.of(
                "t.prn:2:23: error: 'ratio' must be above 0 and at most 1 (above 0% to 100%), found '1.2'",
                "t.prn:3:8: error: unknown score 'grad'; expected one of: magnitude, gradient, taylor, random, movement, "
                        + "snip (did you mean 'gradient'?)",
                "t.prn:4:1: error: run needs a model: add 'model ...;' before it"),
                diagnose(source, CheckContext.EMPTY));
    }

    @Test
    void aSyntaxErrorAndACheckErrorAreBothReported() {
        String source = """
                train epochs 10 lr fast;
                model resnet;
                """;
        assertEquals(List.of(
                "t.prn:1:20: error: expected a number after 'lr', found 'fast'",
                "t.prn:2:7: error: unknown model 'resnet'; expected one of: mlp, lenet5, cnn, resnet20, "
                        + "resnet32, resnet56, resnet110, resnet50, vgg19 (did you mean 'resnet20'?)"),
                diagnose(source, CheckContext.EMPTY));
    }

    @Test
    void theWholeExampleChecksCleanOnceItsNamesAreDefinedFirst() {
        String reordered = """
                let fggp = select gradient ratio 0.5 then magnitude;
                let agp  = schedule cubic from 0.5 to 0.98 end 50% every 1000 steps;
                """ + org.prunesh.interpreter.syntax.ScriptParserTest.EXAMPLE;
        // The example itself uses agp and fggp before its lets; defined first, it is clean.
        assertEquals(List.of(), diagnose(reordered, CheckContext.EMPTY));
    }

    @Test
    void earlierInputsCountThroughTheContext() {
        CheckContext earlier = new CheckContext(
                Map.of("agp", DefKind.SCHEDULE, "fggp", DefKind.SELECTION), true, true);
        assertEquals(List.of(), diagnose("schedule agp; select fggp; run; evaluate; report layers;", earlier));
        assertEquals(List.of("t.prn:1:8: error: 'agp' is a schedule; expected a selection"),
                diagnose("select agp;", earlier));
    }

    @Test
    void theContextAfterAScriptHoldsItsDefinitionsDataAndModel() {
        ParseResult parsed = new ScriptParser().parse(
                "let agp = schedule cubic to 0.9; data mnist; let fggp = select magnitude;", "t.prn");
        CheckResult result = new Checker().check(parsed.script(), CheckContext.EMPTY);
        assertFalse(result.hasErrors());
        assertEquals(new CheckContext(Map.of("agp", DefKind.SCHEDULE, "fggp", DefKind.SELECTION), true, false,
                PruningSetup.DEFAULT.withScheduleTarget("agp", new BigDecimal("0.9"))), result.after());
        CheckResult next = new Checker().check(new ScriptParser().parse("model cnn;", "t.prn").script(),
                result.after());
        assertTrue(next.after().hasData() && next.after().hasModel());
    }

    @Test
    void aDefinitionWithAnErrorStillDefinesItsNameSoLaterUsesAreNotReportedAgain() {
        assertEquals(List.of("t.prn:1:18: error: unknown schedule 'cubc'; expected one of: cubic, linear, exp, "
                        + "constant, oneshot, points, none (did you mean 'cubic'?)"),
                diagnose("let a = schedule cubc to 0.9; schedule a;", CheckContext.EMPTY));
    }

    @Test
    void mixedUnitsAreLeftToLowering() {
        assertEquals(List.of(), diagnose("schedule cubic to 0.9 start 2 epochs end 100 steps;", CheckContext.EMPTY));
    }

    @Test
    void everyStatementOfTheLibraryChecksClean() {
        String source = "data mnist; model mlp;\n" + org.prunesh.interpreter.syntax.ScriptParserTest.LIBRARY;
        assertEquals(List.of(), diagnose(source, CheckContext.EMPTY));
    }

    @Test
    void theContextAfterAScriptHoldsItsPruningSetup() {
        ParseResult parsed = new ScriptParser().parse("""
                schedule cubic to 90%; granularity nm 2:4; scope global min_density 0.05 max_density 0.5;
                let late = schedule points [(0, 0.1), (80%, 0.5)]; regrow rigl;
                """, "t.prn");
        CheckResult result = new Checker().check(parsed.script(), CheckContext.EMPTY);
        assertEquals(List.of("t.prn:1:39: error: nm 2:4 needs a final sparsity of 0.5 (1 - 2/4), but the schedule "
                        + "prunes to 0.9",
                "t.prn:2:59: error: regrow rigl cannot be used with granularity nm: regrowth needs granularity "
                        + "unstructured"),
                result.diagnostics().stream().map(d -> d.span().source() + ":" + d.span().line() + ":"
                        + d.span().column() + ": error: " + d.message()).toList());
        assertEquals(new PruningSetup(new BigDecimal("0.90"), "nm", new PruningSetup.Nm(2, 4), new BigDecimal("0.05"),
                new BigDecimal("0.5"), "rigl", Map.of("late", new BigDecimal("0.5"))), result.after().pruning());
    }

    @Test
    void aPruningSetupCarriedFromAnEarlierInputCountsForTheNextOne() {
        CheckContext earlier = new CheckContext(Map.of("agp", DefKind.SCHEDULE), true, true,
                PruningSetup.DEFAULT.withGranularity("nm", new PruningSetup.Nm(2, 4))
                        .withScheduleTarget("agp", new BigDecimal("0.5")));
        assertEquals(List.of(), diagnose("schedule agp; prune now to 50% by magnitude;", earlier));
        assertEquals(List.of("t.prn:1:8: error: regrow granet cannot be used with granularity nm: regrowth needs "
                + "granularity unstructured"), diagnose("regrow granet;", earlier));
    }

    @Test
    void withoutACarriedSetupNoStatementIsComparedWithAnEarlierInput() {
        CheckContext earlier = new CheckContext(Map.of("agp", DefKind.SCHEDULE), true, true);
        assertEquals(List.of(), diagnose("granularity nm 2:4; schedule agp; regrow none;", earlier));
    }
}
