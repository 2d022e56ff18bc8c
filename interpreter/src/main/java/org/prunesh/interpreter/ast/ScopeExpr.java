package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/**
 * {@code scope global min_density 0.02 max_density 0.5}: how weights are ranked against each
 * other and the per-layer density floor and cap ({@code min_density}, {@code max_density}
 * options, each absent when not given). A statement of its own and a clause of {@code prune now}.
 */
public record ScopeExpr(Name name, Options options, Span span) {
}
