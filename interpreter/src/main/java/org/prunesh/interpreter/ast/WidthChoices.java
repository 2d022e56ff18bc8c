package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

import java.util.List;

/**
 * The widths of a {@code space}: an explicit list {@code [0.25, 0.5, 1.0]} ({@code values}; then
 * {@code from}, {@code to} and {@code step} are null) or a range {@code 0.25..1.0 step 0.125}
 * ({@code values} null).
 */
public record WidthChoices(List<Num> values, Num from, Num to, Num step, Span span) {

    public WidthChoices {
        values = values == null ? null : List.copyOf(values);
    }

    /** A list of widths. */
    public static WidthChoices of(List<Num> values, Span span) {
        return new WidthChoices(values, null, null, null, span);
    }

    /** A range of widths. */
    public static WidthChoices range(Num from, Num to, Num step, Span span) {
        return new WidthChoices(null, from, to, step, span);
    }

    public boolean isRange() {
        return values == null;
    }
}
