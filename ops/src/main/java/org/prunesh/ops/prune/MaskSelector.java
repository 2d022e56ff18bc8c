package org.prunesh.ops.prune;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Chooses which active weights a pruning step removes; the unstructured core of every criterion.
 *
 * <p>Over a group of tensors (all of them for {@link Scope#GLOBAL}, each one alone for
 * {@link Scope#LAYERWISE}) with N elements of which R are active (mask true), reaching target s
 * means pruning {@code N_p = round(s·N) − (N − R)} more weights. If N_p ≤ 0 the group is unchanged.
 * Only active weights are candidates, so a pruned weight is never revived. The stages of the
 * {@link Selection} then run in order: a stage with ratio r_k narrows the pool (initially the R
 * active weights) to its {@code P_k = min(P_{k−1}, max(N_p, round(r_k·R)))} lowest by its score; the
 * last stage prunes the N_p lowest of the final pool by its score.
 *
 * <p><b>Ties</b> are broken deterministically: among equal scores, the element earlier in
 * (tensor order in the input list, flat C-order index) ranks lower, so it enters a pool first and is
 * pruned first. Scores compare as {@link Float#compare} with -0.0 equal to 0.0.
 *
 * <p><b>Cost.</b> The pool is two primitive {@code int} arrays of size R (indices, ascending, and
 * scores mapped to order-preserving ints); each stage scores the group one tensor at a time and
 * narrows the pool in a few sequential passes ({@link LowestSelect}). No sort of all weights, no
 * boxing.
 *
 * <p>Inputs are not modified; there is no state, so calls may run concurrently.
 */
public final class MaskSelector {

    private MaskSelector() {
    }

    /**
     * The masks after pruning toward {@code target}: one new array per tensor, keyed by tensor name in
     * input order. Throws {@link IllegalArgumentException} for an invalid input and
     * {@link IllegalStateException} when a score lacks what it needs (gradients).
     */
    public static Map<String, boolean[]> select(List<TensorState> tensors, double target, Selection selection, Scope scope) {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(scope, "scope");
        if (!(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException("target sparsity must be in [0, 1], got " + target);
        }
        requireConsistent(tensors);
        Map<String, boolean[]> masks = new LinkedHashMap<>();
        for (TensorState t : tensors) {
            masks.put(t.name(), t.mask().clone());
        }
        if (scope == Scope.GLOBAL) {
            pruneGroup(tensors, target, selection, masks);
        } else {
            for (TensorState t : tensors) {
                pruneGroup(List.of(t), target, selection, masks);
            }
        }
        return masks;
    }

    private static void requireConsistent(List<TensorState> tensors) {
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
            total += t.size();
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot rank " + total + " weights together; at most "
                    + Integer.MAX_VALUE + " fit one index");
        }
    }

    /** Applies the procedure of the class comment to one group, writing into {@code masks}. */
    private static void pruneGroup(List<TensorState> group, double target, Selection selection,
                                   Map<String, boolean[]> masks) {
        long total = 0;
        int active = 0;
        for (TensorState t : group) {
            total += t.size();
            active += t.activeCount();
        }
        long toPrune = Math.min(active, Math.round(target * total) - (total - active));
        if (toPrune <= 0) {
            return;
        }
        int np = (int) toPrune;

        // The pool as group indices (tensor offset + flat index), kept ascending throughout.
        int[] pool = new int[active];
        int[] bits = new int[active];
        int size = 0;
        int offset = 0;
        for (TensorState t : group) {
            boolean[] mask = t.mask();
            for (int i = 0; i < mask.length; i++) {
                if (mask[i]) {
                    pool[size++] = offset + i;
                }
            }
            offset += mask.length;
        }
        for (Stage stage : selection.stages()) {
            scorePool(group, stage.score(), pool, bits, size);
            int keep = stage.isLast() ? np : (int) Math.min(size, Math.max(np, Math.round(stage.ratio() * active)));
            size = LowestSelect.keepLowest(pool, bits, size, keep);
        }

        int j = 0;
        offset = 0;
        for (TensorState t : group) {
            boolean[] mask = masks.get(t.name());
            int end = offset + t.size();
            for (; j < size && pool[j] < end; j++) {
                mask[pool[j] - offset] = false;
            }
            offset = end;
        }
    }

    /**
     * Sets {@code bits[j]} to the sortable score of pool element {@code pool[j]}. Every tensor of the
     * group is scored, so a missing input fails the same way whatever the pool holds; since the pool
     * is ascending, only one tensor's scores are alive at a time.
     */
    private static void scorePool(List<TensorState> group, Score score, int[] pool, int[] bits, int size) {
        int j = 0;
        int offset = 0;
        for (TensorState t : group) {
            float[] s = checked(score, t);
            int end = offset + t.size();
            for (; j < size && pool[j] < end; j++) {
                bits[j] = RankKeys.sortableBits(s[pool[j] - offset]);
            }
            offset = end;
        }
    }

    private static float[] checked(Score score, TensorState tensor) {
        float[] s = score.compute(tensor);
        if (s.length != tensor.size()) {
            throw new IllegalStateException("score '" + score.name() + "' gave " + s.length + " values for tensor '"
                    + tensor.name() + "' of " + tensor.size() + " weights");
        }
        return s;
    }
}
