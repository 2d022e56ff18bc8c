package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

import java.util.List;

/**
 * {@code select A ratio r then B ...}: a chain of stages, each pruning inside the pool the one
 * before it left. A single stage without a variant or pool may instead name a selection defined
 * with {@code let}. The same chain follows {@code by} in {@code prune now}; there the span starts
 * at the first score rather than at {@code select}.
 */
public record SelectExpr(List<StageExpr> stages, Span span) implements LetValue {

    public SelectExpr {
        stages = List.copyOf(stages);
    }
}
