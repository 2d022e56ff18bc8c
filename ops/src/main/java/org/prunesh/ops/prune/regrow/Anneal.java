package org.prunesh.ops.prune.regrow;

/**
 * How the regrowth fraction decays over the regrowth window, as a multiplier of the initial
 * fraction at training progress p in [0, 1] of that window. RigL and GraNet both use cosine.
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

    public double factor(double progress) {
        return switch (this) {
            case COSINE -> 0.5 * (1 + Math.cos(Math.PI * progress));
            case LINEAR -> 1 - progress;
            case CONSTANT -> 1;
        };
    }

    public String description() {
        return description;
    }
}
