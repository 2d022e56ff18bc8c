package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/**
 * How a score is computed when it has more than one way: {@code mean 8} (over the last 8
 * mini-batches) or {@code ema 0.9} (an exponential moving average with that decay).
 *
 * @param kind  the keyword as written, {@code mean} or {@code ema}
 * @param value the number after it
 * @param span  from the keyword to the number
 */
public record ScoreVariant(Name kind, Num value, Span span) {

    public static final String MEAN = "mean";
    public static final String EMA = "ema";
}
