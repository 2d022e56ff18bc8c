package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/**
 * One stage's depth choices in a {@code space}: {@code 1..3} (min 1, max 3) or {@code 3}, which
 * gives one number as both {@code min} and {@code max} (the same {@link Num}, span included).
 */
public record DepthRange(Num min, Num max, Span span) {

    /** True when written as a single number rather than a range. */
    public boolean single() {
        return min.equals(max);
    }
}
