package org.prunesh.ops.prune;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * N:M pruning along the input dimension. For a dense {@code [in, out]} weight a group is M
 * consecutive input indices feeding one output column; for a conv {@code [kH, kW, in, out]} it is M
 * consecutive input channels at one kernel position and output channel. At target s each group has
 * {@code round(s·M)} pruned in total, so the finished pattern (s = 1 − N/M) keeps exactly N of every
 * M; the chain runs inside each group with R the group's active count. Scope and density bounds do
 * not change anything here: the pattern fixes every layer's density.
 *
 * <p>Each stage's scores are computed once per tensor; the group's pool lives in arrays of M reused
 * across groups, so no object is allocated per group.
 */
final class NmSelect {

    private NmSelect() {
    }

    static void prune(List<TensorState> tensors, double target, Granularity.NM pattern, Selection selection,
                      SelectionContext context, Map<String, boolean[]> masks) {
        int m = pattern.m();
        long groupTarget = Math.round(target * m);
        if (groupTarget > m - pattern.n()) {
            throw new IllegalArgumentException("target sparsity " + Decimals.brief(target) + " prunes " + groupTarget
                    + " of every " + m + ", more than the " + pattern.describe() + " pattern allows ("
                    + (m - pattern.n()) + "); its final target is " + Decimals.brief(pattern.sparsity()));
        }
        for (TensorState t : tensors) {
            requireGroups(t, m);
        }
        if (groupTarget <= 0) {
            return;
        }
        int[] pool = new int[m];
        long[] keys = new long[m];
        for (TensorState t : tensors) {
            pruneTensor(t, (int) groupTarget, m, selection, context, pool, keys, masks.get(t.name()));
        }
    }

    private static void requireGroups(TensorState t, int m) {
        long[] shape = t.shape();
        if (shape.length < 2) {
            throw new IllegalArgumentException("tensor '" + t.name() + "' of shape " + Arrays.toString(shape)
                    + " has no input dimension to group for N:M pruning");
        }
        long in = shape[shape.length - 2];
        if (in % m != 0) {
            throw new IllegalArgumentException("tensor '" + t.name() + "' has " + in + " inputs, not a multiple of M = "
                    + m + ", so it cannot be pruned N:M");
        }
    }

    private static void pruneTensor(TensorState t, int groupTarget, int m, Selection selection,
                                    SelectionContext context, int[] pool, long[] keys, boolean[] out) {
        List<Stage> stages = selection.stages();
        float[][] scores = new float[stages.size()][];
        for (int k = 0; k < scores.length; k++) {
            scores[k] = UnitLayer.elementScores(stages.get(k).score(), t);
        }
        long[] shape = t.shape();
        int cols = (int) shape[shape.length - 1];
        int in = (int) shape[shape.length - 2];
        if (cols == 0 || in == 0) {
            return;
        }
        int outer = t.size() / (in * cols);
        boolean[] mask = t.mask();
        for (int o = 0; o < outer; o++) {
            for (int g = 0; g < in; g += m) {
                int base = (o * in + g) * cols;
                for (int c = 0; c < cols; c++) {
                    int active = 0;
                    for (int k = 0, i = base + c; k < m; k++, i += cols) {
                        if (mask[i]) {
                            pool[active++] = i;
                        }
                    }
                    int np = groupTarget - (m - active);
                    if (np <= 0) {
                        continue;
                    }
                    int size = active;
                    for (int k = 0; k < scores.length; k++) {
                        Stage stage = stages.get(k);
                        long keep = stage.isLast() ? np : Math.min(size, stage.pool().poolSize(np, active, context));
                        size = keepLowest(pool, keys, size, (int) keep, scores[k]);
                    }
                    for (int j = 0; j < size; j++) {
                        out[pool[j]] = false;
                    }
                }
            }
        }
    }

    /** Keeps the {@code keep} lowest of {@code pool[0, size)} by (score, index): insertion sort, M is small. */
    private static int keepLowest(int[] pool, long[] keys, int size, int keep, float[] score) {
        for (int j = 0; j < size; j++) {
            long key = RankKeys.key(RankKeys.sortableBits(score[pool[j]]), pool[j]);
            int i = j - 1;
            while (i >= 0 && keys[i] > key) {
                keys[i + 1] = keys[i];
                i--;
            }
            keys[i + 1] = key;
        }
        int kept = Math.min(size, keep);
        for (int j = 0; j < kept; j++) {
            pool[j] = RankKeys.index(keys[j]);
        }
        return kept;
    }
}
