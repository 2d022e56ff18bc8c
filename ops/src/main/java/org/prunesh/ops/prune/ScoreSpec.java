package org.prunesh.ops.prune;

import java.util.Objects;

/**
 * A criterion as a script names it, before it is checked: {@code magnitude}, or a name with a
 * variant, {@code gradient mean 8} or {@code gradient ema 0.9}. {@link Scores} checks it and
 * builds the {@link Score}.
 *
 * @param variant null for the plain criterion
 */
public record ScoreSpec(String name, Variant variant) {

    /** How a criterion with variants is computed: over a window, or as a moving average. */
    public sealed interface Variant {
        String describe();
    }

    /** {@code mean K}: the mean over the last K mini-batches. */
    public record Mean(int batches) implements Variant {
        public String describe() {
            return "mean " + batches;
        }
    }

    /** {@code ema B}: an exponential moving average with decay B. */
    public record Ema(double decay) implements Variant {
        public String describe() {
            return "ema " + Decimals.plain(decay);
        }
    }

    public ScoreSpec {
        Objects.requireNonNull(name, "name");
    }

    /** The plain criterion, e.g. {@code ScoreSpec.of("taylor")}. */
    public static ScoreSpec of(String name) {
        return new ScoreSpec(name, null);
    }

    /** The spec as a script writes it, e.g. {@code gradient mean 8}. */
    public String describe() {
        return variant == null ? name : name + " " + variant.describe();
    }
}
