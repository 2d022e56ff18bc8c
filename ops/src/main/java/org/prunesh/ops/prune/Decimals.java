package org.prunesh.ops.prune;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers as scripts and messages write them: plain decimals, never {@code 5.0E-3}. The one such
 * formatter in ops; every spec's {@code describe()} uses it.
 */
public final class Decimals {

    private Decimals() {
    }

    /** Shortest plain decimal that reads back as the same double: 0.5, 0.005, 1; NaN and infinities as Java writes them. */
    public static String plain(double x) {
        if (x == 0) {
            return "0";
        }
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    /** Ten significant digits, for messages: {@code 1 − 0.99} reads 0.01. */
    public static String brief(double x) {
        return significant(x, 10);
    }

    /** {@code digits} significant digits as a plain decimal: {@code significant(0.123456, 4)} is 0.1235. */
    public static String significant(double x, int digits) {
        if (x == 0) {
            return "0";
        }
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        return new BigDecimal(x).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
