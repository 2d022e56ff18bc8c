package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

import java.util.List;

/** A bracketed list of times such as {@code [50%, 75%]} or {@code [30 epochs, 45 epochs]}. */
public record QuantityList(List<Quantity> items, Span span) implements Value {
    public QuantityList {
        items = List.copyOf(items);
    }
}
