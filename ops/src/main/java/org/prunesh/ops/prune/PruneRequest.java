package org.prunesh.ops.prune;

import java.util.Objects;

/**
 * Everything a pruning step needs besides the tensors and the target: which criterion chain, over
 * which scope, at which granularity, within which per-layer density bounds.
 */
public record PruneRequest(Selection selection, Scope scope, Granularity granularity, DensityBounds bounds) {

    public PruneRequest {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(bounds, "bounds");
    }

    /** Unstructured, without density bounds. */
    public static PruneRequest of(Selection selection, Scope scope) {
        return new PruneRequest(selection, scope, Granularity.UNSTRUCTURED, DensityBounds.NONE);
    }

    public PruneRequest withGranularity(Granularity g) {
        return new PruneRequest(selection, scope, g, bounds);
    }

    public PruneRequest withBounds(DensityBounds b) {
        return new PruneRequest(selection, scope, granularity, b);
    }
}
