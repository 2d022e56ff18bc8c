package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/** An option value that names a thing, e.g. the {@code sgd} of {@code optimizer sgd}. */
public record Ident(Name name) implements Value {

    @Override
    public Span span() {
        return name.span();
    }
}
