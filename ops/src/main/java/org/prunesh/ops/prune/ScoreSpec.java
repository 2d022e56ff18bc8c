package org.prunesh.ops.prune;

import java.util.Objects;

/**
 * A criterion as a script names it, before it is checked: {@code magnitude}, or a name with a
 * variant and its value, {@code gradient mean 8} or {@code gradient ema 0.9}. {@link Scores}
 * checks it and builds the {@link Score}.
 *
 * @param variant null for the plain criterion, else e.g. {@code mean} or {@code ema}
 * @param value   the variant's parameter; ignored (NaN by convention) without a variant
 */
public record ScoreSpec(String name, String variant, double value) {

    public ScoreSpec {
        Objects.requireNonNull(name, "name");
    }

    /** The plain criterion, e.g. {@code ScoreSpec.of("taylor")}. */
    public static ScoreSpec of(String name) {
        return new ScoreSpec(name, null, Double.NaN);
    }

    /** The spec as a script writes it, e.g. {@code gradient mean 8}. */
    public String describe() {
        return variant == null ? name : name + " " + variant + " " + Decimals.plain(value);
    }
}
