package org.prunesh.ops.prune;

import java.util.Objects;

/**
 * One stage of a selection chain. A stage with a ratio narrows the candidates to a pool of the
 * {@code ratio·R} lowest by its score (never fewer than the weights to prune); the last stage has no
 * ratio ({@code NaN}) and picks the weights to prune from the final pool.
 */
public record Stage(Score score, double ratio) {

    public Stage {
        Objects.requireNonNull(score, "score");
        if (!Double.isNaN(ratio) && !(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("ratio of stage '" + score.name() + "' must be in (0, 1], got " + ratio);
        }
    }

    /** A narrowing stage: {@code score ratio r then ...}. */
    public static Stage of(Score score, double ratio) {
        if (Double.isNaN(ratio)) {
            throw new IllegalArgumentException("ratio of stage '" + score.name() + "' must be in (0, 1], got NaN");
        }
        return new Stage(score, ratio);
    }

    /** The final stage, which picks the weights to prune. */
    public static Stage last(Score score) {
        return new Stage(score, Double.NaN);
    }

    public boolean isLast() {
        return Double.isNaN(ratio);
    }

    /** The stage as a script writes it, e.g. {@code gradient ratio 0.5}. */
    public String describe() {
        return isLast() ? score.name() : score.name() + " ratio " + ratio;
    }
}
