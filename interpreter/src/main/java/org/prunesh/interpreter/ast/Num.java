package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

import java.math.BigDecimal;

/**
 * A number as written. {@code value} is the number before any percent is applied (90 for
 * {@code 90%}); {@link #fraction()} divides percents by 100.
 *
 * @param text the source text, including a trailing {@code %}
 */
public record Num(double value, boolean percent, String text, Span span) implements Value {

    /** The value as a fraction: {@code 90%} is 0.9, {@code 0.9} stays 0.9. */
    public double fraction() {
        return percent ? value / 100 : value;
    }

    /** True when the number as written is an integer ({@code 3}, {@code 3.0}, {@code 1e3}). */
    public boolean isWhole() {
        BigDecimal exact = exact();
        return exact.signum() == 0 || exact.stripTrailingZeros().scale() <= 0;
    }

    /** The written number exactly, so that whole numbers beyond 2^53 are not rounded. */
    public BigDecimal exact() {
        return new BigDecimal(percent ? text.substring(0, text.length() - 1) : text);
    }

    /** {@link #fraction()} exactly, so that comparisons such as 1 - 0.9 against 0.1 come out as written. */
    public BigDecimal exactFraction() {
        return percent ? exact().movePointLeft(2) : exact();
    }

    /** The value as a long; only meaningful when {@link #isWhole()} and in range. */
    public long longValue() {
        return exact().longValue();
    }

    /** The value as an int; only meaningful when {@link #isWhole()} and in range. */
    public int intValue() {
        return exact().intValue();
    }
}
