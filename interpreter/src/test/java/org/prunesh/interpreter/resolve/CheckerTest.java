package org.prunesh.interpreter.resolve;

import org.junit.jupiter.api.Test;
import org.prunesh.interpreter.ast.Script;
import org.prunesh.interpreter.ast.Str;
import org.prunesh.interpreter.diag.Diagnostic;
import org.prunesh.interpreter.exec.ArchValue;
import org.prunesh.interpreter.exec.Definition;
import org.prunesh.interpreter.exec.SessionState;
import org.prunesh.ops.prune.SelectionSpec;
import org.prunesh.ops.schedule.NoPruningSpec;
import org.prunesh.interpreter.syntax.ParseResult;
import org.prunesh.interpreter.syntax.ScriptParser;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckerTest {

    /** What the resolver's checks find in {@code script} and the facts after it, with nothing planned before it. */
    static CheckResult check(Script script, CheckContext context) {
        Resolver resolver = new Resolver(new Resolver.Paths() {
            public Path baseDir() {
                return Path.of("");
            }

            public Path exportTarget(Str dir) {
                return Path.of(dir.value());
            }
        });
        // the planned state holds a stand-in for each name the context says is defined
        SessionState planned = SessionState.initial();
        for (Map.Entry<String, DefKind> def : context.definitions().entrySet()) {
            planned = planned.withDefinition(def.getKey(), switch (def.getValue()) {
                case SCHEDULE -> new Definition.Schedule(new NoPruningSpec());
                case SELECTION -> new Definition.Selection(SelectionSpec.MAGNITUDE);
                case ARCH -> new Definition.Architecture(ArchValue.PLANNED);
                case BLOCK -> new Definition.Block(new org.prunesh.interpreter.ast.Block(List.of(), null));
            });
        }
        Resolver.Resolution r = resolver.resolve(script.statements(), new Resolver.State(planned, context, false));
        return new CheckResult(r.checked() ? List.of() : r.diagnostics(), r.after().facts());
    }

    /** Parses and checks {@code source} as t.prn: syntax errors, then check errors, as file:line:col lines. */
    static List<String> diagnose(String source, CheckContext context) {
        ParseResult parsed = new ScriptParser().parse(source, "t.prn");
        List<Diagnostic> all = new ArrayList<>(parsed.diagnostics());
        all.addAll(check(parsed.script(), context).diagnostics());
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
        CheckResult result = check(parsed.script(), CheckContext.EMPTY);
        assertFalse(result.hasErrors());
        assertEquals(new CheckContext(Map.of("agp", DefKind.SCHEDULE, "fggp", DefKind.SELECTION), true, false,
                PruningSetup.DEFAULT.withScheduleTarget("agp", new BigDecimal("0.9"))), result.after());
        CheckResult next = check(new ScriptParser().parse("model cnn;", "t.prn").script(),
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
        CheckResult result = check(parsed.script(), CheckContext.EMPTY);
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

    @Test
    void theContextAfterAScriptHoldsItsStpSetup() {
        ParseResult parsed = new ScriptParser().parse("""
                data mnist; model resnet20;
                space depth [1..3, 2, 1..3] width 0.25..1.0 step 0.25; budget flops 35%;
                stimulate subnets 2 expansion mutate until 50%;
                search evolutionary population 8 as best;
                let a = arch depth [2, 3, 1] width [0.5, 0.75, 0.375] inner [1, 1, 1, 1, 1, 1, 1, 1, 1];
                let gone = arch depth [1, 1, 1] width [1, 1, 1]; let gone = select magnitude;
                """, "t.prn");
        CheckResult result = check(parsed.script(), CheckContext.EMPTY);
        assertEquals(List.of(), result.diagnostics());
        assertEquals(new StpSetup("resnet20", new StpSetup.SpaceShape(List.of(3, 2, 3)), true, true,
                        Map.of("best", StpSetup.ArchShape.SEARCHED, "a", new StpSetup.ArchShape(List.of(2, 3, 1), 9))),
                result.after().pruning().stp());
        assertEquals(Map.of("best", DefKind.ARCH, "a", DefKind.ARCH, "gone", DefKind.SELECTION),
                result.after().definitions());
    }

    @Test
    void stimulateOffAndLoadChangeTheStpSetup() {
        ParseResult parsed = new ScriptParser().parse(
                "model resnet20; space depth [1..3] width [1]; stimulate; stimulate off; load \"m\";", "t.prn");
        CheckResult result = check(parsed.script(), CheckContext.EMPTY);
        assertEquals(List.of("t.prn:1:30: error: model resnet20 has 3 stages, but the space gives 1 depth entry"),
                result.diagnostics().stream().map(d -> d.span().source() + ":" + d.span().line() + ":"
                        + d.span().column() + ": error: " + d.message()).toList());
        assertEquals(new StpSetup(null, new StpSetup.SpaceShape(List.of(3)), false, false, Map.of()),
                result.after().pruning().stp());
    }

    @Test
    void anStpSetupCarriedFromAnEarlierInputCountsForTheNextOne() {
        StpSetup stp = StpSetup.NONE.withModel("resnet32").withSpace(new StpSetup.SpaceShape(List.of(5, 5, 5)))
                .withBudget().withStimulate(true).withArch("best", StpSetup.ArchShape.SEARCHED);
        CheckContext earlier = new CheckContext(Map.of(), true, true,
                PruningSetup.DEFAULT.withTarget(new BigDecimal("0.9")).withStp(stp));
        assertEquals(List.of(), diagnose("search random as rnd; extract best; show rnd; "
                + "let b = arch depth [5, 5, 5] width [1, 1, 1];", earlier));
        assertEquals(List.of("t.prn:1:1: error: a run cannot both stimulate subnets and follow a sparsity schedule: "
                + "add 'stimulate off;' or 'schedule none;' before it"), diagnose("run;", earlier));
        assertEquals(List.of("t.prn:1:7: error: model resnet20 has 3 blocks per stage, but the space allows up to 5 "
                        + "in stage 1",
                "t.prn:1:7: error: model resnet20 has 3 blocks per stage, but the space allows up to 5 in stage 2",
                "t.prn:1:7: error: model resnet20 has 3 blocks per stage, but the space allows up to 5 in stage 3"),
                diagnose("model resnet20;", earlier));
    }

    @Test
    void withoutACarriedStpSetupSearchNeedsASpaceAndABudget() {
        CheckContext earlier = new CheckContext(Map.of("best", DefKind.ARCH), true, true);
        assertEquals(List.of("t.prn:1:1: error: search needs a space and a budget: add 'space depth [...] width ...;' "
                + "and 'budget flops ...;' before it"), diagnose("search random as r; extract best;", earlier));
    }
}
