package org.prunesh.interpreter.diag;

import org.junit.jupiter.api.Test;
import org.prunesh.interpreter.syntax.ScriptParser;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiagnosticRendererTest {

    @Test
    void rendersPositionMessageSourceLineAndCarets() {
        String source = "seed 1;\ntrain epochs 10 lr fast;\n";
        List<Diagnostic> diagnostics = new ScriptParser().parse(source, "t.prn").diagnostics();
        assertEquals("""
                t.prn:2:20: error: expected a number after 'lr', found 'fast'
                train epochs 10 lr fast;
                                   ^~~~
                """, DiagnosticRenderer.render(diagnostics, Map.of("t.prn", source)));
    }

    @Test
    void sortsByPositionAndCutsTheSpanAtTheEndOfTheLine() {
        String source = "data mnist;\nmodel mlp;\n";
        List<Diagnostic> unsorted = List.of(
                new Diagnostic(new Span("t.prn", 2, 7, 40), "second"),
                new Diagnostic(new Span("t.prn", 1, 1, 4), "first"));
        assertEquals("""
                t.prn:1:1: error: first
                data mnist;
                ^~~~
                t.prn:2:7: error: second
                model mlp;
                      ^~~~
                """, DiagnosticRenderer.render(unsorted, "t.prn", source));
    }

    @Test
    void keepsTabsSoTheCaretLinesUp() {
        String source = "\tseed x;";
        Diagnostic d = new Diagnostic(new Span("t.prn", 1, 7, 1), "bad");
        assertEquals("t.prn:1:7: error: bad\n\tseed x;\n\t     ^\n", DiagnosticRenderer.render(List.of(d), "t.prn", source));
    }

    @Test
    void anErrorAtTheEndOfInputPointsJustAfterTheLastToken() {
        String source = "train epochs 10   # no ';'\n\n";
        List<Diagnostic> diagnostics = new ScriptParser().parse(source, "t.prn").diagnostics();
        assertEquals("""
                t.prn:1:16: error: expected ';' to end the train statement, found end of input
                train epochs 10   # no ';'
                               ^
                """, DiagnosticRenderer.render(diagnostics, "t.prn", source));
    }

    @Test
    void withoutItsSourceADiagnosticIsOneLine() {
        Diagnostic d = new Diagnostic(new Span("gone.prn", 3, 2, 1), "bad");
        assertEquals("gone.prn:3:2: error: bad\n", DiagnosticRenderer.render(List.of(d), Map.of()));
        assertEquals("", DiagnosticRenderer.render(List.of(), Map.of()));
    }
}
