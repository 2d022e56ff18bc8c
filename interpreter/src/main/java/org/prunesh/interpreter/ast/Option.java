package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/** One {@code key value} pair of a data, model, train, schedule, scope or regrow statement. */
public record Option(Name key, Value value, Span span) {

    public String keyText() {
        return key.text();
    }
}
