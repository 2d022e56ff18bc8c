package org.prunesh.ops.train;

/**
 * {@code init erk 0.5} / {@code init uniform 0.5}: seeded Bernoulli masks at the given initial
 * sparsity before training (per-layer densities by the Erdős–Rényi-kernel rule, or the same for all).
 */
public record SparseInitSpec(Kind kind, double sparsity) {

    public enum Kind { ERK, UNIFORM }

    public SparseInitSpec {
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("initial sparsity must be in [0, 1), got " + sparsity);
        }
    }

    public String describe() {
        return "init " + kind.name().toLowerCase() + " " + sparsity;
    }
}
