package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/**
 * A point or length in training time: {@code 100 steps}, {@code 2 epochs}, {@code 50%} (of all
 * training steps). A bare number means steps.
 *
 * @param amount the number as written; for {@link Unit#PERCENT} it is the percent ({@code 50} for {@code 50%})
 */
public record Quantity(Num amount, Unit unit, Span span) implements Value {

    public enum Unit { STEPS, EPOCHS, PERCENT }
}
