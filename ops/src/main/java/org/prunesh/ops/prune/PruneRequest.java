package org.prunesh.ops.prune;

import java.util.List;
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

    /**
     * With channel granularity, the request whose channels are coupled in {@code groups} (lists of
     * tensor names, see {@link Granularity.Channel#coupled()}); any other granularity is returned
     * unchanged, since only whole channels need their coupled partners.
     */
    public PruneRequest coupledAs(List<List<String>> groups) {
        return granularity instanceof Granularity.Channel c ? withGranularity(c.coupledAs(groups)) : this;
    }

    public PruneRequest withBounds(DensityBounds b) {
        return new PruneRequest(selection, scope, granularity, b);
    }
}
