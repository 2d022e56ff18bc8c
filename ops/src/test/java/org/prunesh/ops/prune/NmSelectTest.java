package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NmSelectTest {

    private static final boolean T = true;
    private static final boolean F = false;
    private static final Score MAGNITUDE = new MagnitudeScore();
    private static final Score GRADIENT = new GradientScore();
    private static final Granularity.NM TWO_FOUR = new Granularity.NM(2, 4);

    /*
     * A dense weight [in = 8, out = 2], i.e. the 2x8 matrix out x in, stored as rows of inputs. Flat index
     * i*2 + c. Groups: inputs 0-3 and 4-7 of each output column.
     *   column 0 by input: 0.9 -0.1  0.5  0.2 | 0.3 -0.8 0.05 0.7
     *   column 1 by input: 0.4  0.6 -0.3 0.01 | -1.0 0.2 0.25 0.15
     */
    private static final float[] W = {
        0.9f, 0.4f, -0.1f, 0.6f, 0.5f, -0.3f, 0.2f, 0.01f,
        0.3f, -1.0f, -0.8f, 0.2f, 0.05f, 0.25f, 0.7f, 0.15f};

    private static TensorState dense(float[] w, float[] g, boolean[] mask) {
        return new TensorState("fc.weight", new long[] {8, 2}, w, g, mask);
    }

    private static boolean[] all(int n) {
        boolean[] m = new boolean[n];
        Arrays.fill(m, true);
        return m;
    }

    private static boolean[] select(TensorState t, double target, Selection selection) {
        return MaskSelector.select(List.of(t), target, new PruneRequest(selection, Scope.GLOBAL, TWO_FOUR,
                DensityBounds.NONE), SelectionContext.START).get(t.name());
    }

    @Test
    void twoOfEveryFourInputsSurvivePerOutput() {
        // Column 0 prunes inputs 1, 3 | 4, 6; column 1 prunes inputs 2, 3 | 5, 7.
        boolean[] mask = select(dense(W, null, all(16)), 0.5, Selection.of(MAGNITUDE));
        assertArrayEquals(new boolean[] {T, T, F, T, T, F, F, F, F, T, T, F, F, T, T, F}, mask);
    }

    @Test
    void gradualTargetsPruneRoundOfSTimesMPerGroupInTotal() {
        // s = 0.3: round(1.2) = 1 per group: column 0 inputs 1 and 6, column 1 inputs 3 and 7.
        boolean[] first = select(dense(W, null, all(16)), 0.3, Selection.of(MAGNITUDE));
        assertArrayEquals(new boolean[] {T, T, F, T, T, T, T, F, T, T, T, T, F, T, T, F}, first);
        // Then s = 0.5 from that mask: each group has 3 active and prunes 1 more, reaching the 2:4 pattern.
        boolean[] second = select(dense(W, null, first), 0.5, Selection.of(MAGNITUDE));
        assertArrayEquals(new boolean[] {T, T, F, T, T, F, F, F, F, T, T, F, F, T, T, F}, second);
        // s = 0.1: round(0.4) = 0, nothing yet.
        assertArrayEquals(all(16), select(dense(W, null, all(16)), 0.1, Selection.of(MAGNITUDE)));
    }

    @Test
    void theChainRunsInsideEachGroup() {
        // gradient ratio 0.75 then magnitude: each group's pool is its 3 lowest |g|, then 2 lowest |w| go.
        // |g| is 0.1 everywhere except column 0, inputs 0-3: .01 .5 .02 .03, so that group's pool is
        // inputs 0, 2, 3 and it prunes 3 (.2) and 2 (.5) while plain magnitude prunes 1 and 3. In the
        // tied groups the pool is the first three inputs: column 0 inputs 4-6 prune 6 and 4; column 1
        // inputs 0-2 prune 2 and 0; inputs 4-6 prune 5 and 6.
        float[] g = new float[16];
        Arrays.fill(g, 0.1f);
        g[0] = 0.01f;
        g[2] = 0.5f;
        g[4] = 0.02f;
        g[6] = 0.03f;
        boolean[] mask = select(dense(W, g, all(16)), 0.5, Selection.of(GRADIENT, 0.75, MAGNITUDE));
        assertArrayEquals(new boolean[] {T, F, T, T, F, F, F, T, F, T, T, F, F, F, T, T}, mask);
    }

    @Test
    void convolutionGroupsRunAlongInputChannels() {
        // [kH = 2, kW = 1, in = 4, out = 1]: one group per kernel row. nm 1:4 keeps the largest of each.
        TensorState conv = new TensorState("conv.weight", new long[] {2, 1, 4, 1},
                new float[] {0.1f, 0.4f, -0.3f, 0.2f, 0.5f, -0.6f, 0.05f, 0.55f}, null, all(8));
        Map<String, boolean[]> masks = MaskSelector.select(List.of(conv), 0.75, new PruneRequest(Selection.of(MAGNITUDE),
                Scope.LAYERWISE, new Granularity.NM(1, 4), DensityBounds.NONE), SelectionContext.START);
        assertArrayEquals(new boolean[] {F, T, F, F, F, T, F, F}, masks.get("conv.weight"));
    }

    @Test
    void misuseIsReportedWithTheTensorsName() {
        TensorState six = new TensorState("fc2.weight", new long[] {6, 2}, new float[12], null, all(12));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                select(six, 0.5, Selection.of(MAGNITUDE)));
        assertEquals("tensor 'fc2.weight' has 6 inputs, not a multiple of M = 4, so it cannot be pruned N:M",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> select(dense(W, null, all(16)), 0.8,
                Selection.of(MAGNITUDE)));
        assertEquals("target sparsity 0.8 prunes 3 of every 4, more than the nm 2:4 pattern allows (2); its final"
                + " target is 0.5", e.getMessage());
        TensorState flat = new TensorState("bias", new long[] {8}, new float[8], null, all(8));
        assertThrows(IllegalArgumentException.class, () -> select(flat, 0.5, Selection.of(MAGNITUDE)));
        assertThrows(IllegalArgumentException.class, () -> new Granularity.NM(4, 4));
        assertThrows(IllegalArgumentException.class, () -> new Granularity.NM(0, 4));
        assertEquals("nm 2:4", TWO_FOUR.describe());
        assertEquals(0.5, TWO_FOUR.sparsity(), 0.0);
    }
}
