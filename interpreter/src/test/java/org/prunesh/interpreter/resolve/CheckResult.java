package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.diag.Diagnostic;

import java.util.List;

/**
 * What the checks of the resolver find, and the facts after the script (test helper). {@code after} counts
 * every statement, including ones with errors (so that one mistake is reported once, not again
 * by every later statement that depends on it); carry it forward only when there are no errors.
 */
record CheckResult(List<Diagnostic> diagnostics, CheckContext after) {

    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return !diagnostics.isEmpty();
    }
}
