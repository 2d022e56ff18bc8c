package org.prunesh.ops.prune;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as scripts and messages write them: plain decimals, never {@code 5.0E-3}. The one formatter of them. */
public final class Decimals {

    private Decimals() {
    }

    /** Shortest plain decimal that reads back as the same double: 0.5, 0.005, 1; NaN and infinities as Java writes them. */
    public static String plain(double x) {
        if (x == 0) {
            return "0";
        }
        if (!Double.isFinite(x)) {
            return String.valueOf(x);
        }
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    /** 0.90 as "0.9", 1E+1 as "10". */
    public static String plain(BigDecimal x) {
        return x.signum() == 0 ? "0" : x.stripTrailingZeros().toPlainString();
    }

    /** Ten significant digits, for messages: {@code 1 − 0.99} reads 0.01. */
    public static String brief(double x) {
        if (x == 0) {
            return "0";
        }
        return new BigDecimal(x).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }
}
