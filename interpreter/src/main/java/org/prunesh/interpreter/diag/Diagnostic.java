package org.prunesh.interpreter.diag;

/** One error in a script, phrased as what was expected. */
public record Diagnostic(Span span, String message) {
}
