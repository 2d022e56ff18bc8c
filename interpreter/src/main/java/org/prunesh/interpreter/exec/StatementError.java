package org.prunesh.interpreter.exec;

import org.prunesh.interpreter.diag.Span;

/** A statement that cannot be carried out, with where it stands in the script. */
public final class StatementError extends Exception {

    private final Span span;

    public StatementError(Span span, String message, Throwable cause) {
        super(message, cause);
        this.span = span;
    }

    public StatementError(Span span, String message) {
        this(span, message, null);
    }

    public Span span() {
        return span;
    }
}
