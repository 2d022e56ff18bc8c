package org.prunesh.ops.prune;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as scripts and messages write them: plain decimals, never {@code 5.0E-3}. */
final class Decimals {

    private Decimals() {
    }

    /** Shortest plain decimal that reads back as the same double: 0.5, 0.005, 1. */
    static String plain(double x) {
        if (x == 0) {
            return "0";
        }
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    /** Ten significant digits, for messages: {@code 1 − 0.99} reads 0.01. */
    static String brief(double x) {
        if (x == 0) {
            return "0";
        }
        return new BigDecimal(x).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }
}
