package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ERK scope and per-layer density bounds, on literal tensors. */
class ScopeBoundsTest {

    private static final boolean T = true;
    private static final boolean F = false;
    private static final Selection MAGNITUDE = Selection.of(new MagnitudeScore());

    // a: 4 small weights; b: 6 larger ones but for b3. Unbounded global at 0.5 prunes b3 and all of a.
    private static final TensorState A = tensor("a", new long[] {4}, 0.1f, -0.2f, 0.3f, 0.4f);
    private static final TensorState B = tensor("b", new long[] {6}, 1.0f, -0.9f, 0.8f, 0.05f, 0.7f, -0.6f);

    private static TensorState tensor(String name, long[] shape, float... w) {
        boolean[] mask = new boolean[w.length];
        Arrays.fill(mask, true);
        return new TensorState(name, shape, w, null, mask);
    }

    private static Map<String, boolean[]> select(List<TensorState> tensors, double target, Scope scope,
                                                 DensityBounds bounds) {
        return MaskSelector.select(tensors, target, PruneRequest.of(MAGNITUDE, scope).withBounds(bounds),
                SelectionContext.START);
    }

    @Test
    void aFloorKeepsGlobalPruningFromEmptyingALayer() {
        // Floor 0.25: a keeps ceil(1) = 1, b keeps ceil(1.5) = 2. The global ranking leaves a empty, so a is
        // fixed at 1 (a3 survives) and the other 4 of the 5 kept go to b: b prunes its 2 lowest, b3 and b5.
        Map<String, boolean[]> masks = select(List.of(A, B), 0.5, Scope.GLOBAL, DensityBounds.floor(0.25));
        assertArrayEquals(new boolean[] {F, F, F, T}, masks.get("a"));
        assertArrayEquals(new boolean[] {T, T, T, F, T, F}, masks.get("b"));
        // Without the floor a is emptied.
        assertArrayEquals(new boolean[] {F, F, F, F}, select(List.of(A, B), 0.5, Scope.GLOBAL, DensityBounds.NONE).get("a"));
    }

    @Test
    void aCapHandsTheSurplusToTheOtherLayers() {
        // Cap 0.6: b keeps at most floor(3.6) = 3. The global ranking keeps 5 of b, so b is fixed at 3
        // (pruning b3, b5, b4) and a, re-ranked alone with the remaining budget of 2, keeps a2 and a3.
        Map<String, boolean[]> masks = select(List.of(A, B), 0.5, Scope.GLOBAL, new DensityBounds(0, 0.6));
        assertArrayEquals(new boolean[] {F, F, T, T}, masks.get("a"));
        assertArrayEquals(new boolean[] {T, T, T, F, F, F}, masks.get("b"));
    }

    /** p: nine tiny weights and one large; q: ten medium ones. Unbounded global at 0.5 keeps p9 and q1..q9. */
    private static List<TensorState> lopsided() {
        return List.of(tensor("p", new long[] {10}, 0.01f, 0.02f, 0.03f, 0.04f, 0.05f, 0.06f, 0.07f, 0.08f, 0.09f, 5f),
                tensor("q", new long[] {10}, 1.0f, 1.1f, 1.2f, 1.3f, 1.4f, 1.5f, 1.6f, 1.7f, 1.8f, 1.9f));
    }

    @Test
    void whenBothBoundsBreakTheLargerViolationIsFixedFirst() {
        // Bounds [0.2, 0.6]: p keeps 1 (1 below its floor of 2), q keeps 9 (3 above its cap of 6).
        // The caps' excess is larger, so q is fixed at 6 first; p then gets 4 of the 10 kept and is inside
        // its bounds. (Fixing p's floor first would pin p at 2 and q at 6: 8 kept instead of 10.)
        Map<String, boolean[]> masks = select(lopsided(), 0.5, Scope.GLOBAL, new DensityBounds(0.2, 0.6));
        assertArrayEquals(new boolean[] {F, F, F, F, F, F, T, T, T, T}, masks.get("p"));
        assertArrayEquals(new boolean[] {F, F, F, F, T, T, T, T, T, T}, masks.get("q"));
        // Bounds [0.4, 0.8]: p is 3 short of its floor, q 1 above its cap, so p is fixed at 4 first and q,
        // with 6 of the budget, is inside its cap.
        masks = select(lopsided(), 0.5, Scope.GLOBAL, new DensityBounds(0.4, 0.8));
        assertArrayEquals(new boolean[] {F, F, F, F, F, F, T, T, T, T}, masks.get("p"));
        assertArrayEquals(new boolean[] {F, F, F, F, T, T, T, T, T, T}, masks.get("q"));
    }

    @Test
    void aLayerAlreadyBelowItsFloorIsLeftAlone() {
        TensorState empty = new TensorState("a", new long[] {4}, A.weights(), null, new boolean[] {F, F, F, F});
        // N = 10, 6 active, 5 to keep: only b3 goes; a is not revived.
        Map<String, boolean[]> masks = select(List.of(empty, B), 0.5, Scope.GLOBAL, DensityBounds.floor(0.25));
        assertArrayEquals(new boolean[] {F, F, F, F}, masks.get("a"));
        assertArrayEquals(new boolean[] {T, T, T, F, T, T}, masks.get("b"));
    }

    @Test
    void layerwiseFloorRoundsUp() {
        // 20 weights at 0.98 layerwise: round(19.6) = 20 would empty the layer; the floor 0.02 keeps ceil(0.4) = 1.
        float[] w = new float[20];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i + 1) / 20f;
        }
        TensorState t = tensor("t", new long[] {20}, w);
        boolean[] kept = select(List.of(t), 0.98, Scope.LAYERWISE, DensityBounds.floor(0.02)).get("t");
        boolean[] expected = new boolean[20];
        expected[19] = true;
        assertArrayEquals(expected, kept);
        assertArrayEquals(new boolean[20], select(List.of(t), 0.98, Scope.LAYERWISE, DensityBounds.NONE).get("t"));
        // Global with the same floor: one tensor, the same answer.
        assertArrayEquals(expected, select(List.of(t), 0.98, Scope.GLOBAL, DensityBounds.floor(0.02)).get("t"));
    }

    @Test
    void erkScopeBringsEachLayerToItsErkDensity() {
        // c [2,2]: raw 4/4 = 1; d [4,4]: raw 8/16 = 0.5. s = 0.5: eps = 10 / (4 + 8); c keeps round(3.33) = 3,
        // d keeps round(6.67) = 7. Layerwise would keep 2 and 8.
        TensorState c = tensor("c", new long[] {2, 2}, 0.4f, 0.3f, -0.2f, 0.1f);
        TensorState d = tensor("d", new long[] {4, 4}, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
        Map<String, boolean[]> erk = select(List.of(c, d), 0.5, Scope.ERK, DensityBounds.NONE);
        assertArrayEquals(new boolean[] {T, T, T, F}, erk.get("c"));
        assertArrayEquals(new boolean[] {T, T, T, T, T, T, T, F, F, F, F, F, F, F, F, F}, erk.get("d"));
        Map<String, boolean[]> layerwise = select(List.of(c, d), 0.5, Scope.LAYERWISE, DensityBounds.NONE);
        assertArrayEquals(new boolean[] {T, T, F, F}, layerwise.get("c"));
        assertArrayEquals(new boolean[] {T, T, T, T, T, T, T, T, F, F, F, F, F, F, F, F}, layerwise.get("d"));
        // An ERK floor of 0.5 pins d at 8 and c takes the rest: 2.
        Map<String, boolean[]> floored = select(List.of(c, d), 0.5, Scope.ERK, DensityBounds.floor(0.5));
        assertArrayEquals(layerwise.get("c"), floored.get("c"));
        assertArrayEquals(layerwise.get("d"), floored.get("d"));
    }

    @Test
    void aFloorAboveTheTargetDensityIsAnErrorAndACapBelowItWins() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                select(List.of(A, B), 0.9, Scope.GLOBAL, DensityBounds.floor(0.2)));
        assertEquals("target sparsity 0.9 leaves a density of 0.1, below the per-layer density floor 0.2: the floor"
                + " cannot hold in every layer", e.getMessage());
        // a cap below the target density wins: every layer goes to the cap, past the target
        Map<String, boolean[]> atCap = select(List.of(A, B), 0.1, Scope.LAYERWISE, new DensityBounds(0, 0.8));
        // (each keeps floor(0.8 n): a 3 of 4, b 4 of 6, the lowest |w| going)
        assertArrayEquals(new boolean[] {F, T, T, T}, atCap.get("a"));
        assertArrayEquals(new boolean[] {T, T, T, F, T, F}, atCap.get("b"));
        assertThrows(IllegalArgumentException.class, () ->
                MaskSelector.select(List.of(tensor("bad", new long[] {2, 2}, 1, 2, 3)), 0.5,
                        PruneRequest.of(MAGNITUDE, Scope.ERK), SelectionContext.START));
    }

    @Test
    void keepCountsOfBounds() {
        DensityBounds b = new DensityBounds(0.07, 0.5);
        assertEquals(7, b.minKeep(100), "0.07 * 100 is 7.000000000000001 in doubles, still 7");
        assertEquals(2, b.minKeep(20));
        assertEquals(50, b.maxKeep(100));
        assertEquals(1, b.maxKeep(3));
        assertEquals(2, new DensityBounds(0.5, 0.5).maxKeep(3), "the floor wins over the cap");
        assertEquals(0, DensityBounds.NONE.minKeep(10));
        assertEquals(10, DensityBounds.NONE.maxKeep(10));
    }
}
