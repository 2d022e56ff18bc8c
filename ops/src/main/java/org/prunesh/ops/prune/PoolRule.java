package org.prunesh.ops.prune;

import java.util.Objects;

/**
 * How a narrowing stage sizes its pool, given the N_p weights a step prunes and the R active
 * candidates of the group (a tensor, all tensors, or one N:M group). Whatever the rule, the pool holds
 * at least N_p candidates (so the last stage can prune them all) and at most R; a chain also never
 * lets a pool grow past the previous stage's pool.
 */
public sealed interface PoolRule {

    /** The pool size before the chain's "never larger than the previous pool" cap: in [np, active]. */
    long poolSize(long np, long active, SelectionContext context);

    /** The rule as a script writes it after the score, e.g. {@code ratio 0.5}. */
    String describe();

    /**
     * {@code ratio r}: the {@code max(N_p, round(r·R))} lowest. FGGP's fixed-rate pool.
     */
    record Fixed(double ratio) implements PoolRule {

        public Fixed {
            if (!(ratio > 0 && ratio <= 1)) {
                throw new IllegalArgumentException("a pool ratio must be in (0, 1], got " + ratio);
            }
        }

        @Override
        public long poolSize(long np, long active, SelectionContext context) {
            return clamp(Math.max(np, Math.round(ratio * active)), np, active);
        }

        @Override
        public String describe() {
            return "ratio " + Decimals.plain(ratio);
        }
    }

    /**
     * {@code pool anneal cosine|linear a0 to a1}: {@code N_p + round(a_t·(R − N_p))} with
     * {@code a_t = a1 + (a0 − a1)·c(p)}, p the progress of the pruning window, cosine
     * {@code c(p) = (1 + cos πp)/2}, linear {@code c(p) = 1 − p} ({@link Anneal}; constant keeps a0). So a_t starts at a0 and ends at a1;
     * a1 above a0 (a growing pool) is allowed. GraNet's annealed prune fraction, as FGGP compares with.
     */
    record Annealed(Anneal curve, double from, double to) implements PoolRule {

        public Annealed {
            Objects.requireNonNull(curve, "curve");
            if (!(from >= 0 && from <= 1) || !(to >= 0 && to <= 1)) {
                throw new IllegalArgumentException("an annealed pool goes between fractions in [0, 1], got "
                        + from + " to " + to);
            }
        }

        /** a_t at this progress. */
        public double fraction(double progress) {
            return to + (from - to) * curve.factor(progress);
        }

        @Override
        public long poolSize(long np, long active, SelectionContext context) {
            long extra = Math.round(fraction(context.progress()) * Math.max(0, active - np));
            return clamp(np + extra, np, active);
        }

        @Override
        public String describe() {
            return "pool anneal " + curve.word() + " " + Decimals.plain(from) + " to " + Decimals.plain(to);
        }
    }

    private static long clamp(long size, long np, long active) {
        return Math.max(Math.min(size, active), Math.min(np, active));
    }
}
