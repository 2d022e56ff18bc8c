package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/** The {@code N:M} of {@code granularity nm 2:4}: at most N of every M consecutive weights stay. */
public record NmPattern(Num n, Num m, Span span) {

    /** As written, e.g. {@code 2:4}. */
    public String text() {
        return n.text() + ":" + m.text();
    }
}
