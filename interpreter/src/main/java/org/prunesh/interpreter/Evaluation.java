package org.prunesh.interpreter;

import org.prunesh.interpreter.diag.Diagnostic;

import java.util.List;

/**
 * The result of evaluating (or only checking) a piece of script.
 *
 * @param rendered the diagnostics as the user sees them: {@code file:line:col: error: ...}, the
 *                 source line and a caret line; empty when there are none
 */
public record Evaluation(Outcome outcome, List<Diagnostic> diagnostics, String rendered) {
}
