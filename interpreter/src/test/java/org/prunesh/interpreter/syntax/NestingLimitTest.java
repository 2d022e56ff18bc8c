package org.prunesh.interpreter.syntax;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Braces nested past the bound are one diagnostic at the '{' that goes too deep, not a stack overflow. */
class NestingLimitTest {

    private static List<String> errors(String source) {
        return new ScriptParser().parse(source, "deep.prn").diagnostics().stream()
                .map(d -> d.span().source() + ":" + d.span().line() + ":" + d.span().column() + ": " + d.message())
                .toList();
    }

    @Test
    void fiveThousandNestedSweepsAreOneDiagnostic() {
        String open = "sweep v in [a] {\n".repeat(5_000);
        assertEquals(List.of("deep.prn:34:16: braces nest too deep: this '{' opens level 33 (at most 32; sweeps do not"
                + " nest)"), errors("seed 1;\n" + open.substring(0, open.length() - 1) + " run; }"));
    }

    @Test
    void bracesInStringsAndCommentsDoNotCount() {
        String braces = "{".repeat(100);
        assertEquals(List.of(), errors("# " + braces + "\nrun \"" + braces + "\";\n"));
    }
}
