package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Selection on NaN and infinite weights and gradients: scores order as |x| with -0 = 0, −∞ as +∞,
 * and NaN above +∞ (pruned last, as NaN sorts last in NumPy and PyTorch); ties go to the lower
 * index; the count N_p is exact whatever the inputs.
 */
class NonFiniteSelectionTest {

    private static final boolean T = true;
    private static final boolean F = false;
    private static final float NAN = Float.NaN;
    private static final float INF = Float.POSITIVE_INFINITY;
    private static final Score MAGNITUDE = new MagnitudeScore();
    private static final Score GRADIENT = new GradientScore();
    private static final Score TAYLOR = new TaylorScore();

    // |w| ascending: 5 (-0), 11 (.15), 4 (.2), 6 (.3), 2 (.5), 8 (.6), 10 (.8), 0 (.9), 3 (-inf), 7 (inf), 1 (NaN), 9 (NaN)
    private static final float[] W = {0.9f, NAN, 0.5f, -INF, 0.2f, -0.0f, -0.3f, INF, -0.6f, NAN, 0.8f, -0.15f};
    // |g| ascending: 3 (.01), 10 (.02), 0 (.03), 5 (.04), 11 (.06), 6 (.08), 2 (.09), 7 (.4), 4 (inf), 8 (-inf), 1, 9 (NaN)
    private static final float[] G = {-0.03f, NAN, -0.09f, 0.01f, INF, -0.04f, 0.08f, -0.4f, -INF, NAN, 0.02f, -0.06f};

    private static boolean[] dense(int n) {
        boolean[] m = new boolean[n];
        Arrays.fill(m, true);
        return m;
    }

    private static boolean[] select(float[] w, float[] g, boolean[] mask, double target, Selection selection) {
        TensorState t = new TensorState("fc", new long[] {w.length}, w, g, mask);
        return MaskSelector.select(List.of(t), target, selection, Scope.GLOBAL).get("fc");
    }

    private static int pruned(boolean[] mask) {
        int n = 0;
        for (boolean m : mask) if (!m) n++;
        return n;
    }

    @Test
    void magnitudePrunesFiniteWeightsFirstAndNaNLast() {
        // N_p = 6: 5, 11, 4, 6, 2, 8
        assertArrayEquals(new boolean[] {T, T, F, T, F, F, F, T, F, T, T, F},
                select(W, G, dense(12), 0.5, Selection.of(MAGNITUDE)));
        // N_p = 9: then 10, 0 and the first infinity (index 3 before 7)
        assertArrayEquals(new boolean[] {F, T, F, F, F, F, F, T, F, T, F, F},
                select(W, G, dense(12), 0.75, Selection.of(MAGNITUDE)));
        // N_p = 11: of the two NaNs the lower index goes first
        assertArrayEquals(new boolean[] {F, F, F, F, F, F, F, F, F, T, F, F},
                select(W, G, dense(12), 11 / 12.0, Selection.of(MAGNITUDE)));
    }

    @Test
    void gradientRanksInfinitiesOfBothSignsTogetherBelowNaN() {
        // N_p = 10: the 8 finite, then 4 (+inf) and 8 (-inf); the NaN gradients 1 and 9 stay
        assertArrayEquals(new boolean[] {F, T, F, F, F, F, F, F, F, T, F, F},
                select(W, G, dense(12), 10 / 12.0, Selection.of(GRADIENT)));
    }

    @Test
    void fggpChainPoolsByGradientThenPrunesByMagnitudeExactly() {
        // P = max(6, round(0.75 * 12)) = 9 lowest |g| = {3, 10, 0, 5, 11, 6, 2, 7, 4}; their |w| ascending:
        // 5 (-0), 11, 4, 6, 2, 10, 0, 3 (-inf), 7 (inf) -> prune 5, 11, 4, 6, 2, 10
        boolean[] mask = select(W, G, dense(12), 0.5, Selection.of(GRADIENT, 0.75, MAGNITUDE));
        assertArrayEquals(new boolean[] {T, T, F, T, F, F, F, T, T, T, F, F}, mask);
        // N_p = 9 = P: the whole pool goes, infinite weights included; 1, 8 and 9 never enter it
        assertArrayEquals(new boolean[] {F, T, F, F, F, F, F, F, T, T, F, F},
                select(W, G, dense(12), 0.75, Selection.of(GRADIENT, 0.75, MAGNITUDE)));
    }

    @Test
    void countIsExactWithPrunedNaNWeightsAndAllNaNScores() {
        // Already pruned: 1 (NaN), 3 (-inf), 5. N = 12, R = 9, target 0.5: N_p = 6 - 3 = 3 more.
        boolean[] mask = dense(12);
        mask[1] = mask[3] = mask[5] = false;
        // active |w| ascending: 11, 4, 6, 2, 8, 10, 0, 7 (inf), 9 (NaN) -> 11, 4, 6
        assertArrayEquals(new boolean[] {T, F, T, F, F, F, F, T, T, T, T, F},
                select(W, G, mask, 0.5, Selection.of(MAGNITUDE)));

        float[] nan = new float[12];
        Arrays.fill(nan, NAN);
        // every score equal: ties to the lower index, 7 of them for round(0.6 * 12)
        assertArrayEquals(new boolean[] {F, F, F, F, F, F, F, T, T, T, T, T},
                select(nan, nan, dense(12), 0.6, Selection.of(GRADIENT, 0.8, MAGNITUDE)));
        // Taylor |w·g| is NaN for inf·0 and NaN inputs alike
        assertEquals(7, pruned(select(W, nan, dense(12), 0.6, Selection.of(TAYLOR))));
    }

    @Test
    void matchesAFullSortOnLargeTensorsFullOfNonFiniteValues() {
        // Large enough for the histogram path (over LowestSelect.SMALL candidates per group).
        Random rnd = new Random(18);
        float[] specials = {NAN, INF, -INF, -0.0f, 0.0f, Float.MIN_VALUE, -Float.MAX_VALUE, Float.intBitsToFloat(0xffc00001)};
        List<TensorState> tensors = new ArrayList<>();
        for (int size : new int[] {20000, 13000, 7}) {
            float[] w = new float[size];
            float[] g = new float[size];
            boolean[] mask = new boolean[size];
            for (int i = 0; i < size; i++) {
                w[i] = rnd.nextInt(4) == 0 ? specials[rnd.nextInt(specials.length)] : (rnd.nextInt(31) - 15) / 8f;
                g[i] = rnd.nextInt(3) == 0 ? specials[rnd.nextInt(specials.length)] : (rnd.nextInt(17) - 8) / 64f;
                mask[i] = rnd.nextInt(5) != 0;
            }
            tensors.add(new TensorState("t" + tensors.size(), new long[] {size}, w, g, mask));
        }
        for (Selection selection : List.of(Selection.of(MAGNITUDE), Selection.of(GRADIENT, 0.5, MAGNITUDE),
                Selection.of(TAYLOR, 0.7, GRADIENT))) {
            for (double target : new double[] {0.3, 0.9, 0.99}) {
                Map<String, boolean[]> masks = MaskSelector.select(tensors, target, selection, Scope.GLOBAL);
                boolean[] expected = reference(tensors, target, selection);
                boolean[] actual = concat(tensors.stream().map(t -> masks.get(t.name())).toList());
                assertArrayEquals(expected, actual, selection.describe() + " to " + target);
                assertEquals(Math.round(target * actual.length), pruned(actual), selection.describe() + " to " + target);
            }
        }
    }

    /** Full sorts of boxed candidates by (|score| with NaN last, index), stage by stage. */
    private static boolean[] reference(List<TensorState> tensors, double target, Selection selection) {
        boolean[] mask = concat(tensors.stream().map(TensorState::mask).toList());
        int n = mask.length;
        List<Integer> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) if (mask[i]) pool.add(i);
        int np = (int) (Math.round(target * n) - (n - pool.size()));
        for (Stage stage : selection.stages()) {
            float[] score = concat(tensors, stage.score());
            pool.sort(Comparator.<Integer>comparingDouble(i -> order(score[i])).thenComparing(i -> i));
            int keep = stage.isLast() ? np
                    : (int) Math.min(pool.size(), stage.pool().poolSize(np, pool.size(), SelectionContext.START));
            pool = new ArrayList<>(pool.subList(0, Math.max(0, keep)));
            pool.sort(null);
        }
        for (int i : pool) mask[i] = false;
        return mask;
    }

    /** |score|; {@link Double#compare} (used by comparingDouble) puts NaN above +infinity. */
    private static double order(float score) {
        return Math.abs((double) score);
    }

    private static float[] concat(List<TensorState> tensors, Score score) {
        int n = tensors.stream().mapToInt(TensorState::size).sum();
        float[] out = new float[n];
        int at = 0;
        for (TensorState t : tensors) {
            float[] s = score == TAYLOR ? TaylorScore.absProduct(score, t)
                    : score == GRADIENT ? t.gradients() : t.weights();
            System.arraycopy(s, 0, out, at, s.length);
            at += s.length;
        }
        return out;
    }

    private static boolean[] concat(List<boolean[]> parts) {
        boolean[] out = new boolean[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (boolean[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
