package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

import java.util.List;

/** A bracketed list such as {@code [256, 128]}; the items stay numbers so the checker can point at a bad one. */
public record IntList(List<Num> items, Span span) implements Value {

    public IntList {
        items = List.copyOf(items);
    }

    /** The items as ints; only meaningful once the checker has accepted them as positive whole numbers. */
    public List<Integer> ints() {
        return items.stream().map(Num::intValue).toList();
    }
}
