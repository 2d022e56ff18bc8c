package org.prunesh.interpreter.check;

import org.prunesh.interpreter.diag.Diagnostic;

import java.util.List;

/**
 * The checker's findings and the context after the script's statements. {@code after} counts
 * every statement, including ones with errors (so that one mistake is reported once, not again
 * by every later statement that depends on it); carry it forward only when there are no errors.
 */
public record CheckResult(List<Diagnostic> diagnostics, CheckContext after) {

    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return !diagnostics.isEmpty();
    }
}
