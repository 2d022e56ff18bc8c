package org.prunesh.ops.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Chooses which active weights a pruning step removes: the one entry point of every criterion,
 * scope and granularity.
 *
 * <p><b>Units and counting.</b> A step removes units: single weights (unstructured), whole output
 * filters ({@link Granularity.Channel}, targets counted in filters), or weights within N:M groups
 * ({@link Granularity.NM}, see {@link NmSelect}). Over a group of layers ranked together with N units
 * of which R are active, reaching target s means pruning {@code N_p = round(s·N) − (N − R)} more
 * units; if N_p ≤ 0 the group is unchanged. Only active units are candidates, so a pruned weight is
 * never revived.
 *
 * <p><b>Scope</b> ({@link ScopeSelect}): {@link Scope#GLOBAL} ranks all layers as one group;
 * {@link Scope#LAYERWISE} brings each layer to s; {@link Scope#ERK} brings each layer to its
 * {@link Distribution#erk} density. {@link DensityBounds} keep every layer's density within a floor
 * and a cap; a target the bounds exclude is an error.
 *
 * <p><b>The chain.</b> The stages of the {@link Selection} run in order on each group: a stage with
 * pool rule k narrows the pool (initially the R active units) to its
 * {@code P_k = min(P_{k−1}, rule_k(N_p, R))} lowest by its score ({@link PoolRule}); the last stage
 * prunes the N_p lowest of the final pool by its score.
 *
 * <p><b>Ties</b> are broken deterministically: among equal scores, the unit earlier in (tensor order
 * in the input list, unit index) ranks lower, so it enters a pool first and is pruned first. Scores
 * compare as {@link Float#compare} with -0.0 equal to 0.0, which makes the order total for any input:
 * −∞ lowest, NaN (all NaNs equal) above +∞, so a NaN score is pruned last, as NaN sorts last in NumPy
 * and PyTorch. The counts above hold exactly whatever the scores ({@code NonFiniteSelectionTest}).
 *
 * <p><b>Cost.</b> Unstructured and channel selection is O(units) per stage in a few streaming passes
 * over primitive arrays ({@link ChainSelect}, {@link LowestSelect}); no sort of all weights, no boxing.
 *
 * <p>Inputs are not modified; there is no state, so calls may run concurrently (as far as the
 * scores' {@code compute} allows).
 */
public final class MaskSelector {

    private MaskSelector() {
    }

    /**
     * The masks after pruning toward {@code target}: one new array per tensor, keyed by tensor name in
     * input order. A density cap below the target density raises the target to it ({@link
     * DensityBounds#capped}). Throws {@link IllegalArgumentException} for an invalid input (including a
     * target below the density floor, or a tensor an N:M pattern cannot group) and {@link IllegalStateException}
     * when a score lacks what it needs (gradients).
     */
    public static Map<String, boolean[]> select(List<TensorState> tensors, double target, PruneRequest request,
                                                SelectionContext context) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        if (!(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException("target sparsity must be in [0, 1], got " + target);
        }
        Granularity granularity = request.granularity();
        requireConsistent(tensors, request.scope() == Scope.ERK || !(granularity instanceof Granularity.Unstructured));
        target = request.bounds().capped(target);
        request.bounds().requireFeasible(target);
        Map<String, boolean[]> masks = new LinkedHashMap<>();
        for (TensorState t : tensors) {
            masks.put(t.name(), t.mask().clone());
        }
        if (granularity instanceof Granularity.NM nm) {
            NmSelect.prune(tensors, target, nm, request.selection(), context, masks);
            return masks;
        }
        List<UnitLayer> layers = new ArrayList<>(tensors.size());
        for (TensorState t : tensors) {
            layers.add(granularity instanceof Granularity.Channel channel
                    ? new UnitLayer.Filters(t, channel.norm())
                    : new UnitLayer.Elements(t));
        }
        ScopeSelect.prune(layers, target, request, context, masks);
        return masks;
    }

    /**
     * The unstructured step of the first pruning engine: no density bounds, at the start of the
     * pruning window (an annealed pool is at its initial fraction).
     */
    public static Map<String, boolean[]> select(List<TensorState> tensors, double target, Selection selection, Scope scope) {
        return select(tensors, target, PruneRequest.of(selection, scope), SelectionContext.START);
    }

    private static void requireConsistent(List<TensorState> tensors, boolean needsShapes) {
        Set<String> names = new HashSet<>();
        long total = 0;
        for (TensorState t : tensors) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("tensor '" + t.name() + "' is listed twice");
            }
            if (t.mask().length != t.size()) {
                throw new IllegalArgumentException("tensor '" + t.name() + "' has " + t.size() + " weights but a mask of "
                        + t.mask().length);
            }
            if (needsShapes) {
                long elements = 1;
                for (long d : t.shape()) {
                    elements = d < 0 ? -1 : elements * d;
                }
                if (elements != t.size()) {
                    throw new IllegalArgumentException("tensor '" + t.name() + "' has " + t.size()
                            + " weights but shape " + Arrays.toString(t.shape()));
                }
            }
            total += t.size();
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot rank " + total + " weights together; at most "
                    + Integer.MAX_VALUE + " fit one index");
        }
    }
}
