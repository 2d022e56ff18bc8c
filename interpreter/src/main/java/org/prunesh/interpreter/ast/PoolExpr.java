package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/** The pool a stage hands to the next one: a fixed fraction, or a fraction annealed over training. */
public sealed interface PoolExpr {

    /** From the first word of the pool clause to its last number. */
    Span span();

    /** {@code ratio 0.5}: the lowest half of the active weights by this stage's score. */
    record Fixed(Num ratio, Span span) implements PoolExpr { }

    /**
     * {@code pool anneal cosine 0.5 to 0.005}: the pool's ratio moves from {@code from} to
     * {@code to} along {@code curve} over the pruning window.
     */
    record Annealed(Name curve, Num from, Num to, Span span) implements PoolExpr { }
}
