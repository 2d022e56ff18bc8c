package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/**
 * One {@code key value} pair of a data, model, train, schedule, scope, regrow, stimulate or search
 * statement; {@code keySpan} is the keyword's place, for messages about the key itself.
 */
public record Option(OptionKey key, Span keySpan, Value value, Span span) {
}
