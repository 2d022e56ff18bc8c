package org.prunesh.ops.prune;

import java.util.Locale;

/**
 * How a quantity is annealed over a window: a weight falling from 1 at progress 0 to its end value
 * at progress 1. One curve for every annealing in pruning: the pool fraction of an annealed stage
 * ({@link PoolRule.Annealed}) and the drop fraction of regrowth (RigL and GraNet both use cosine).
 */
public enum Anneal {
    /** (1 + cos(πp)) / 2: from 1 at the start to 0 at the end. */
    COSINE("cosine-annealed to 0"),
    /** 1 − p. */
    LINEAR("linearly annealed to 0"),
    /** Always 1. */
    CONSTANT("constant");

    private final String description;

    Anneal(String description) {
        this.description = description;
    }

    /** The weight at progress p in [0, 1] of the window. */
    public double factor(double progress) {
        return switch (this) {
            case COSINE -> (1 + Math.cos(Math.PI * progress)) / 2;
            case LINEAR -> 1 - progress;
            case CONSTANT -> 1;
        };
    }

    /** The script's word: {@code cosine}, {@code linear} or {@code constant}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a regrowth fraction does under this curve, for plan descriptions. */
    public String description() {
        return description;
    }
}
