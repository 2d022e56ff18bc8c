package org.prunesh.interpreter.syntax;

import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.prunesh.grammar.PruneLexer;
import org.prunesh.interpreter.diag.Diagnostic;

/**
 * A bound on how deep braces nest, checked on the tokens before parsing: a sweep body is parsed by
 * recursion, and thousands of nested '{' would exhaust the thread's stack (found by the fuzz test)
 * instead of giving a diagnostic. Sweeps do not nest at all, so the bound only stops the absurd.
 */
final class NestingLimit {

    static final int MAX_DEPTH = 32;

    private NestingLimit() {
    }

    /** An error at the first '{' that opens a level deeper than {@link #MAX_DEPTH}, or null. */
    static Diagnostic tooDeep(CommonTokenStream tokens, SourceSpans spans) {
        tokens.fill();
        int depth = 0;
        for (Token t : tokens.getTokens()) {
            if (t.getType() == PruneLexer.LBRACE && ++depth > MAX_DEPTH) {
                return new Diagnostic(spans.of(t), "braces nest too deep: this '{' opens level " + (MAX_DEPTH + 1)
                        + " (at most " + MAX_DEPTH + "; sweeps do not nest)");
            }
            if (t.getType() == PruneLexer.RBRACE && depth > 0) depth--;
        }
        return null;
    }
}
