package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/**
 * One stage of a selection: a score name, how the score is computed ({@code gradient mean 8};
 * null for the plain form) and, before {@code then}, the pool it hands on (null when absent).
 */
public record StageExpr(Name score, ScoreVariant variant, PoolExpr pool, Span span) {

    /** A plain stage with a fixed ratio (null for none), as language version 1 wrote every stage. */
    public StageExpr(Name score, Num ratio, Span span) {
        this(score, null, ratio == null ? null : new PoolExpr.Fixed(ratio, ratio.span()), span);
    }

    /** The fixed pool ratio, or null when the pool is annealed or absent. */
    public Num ratio() {
        return pool instanceof PoolExpr.Fixed fixed ? fixed.ratio() : null;
    }
}
