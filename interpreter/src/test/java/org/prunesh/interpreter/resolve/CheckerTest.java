package org.prunesh.interpreter.resolve;

import org.junit.jupiter.api.Test;
import org.prunesh.interpreter.ast.Str;
import org.prunesh.interpreter.diag.Diagnostic;
import org.prunesh.interpreter.exec.ArchValue;
import org.prunesh.interpreter.exec.Definition;
import org.prunesh.interpreter.exec.SessionState;
import org.prunesh.interpreter.syntax.ParseResult;
import org.prunesh.interpreter.syntax.ScriptParser;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckerTest {

    private static final Resolver RESOLVER = new Resolver(new Resolver.Paths() {
        public Path baseDir() {
            return Path.of("");
        }

        public Path exportTarget(Str dir) {
            return Path.of(dir.value());
        }
    });

    /** Resolves {@code source} (as t.prn) from {@code start}; nothing is loaded or trained. */
    static Resolver.Resolution resolve(String source, State start) {
        return RESOLVER.resolve(new ScriptParser().parse(source, "t.prn").script().statements(), start);
    }

    /** Parses and checks {@code source} as t.prn from a new session: syntax errors, then check errors. */
    static List<String> diagnose(String source) {
        return diagnose(source, State.of(SessionState.initial()));
    }

    /** Parses and checks {@code source} as t.prn from {@code start}, as file:line:col lines. */
    static List<String> diagnose(String source, State start) {
        ParseResult parsed = new ScriptParser().parse(source, "t.prn");
        List<Diagnostic> all = new ArrayList<>(parsed.diagnostics());
        Resolver.Resolution r = RESOLVER.resolve(parsed.script().statements(), start);
        if (!r.checked()) all.addAll(r.diagnostics());
        return lines(all);
    }

    private static List<String> lines(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.span().source() + ":" + d.span().line() + ":" + d.span().column()
                + ": error: " + d.message()).toList();
    }

    /** The session's state after an earlier input that checks clean, as the next input starts from it. */
    private static State earlier(String source) {
        Resolver.Resolution r = resolve(source, State.of(SessionState.initial()));
        assertTrue(r.checked(), () -> "the earlier input has errors: " + r.diagnostics());
        return State.of(r.after().planned());
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
                diagnose(source));
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
                diagnose(source));
    }

    @Test
    void theWholeExampleChecksCleanOnceItsNamesAreDefinedFirst() {
        String reordered = """
                let fggp = select gradient ratio 0.5 then magnitude;
                let agp  = schedule cubic from 0.5 to 0.98 end 50% every 1000 steps;
                """ + org.prunesh.interpreter.syntax.ScriptParserTest.EXAMPLE;
        // The example itself uses agp and fggp before its lets; defined first, it is clean.
        assertEquals(List.of(), diagnose(reordered));
    }

    @Test
    void aDefinitionWithAnErrorStillDefinesItsNameSoLaterUsesAreNotReportedAgain() {
        assertEquals(List.of("t.prn:1:18: error: unknown schedule 'cubc'; expected one of: cubic, linear, exp, "
                        + "constant, oneshot, points, none (did you mean 'cubic'?)"),
                diagnose("let a = schedule cubc to 0.9; schedule a;"));
    }

    @Test
    void mixedUnitsAreLeftToLowering() {
        assertEquals(List.of(), diagnose("schedule cubic to 0.9 start 2 epochs end 100 steps;"));
    }

    @Test
    void everyStatementOfTheLibraryChecksClean() {
        String source = "data mnist; model mlp;\n" + org.prunesh.interpreter.syntax.ScriptParserTest.LIBRARY;
        assertEquals(List.of(), diagnose(source));
    }

    @Test
    void earlierInputsCountThroughTheSessionState() {
        State earlier = earlier("data mnist; model mlp; let agp = schedule cubic to 0.9; let fggp = select magnitude;");
        assertEquals(List.of(), diagnose("schedule agp; select fggp; run; evaluate; report layers;", earlier));
        assertEquals(List.of("t.prn:1:8: error: 'agp' is a schedule; expected a selection"),
                diagnose("select agp;", earlier));
    }

    @Test
    void theStateAfterAScriptHoldsItsDefinitionsDataAndModel() {
        Resolver.Resolution r = resolve("let agp = schedule cubic to 0.9; data mnist; let fggp = select magnitude;",
                State.of(SessionState.initial()));
        assertTrue(r.checked());
        State after = r.after();
        assertEquals(DefKind.SCHEDULE, after.kind("agp"));
        assertEquals(DefKind.SELECTION, after.kind("fggp"));
        assertEquals("0.9", after.scheduleTarget("agp").toPlainString());
        assertTrue(after.hasData());
        assertFalse(after.hasModel());
        State next = resolve("model cnn;", State.of(after.planned())).after();
        assertTrue(next.hasData() && next.hasModel());
    }

    @Test
    void aValueFromThePlannedStateIsQuotedAsWritten() {
        assertEquals(List.of("t.prn:1:41: error: nm 1:3 needs a final sparsity of 0.6667 (1 - 1/3), but the schedule "
                + "prunes to 0.333"), diagnose("schedule cubic to 33.3%; granularity nm 1:3;"));
        assertEquals(List.of("t.prn:1:70: error: a floor of 0.075 is above the target density 0.01 (sparsity 0.99)"),
                diagnose("scope global min_density 7.5%; let s = schedule exp to 99%; schedule s;"));
    }

    @Test
    void aMistakeIsReportedOnceNotAgainByWhatNeedsTheStatement() {
        assertEquals(List.of("t.prn:1:6: error: unknown data set 'mnst'; expected one of: synthetic, fashion-mnist, "
                + "mnist, cifar10 (did you mean 'mnist'?)"), diagnose("data mnst; model mlp; run;"));
    }

    @Test
    void aStatementAfterAnErrorIsCheckedAgainstTheValidStatementsBeforeIt() {
        assertEquals(List.of("t.prn:1:19: error: a hidden layer size must be a whole number >= 1, found '0'",
                        "t.prn:1:97: error: with granularity nm 2:4 the final sparsity must be 0.5 (1 - 2/4), "
                                + "found '0.9'"),
                diagnose("model mlp hidden [0]; data mnist; let agp = schedule cubic to 90%; granularity nm 2:4; "
                        + "schedule agp; run;"));
    }

    @Test
    void aStatementWithErrorsLeavesWhatItGaveUnknownAndTheRestOfTheStateAsWritten() {
        Resolver.Resolution r = resolve("""
                schedule cubic to 90%; granularity nm 2:4; scope global min_density 0.05 max_density 0.5;
                let late = schedule points [(0, 0.1), (80%, 0.5)]; regrow rigl;
                """, State.of(SessionState.initial()));
        assertEquals(List.of("t.prn:1:39: error: nm 2:4 needs a final sparsity of 0.5 (1 - 2/4), but the schedule "
                        + "prunes to 0.9",
                "t.prn:2:59: error: regrow rigl cannot be used with granularity nm: regrowth needs granularity "
                        + "unstructured"), lines(r.diagnostics()));
        State after = r.after();
        assertEquals(Set.of(), after.unknown().aspects());      // conflicts, not errors: both still apply
        assertEquals(List.of("nm", "rigl"), List.of(after.granularity(), after.regrow()));
        assertEquals(List.of("0.9", "0.05", "0.5", "0.5"), List.of(after.target(), after.floor(), after.cap(),
                after.scheduleTarget("late")).stream().map(BigDecimal::toPlainString).toList());
    }

    @Test
    void aStatementWithErrorsLeavesWhatItGaveKnownToBeGivenButNotWhatItIs() {
        Resolver.Resolution r = resolve("granularity nm 0:4; regrow rigl; space depth [1..3] width [0]; stimulate;",
                State.of(SessionState.initial()));
        assertEquals(List.of("t.prn:1:16: error: N must be a whole number >= 1, found '0'",
                "t.prn:1:60: error: a width must be above 0 and at most 1, found '0'"), lines(r.diagnostics()));
        State after = r.after();
        assertEquals(Set.of(State.Aspect.GRANULARITY, State.Aspect.SPACE), after.unknown().aspects());
        assertNull(after.granularity());                       // so regrow rigl is not compared with it
        assertTrue(after.hasSpace() && after.stimulates());    // a space with a bad width is still a space
        assertEquals(List.of(), after.spaceDepths());
    }

    @Test
    void aPruningSettingOfAnEarlierInputCountsForTheNextOne() {
        State earlier = earlier("data mnist; model mlp; let agp = schedule cubic to 0.5; granularity nm 2:4;");
        assertEquals(List.of(), diagnose("schedule agp; prune now to 50% by magnitude;", earlier));
        assertEquals(List.of("t.prn:1:8: error: regrow granet cannot be used with granularity nm: regrowth needs "
                + "granularity unstructured"), diagnose("regrow granet;", earlier));
    }

    @Test
    void aConflictAnEarlierInputResolvedIsNotReported() {
        State earlier = earlier("data mnist; model mlp; schedule cubic to 0.9;");
        State resolved = State.of(resolve("schedule none;", earlier).after().planned());
        assertEquals(List.of(), diagnose("granularity nm 2:4;", resolved));
        assertEquals(List.of("t.prn:1:16: error: nm 2:4 needs a final sparsity of 0.5 (1 - 2/4), but the schedule "
                + "prunes to 0.9"), diagnose("granularity nm 2:4;", earlier));
    }

    @Test
    void theStateAfterAScriptHoldsItsStpSettings() {
        Resolver.Resolution r = resolve("""
                data mnist; model resnet20;
                space depth [1..3, 2, 1..3] width 0.25..1.0 step 0.25; budget flops 35%;
                stimulate subnets 2 expansion mutate until 50%;
                search evolutionary population 8 as best;
                let a = arch depth [2, 3, 1] width [0.5, 0.75, 0.375] inner [1, 1, 1, 1, 1, 1, 1, 1, 1];
                let gone = arch depth [1, 1, 1] width [1, 1, 1]; let gone = select magnitude;
                """, State.of(SessionState.initial()));
        assertTrue(r.checked());
        State after = r.after();
        assertEquals("resnet20", after.model());
        assertEquals(List.of(3, 2, 3), after.spaceDepths());
        assertTrue(after.hasBudget() && after.stimulates());
        assertEquals(List.of("a", "best"), after.defined(DefKind.ARCH));
        assertEquals(DefKind.SELECTION, after.kind("gone"));
        assertEquals(Set.of("a"), after.archLiterals().keySet());
        assertEquals(List.of(2, 3, 1), after.archLiterals().get("a").depth());
    }

    @Test
    void stimulateOffAndLoadChangeTheStpSettings() {
        Resolver.Resolution r = resolve(
                "model resnet20; space depth [1..3] width [1]; stimulate; stimulate off; load \"m\";",
                State.of(SessionState.initial()));
        assertEquals(List.of("t.prn:1:30: error: model resnet20 has 3 stages, but the space gives 1 depth entry"),
                lines(r.diagnostics()));
        State after = r.after();
        assertNull(after.model());                    // the loaded model is known only when it is loaded
        assertTrue(after.hasData() && after.hasModel());
        assertEquals(List.of(3), after.spaceDepths()); // a space that misfits the model is still the space in force
        assertFalse(after.stimulates() || after.hasBudget());
    }

    @Test
    void stpSettingsOfAnEarlierInputCountForTheNextOne() {
        State settings = earlier("data mnist; model resnet32; space depth [1..5, 1..5, 1..5] width [1]; "
                + "budget flops 0.5; stimulate; schedule cubic to 0.9;");
        // a search result, as a search in an earlier input leaves it
        State earlier = State.of(settings.planned().withDefinition("best",
                new Definition.Architecture(ArchValue.PLANNED)));
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
    void withoutASpaceAndABudgetInTheSessionSearchNeedsThem() {
        State earlier = earlier("data mnist; model resnet20; let best = arch depth [1, 1, 1] width [1, 1, 1];");
        assertEquals(List.of("t.prn:1:1: error: search needs a space and a budget: add 'space depth [...] width ...;' "
                + "and 'budget flops ...;' before it"), diagnose("search random as r; extract best;", earlier));
    }
}
