package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/**
 * {@code schedule KIND options}. {@code kind} is either a schedule kind ({@code cubic}, ...) or a
 * name defined with {@code let}; the checker tells which, and forbids options on a defined name.
 */
public record ScheduleExpr(Name kind, Options options, Span span) implements LetValue {
}
