package org.prunesh.ops.prune;

import java.util.Objects;

/**
 * One stage of a selection chain. A narrowing stage has a {@link PoolRule} and keeps a pool of that
 * many candidates, lowest by its score; the last stage has no rule ({@code pool} null) and prunes
 * the lowest of the final pool.
 */
public record Stage(Score score, PoolRule pool) {

    public Stage {
        Objects.requireNonNull(score, "score");
    }

    /** A fixed-ratio narrowing stage: {@code score ratio r then ...}. */
    public static Stage of(Score score, double ratio) {
        if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("ratio of stage '" + score.name() + "' must be in (0, 1], got " + ratio);
        }
        return new Stage(score, new PoolRule.Fixed(ratio));
    }

    /** An annealed narrowing stage: {@code score pool anneal cosine a0 to a1 then ...}. */
    public static Stage annealed(Score score, Anneal curve, double from, double to) {
        return new Stage(score, new PoolRule.Annealed(curve, from, to));
    }

    /** The final stage, which picks the weights to prune. */
    public static Stage last(Score score) {
        return new Stage(score, null);
    }

    public boolean isLast() {
        return pool == null;
    }

    /** The stage as a script writes it, e.g. {@code gradient mean 8 ratio 0.5}. */
    public String describe() {
        return isLast() ? score.describe() : score.describe() + " " + pool.describe();
    }
}
