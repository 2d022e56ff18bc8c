package org.prunesh.ops.prune;

/** Which weights are ranked against each other, and so how a target spreads over the layers. */
public enum Scope {
    /** All prunable weights together, by raw score; layers end at different sparsities. */
    GLOBAL,
    /** Each tensor alone, each brought to the target sparsity. */
    LAYERWISE,
    /**
     * Each tensor alone, brought to its Erdős–Rényi-kernel density ({@link Distribution#erk}), which
     * keeps small layers denser while the whole still meets the target.
     */
    ERK
}
