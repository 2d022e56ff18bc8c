package org.prunesh.interpreter.diag;

/**
 * Where a piece of a script stands: 1-based line and column of its first character and its
 * length in characters on that line (at least 1, so a caret can always be drawn).
 */
public record Span(String source, int line, int column, int length) {
}
