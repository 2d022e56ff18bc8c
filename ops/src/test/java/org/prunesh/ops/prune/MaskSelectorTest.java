package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskSelectorTest {

    private static final boolean T = true;
    private static final boolean F = false;
    private static final Score MAGNITUDE = new MagnitudeScore();
    private static final Score GRADIENT = new GradientScore();

    // Ascending |w|: 5 (.05), 1 (.1), 11 (.15), 4 (.2), 6 (.3), 9 (.4), 2 (.5), 8 (.6), 3 (.7), 10 (.8), 0 (.9), 7 (1.2)
    private static final float[] W = {0.9f, -0.1f, 0.5f, -0.7f, 0.2f, 0.05f, -0.3f, 1.2f, -0.6f, 0.4f, 0.8f, -0.15f};
    // Ascending |g|: 3 (.01), 10 (.02), 0 (.03), 5 (.04), 1 (.05), 11 (.06), 4 (.07), 6 (.08), 2 (.09), 9 (.2), 8 (.3), 7 (.4)
    private static final float[] G = {-0.03f, 0.05f, -0.09f, 0.01f, 0.07f, -0.04f, 0.08f, -0.4f, 0.3f, -0.2f, 0.02f, -0.06f};

    private static TensorState tensor(String name, float[] w, float[] g, boolean[] mask) {
        return new TensorState(name, new long[] {w.length}, w, g, mask);
    }

    private static boolean[] dense(int n) {
        boolean[] m = new boolean[n];
        java.util.Arrays.fill(m, true);
        return m;
    }

    private boolean[] selectOne(TensorState t, double target, Selection selection) {
        return MaskSelector.select(List.of(t), target, selection, Scope.GLOBAL).get(t.name());
    }

    @Test
    void magnitudeAlonePrunesTheSixSmallestWeights() {
        // N = 12, R = 12, N_p = round(0.5 * 12) - 0 = 6: prune 5, 1, 11, 4, 6, 9
        boolean[] mask = selectOne(tensor("fc", W, G, dense(12)), 0.5, Selection.of(MAGNITUDE));
        assertArrayEquals(new boolean[] {T, F, T, T, F, F, F, T, T, F, T, F}, mask);
    }

    @Test
    void gradientAlonePrunesTheSixSmallestGradients() {
        // prune 3, 10, 0, 5, 1, 11
        boolean[] mask = selectOne(tensor("fc", W, G, dense(12)), 0.5, Selection.of(GRADIENT));
        assertArrayEquals(new boolean[] {F, F, T, F, T, F, T, T, T, T, F, F}, mask);
    }

    @Test
    void gradientFirstThenMagnitudeIsFggp() {
        // P = max(6, round(0.75 * 12)) = 9. Pool = 9 lowest |g| = {3, 10, 0, 5, 1, 11, 4, 6, 2}.
        // Their |w|: 3 .7, 10 .8, 0 .9, 5 .05, 1 .1, 11 .15, 4 .2, 6 .3, 2 .5 -> prune 5, 1, 11, 4, 6, 2.
        // Weight 9 (|w| .4) survives: its gradient is large, so it never enters the pool.
        boolean[] mask = selectOne(tensor("fc", W, G, dense(12)), 0.5, Selection.of(GRADIENT, 0.75, MAGNITUDE));
        assertArrayEquals(new boolean[] {T, F, F, T, F, F, F, T, T, T, T, F}, mask);
    }

    @Test
    void magnitudeFirstThenGradientDiffersFromFggp() {
        // Pool = 9 lowest |w| = {5, 1, 11, 4, 6, 9, 2, 8, 3}.
        // Their |g|: 5 .04, 1 .05, 11 .06, 4 .07, 6 .08, 9 .2, 2 .09, 8 .3, 3 .01 -> prune 3, 5, 1, 11, 4, 6.
        boolean[] mask = selectOne(tensor("fc", W, G, dense(12)), 0.5, Selection.of(MAGNITUDE, 0.75, GRADIENT));
        assertArrayEquals(new boolean[] {T, F, T, F, F, F, F, T, T, T, T, F}, mask);
    }

    @Test
    void poolIsNeverSmallerThanTheWeightsToPrune() {
        // ratio 0.25 -> round(3) < N_p = 6, so the pool is the 6 lowest |g| and all of them are pruned.
        boolean[] mask = selectOne(tensor("fc", W, G, dense(12)), 0.5, Selection.of(GRADIENT, 0.25, MAGNITUDE));
        assertArrayEquals(new boolean[] {F, F, T, F, T, F, T, T, T, T, F, F}, mask);
    }

    @Test
    void threeStageChainNarrowsThePoolTwice() {
        // N_p = round(0.25 * 12) = 3. Stage 1: 10 lowest |g| = {3, 10, 0, 5, 1, 11, 4, 6, 2, 9}.
        // Stage 2: P = max(3, round(0.5 * 12)) = 6 lowest |w| of those = {5, 1, 11, 4, 6, 9}.
        // Stage 3: 3 lowest |g| of those = 5 (.04), 1 (.05), 11 (.06).
        Selection chain = new Selection(List.of(Stage.of(GRADIENT, 10.0 / 12), Stage.of(MAGNITUDE, 0.5),
                Stage.last(GRADIENT)));
        boolean[] mask = selectOne(tensor("fc", W, G, dense(12)), 0.25, chain);
        assertArrayEquals(new boolean[] {T, F, T, T, T, F, T, T, T, T, T, F}, mask);
    }

    @Test
    void alreadyPrunedWeightsCountTowardTheTarget() {
        // 1, 5 and 7 are already pruned: R = 9, N_p = round(0.5 * 12) - (12 - 9) = 3.
        // The lowest active |w| are 11 (.15), 4 (.2), 6 (.3); nothing pruned comes back.
        boolean[] before = {T, F, T, T, T, F, T, F, T, T, T, T};
        TensorState t = tensor("fc", W, G, before);
        boolean[] mask = selectOne(t, 0.5, Selection.of(MAGNITUDE));
        assertArrayEquals(new boolean[] {T, F, T, T, F, F, F, F, T, T, T, F}, mask);
        assertArrayEquals(new boolean[] {T, F, T, T, T, F, T, F, T, T, T, T}, before, "input mask unchanged");
    }

    @Test
    void targetBelowCurrentSparsityChangesNothing() {
        // R = 9, N_p = round(0.2 * 12) - 3 = -1
        boolean[] before = {T, F, T, T, T, F, T, F, T, T, T, T};
        boolean[] mask = selectOne(tensor("fc", W, G, before), 0.2, Selection.of(MAGNITUDE));
        assertArrayEquals(before, mask);
        assertEquals(false, mask == before, "a new array even when nothing changes");
    }

    @Test
    void globalRanksAllTensorsTogetherLayerwiseEachAlone() {
        TensorState a = tensor("a", new float[] {0.1f, -0.2f, 0.3f, 0.4f}, null, dense(4));
        TensorState b = tensor("b", new float[] {1.0f, -0.9f, 0.8f, 0.05f, 0.7f, -0.6f}, null, dense(6));
        // Global: N = 10, N_p = 5, the five smallest overall are b3 (.05), a0, a1, a2, a3.
        Map<String, boolean[]> global = MaskSelector.select(List.of(a, b), 0.5, Selection.of(MAGNITUDE), Scope.GLOBAL);
        assertEquals(List.of("a", "b"), List.copyOf(global.keySet()));
        assertArrayEquals(new boolean[] {F, F, F, F}, global.get("a"));
        assertArrayEquals(new boolean[] {T, T, T, F, T, T}, global.get("b"));
        // Layerwise: a prunes round(0.5 * 4) = 2 (a0, a1); b prunes 3 (b3 .05, b5 .6, b4 .7).
        Map<String, boolean[]> layerwise = MaskSelector.select(List.of(a, b), 0.5, Selection.of(MAGNITUDE), Scope.LAYERWISE);
        assertArrayEquals(new boolean[] {F, F, T, T}, layerwise.get("a"));
        assertArrayEquals(new boolean[] {T, T, T, F, F, F}, layerwise.get("b"));
    }

    @Test
    void layerwiseUsesEachTensorsOwnActiveCount() {
        // a: N = 4, R = 2, N_p = 2 - 2 = 0 -> unchanged. b: N = 6, R = 6, N_p = 3.
        TensorState a = tensor("a", new float[] {0.1f, -0.2f, 0.3f, 0.4f}, null, new boolean[] {F, F, T, T});
        TensorState b = tensor("b", new float[] {1.0f, -0.9f, 0.8f, 0.05f, 0.7f, -0.6f}, null, dense(6));
        Map<String, boolean[]> masks = MaskSelector.select(List.of(a, b), 0.5, Selection.of(MAGNITUDE), Scope.LAYERWISE);
        assertArrayEquals(new boolean[] {F, F, T, T}, masks.get("a"));
        assertArrayEquals(new boolean[] {T, T, T, F, F, F}, masks.get("b"));
    }

    @Test
    void tiesGoToTheEarlierTensorThenTheLowerIndex() {
        // Scores a = [1, .5], b = [.5, .5, 1, .5]; N_p = 3 among the four .5s: a1, b0, b1 (b3 is last).
        TensorState a = tensor("a", new float[] {1f, -0.5f}, null, dense(2));
        TensorState b = tensor("b", new float[] {0.5f, 0.5f, -1f, -0.5f}, null, dense(4));
        Map<String, boolean[]> masks = MaskSelector.select(List.of(a, b), 0.5, Selection.of(MAGNITUDE), Scope.GLOBAL);
        assertArrayEquals(new boolean[] {T, F}, masks.get("a"));
        assertArrayEquals(new boolean[] {F, F, T, T}, masks.get("b"));
        // Listing b first makes b earlier: b0, b1, b3 go.
        masks = MaskSelector.select(List.of(b, a), 0.5, Selection.of(MAGNITUDE), Scope.GLOBAL);
        assertArrayEquals(new boolean[] {F, F, T, F}, masks.get("b"));
        assertArrayEquals(new boolean[] {T, T}, masks.get("a"));
    }

    @Test
    void tiesInsideAPoolFollowTheSameOrder() {
        // All |g| equal: the pool of P = max(2, round(0.5 * 6)) = 3 is the first three, 0, 1, 2.
        // Inside it the two smallest |w| are 2 (.1) and 0 (.3); 4 (.05) is outside the pool and kept.
        float[] w = {0.3f, 0.9f, 0.1f, 0.8f, 0.05f, 0.7f};
        float[] g = {0.2f, -0.2f, 0.2f, 0.2f, -0.2f, 0.2f};
        boolean[] mask = selectOne(tensor("t", w, g, dense(6)), 2.0 / 6, Selection.of(GRADIENT, 0.5, MAGNITUDE));
        assertArrayEquals(new boolean[] {F, T, F, T, T, T}, mask);
    }

    @Test
    void negativeZeroTiesWithZero() {
        Score signed = new Score() {
            public String name() {
                return "signed";
            }

            public boolean needsGradient() {
                return false;
            }

            public float[] compute(TensorState t) {
                return t.weights().clone();
            }
        };
        // Raw scores [0, -0, -1, 2]: -1 is lowest, then 0 and -0 tie and index 0 goes first.
        boolean[] mask = selectOne(tensor("t", new float[] {0f, -0f, -1f, 2f}, null, dense(4)), 0.5,
                Selection.of(signed));
        assertArrayEquals(new boolean[] {F, T, F, T}, mask);
    }

    @Test
    void gradientScoreWithoutGradientsFailsClearly() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                selectOne(tensor("conv1/W", W, null, dense(12)), 0.5, Selection.of(GRADIENT, 0.5, MAGNITUDE)));
        assertEquals("score 'gradient' needs the loss gradient of tensor 'conv1/W', but none was computed for this"
                + " pruning step", e.getMessage());
    }

    @Test
    void rejectsInconsistentInput() {
        TensorState t = tensor("t", W, G, dense(12));
        assertThrows(IllegalArgumentException.class, () ->
                MaskSelector.select(List.of(t, t), 0.5, Selection.of(MAGNITUDE), Scope.GLOBAL));
        assertThrows(IllegalArgumentException.class, () ->
                MaskSelector.select(List.of(tensor("u", W, G, dense(11))), 0.5, Selection.of(MAGNITUDE), Scope.GLOBAL));
        assertThrows(IllegalArgumentException.class, () ->
                MaskSelector.select(List.of(t), 1.5, Selection.of(MAGNITUDE), Scope.GLOBAL));
    }

    @Test
    void fullTargetPrunesEverythingAndEmptyTensorsAreHarmless() {
        TensorState empty = tensor("e", new float[0], null, new boolean[0]);
        TensorState t = tensor("t", new float[] {1f, 2f}, null, dense(2));
        Map<String, boolean[]> masks = MaskSelector.select(List.of(empty, t), 1.0, Selection.of(MAGNITUDE), Scope.GLOBAL);
        assertArrayEquals(new boolean[0], masks.get("e"));
        assertArrayEquals(new boolean[] {F, F}, masks.get("t"));
        masks = MaskSelector.select(List.of(t, empty), 0.5, Selection.of(MAGNITUDE), Scope.LAYERWISE);
        assertArrayEquals(new boolean[] {F, T}, masks.get("t"));
        assertSame(null, masks.get("missing"));
    }
}
