package org.prunesh.interpreter.syntax;

import org.prunesh.interpreter.ast.Script;
import org.prunesh.interpreter.diag.Diagnostic;

import java.util.List;

/**
 * The statements that parsed and one diagnostic per statement that did not. A statement with a
 * syntax error is left out of {@code script}; the others are there for the checker.
 */
public record ParseResult(Script script, List<Diagnostic> diagnostics) {

    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return !diagnostics.isEmpty();
    }
}
