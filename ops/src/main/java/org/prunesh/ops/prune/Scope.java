package org.prunesh.ops.prune;

/** Which weights are ranked against each other. */
public enum Scope {
    /** All prunable weights together, by raw score; layers end at different sparsities. */
    GLOBAL,
    /** Each tensor alone, each brought to the target sparsity. */
    LAYERWISE
}
