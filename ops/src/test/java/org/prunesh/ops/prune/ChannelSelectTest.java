package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelSelectTest {

    private static final boolean T = true;
    private static final boolean F = false;
    private static final Selection MAGNITUDE = Selection.of(new MagnitudeScore());
    private static final Granularity L1 = new Granularity.Channel(Granularity.Norm.L1);
    private static final Granularity L2 = new Granularity.Channel(Granularity.Norm.L2);

    /*
     * conv [kH = 1, kW = 2, in = 2, out = 3]: 4 rows of 3 filters, flat index row*3 + filter.
     *   filter 0: -3 0 0 0  -> L1 3, L2 3
     *   filter 1:  1 1 1 1  -> L1 4, L2 2
     *   filter 2:  2 2 2 2  -> L1 8, L2 4
     */
    private static final float[] CONV = {-3, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, -2};
    /* dense [in = 3, out = 2]: filter 0: .5 .5 .5 (L1 1.5, L2 .866); filter 1: 1 .1 .1 (L1 1.2, L2 1.01). */
    private static final float[] DENSE = {0.5f, 1f, 0.5f, 0.1f, 0.5f, -0.1f};

    private static TensorState conv(boolean[] mask) {
        return new TensorState("conv", new long[] {1, 2, 2, 3}, CONV, null, mask);
    }

    private static TensorState dense() {
        return new TensorState("fc", new long[] {3, 2}, DENSE, null, all(6));
    }

    private static boolean[] all(int n) {
        boolean[] m = new boolean[n];
        Arrays.fill(m, true);
        return m;
    }

    private static Map<String, boolean[]> select(List<TensorState> tensors, double target, Scope scope, Granularity g,
                                                 DensityBounds bounds) {
        return MaskSelector.select(tensors, target, new PruneRequest(MAGNITUDE, scope, g, bounds),
                SelectionContext.START);
    }

    @Test
    void l1AndL2PickDifferentFilters() {
        // One filter of three: L1 drops filter 0 (3 < 4 < 8), L2 drops filter 1 (2 < 3 < 4).
        assertArrayEquals(new boolean[] {F, T, T, F, T, T, F, T, T, F, T, T},
                select(List.of(conv(all(12))), 1.0 / 3, Scope.LAYERWISE, L1, DensityBounds.NONE).get("conv"));
        assertArrayEquals(new boolean[] {T, F, T, T, F, T, T, F, T, T, F, T},
                select(List.of(conv(all(12))), 1.0 / 3, Scope.LAYERWISE, L2, DensityBounds.NONE).get("conv"));
    }

    @Test
    void globalRanksAllFiltersTogether() {
        // 5 filters, s = 0.6 prunes 3. L1: fc1 1.2, fc0 1.5, conv0 3. L2: fc0 .87, fc1 1.01, conv1 2.
        Map<String, boolean[]> l1 = select(List.of(conv(all(12)), dense()), 0.6, Scope.GLOBAL, L1, DensityBounds.NONE);
        assertArrayEquals(new boolean[] {F, T, T, F, T, T, F, T, T, F, T, T}, l1.get("conv"));
        assertArrayEquals(new boolean[] {F, F, F, F, F, F}, l1.get("fc"));
        Map<String, boolean[]> l2 = select(List.of(conv(all(12)), dense()), 0.6, Scope.GLOBAL, L2, DensityBounds.NONE);
        assertArrayEquals(new boolean[] {T, F, T, T, F, T, T, F, T, T, F, T}, l2.get("conv"));
        assertArrayEquals(new boolean[] {F, F, F, F, F, F}, l2.get("fc"));
    }

    @Test
    void aFloorCountedInFiltersKeepsALayerAlive() {
        // Floor 0.3: fc keeps ceil(0.6) = 1 filter, conv ceil(0.9) = 1. The ranking empties fc, so fc is fixed
        // at 1 (filter 0, L1 1.5, stays) and conv keeps the 1 left of the 2-filter budget: filter 2.
        Map<String, boolean[]> m = select(List.of(conv(all(12)), dense()), 0.6, Scope.GLOBAL, L1,
                DensityBounds.floor(0.3));
        assertArrayEquals(new boolean[] {F, F, T, F, F, T, F, F, T, F, F, T}, m.get("conv"));
        assertArrayEquals(new boolean[] {T, F, T, F, T, F}, m.get("fc"));
    }

    @Test
    void erkCountsFiltersFromTheLayerDensities() {
        // conv raw 8/12, fc raw 5/6; s = 0.5: eps = 9/13. conv density .46 keeps round(1.38) = 1 of 3 filters,
        // fc density .58 keeps round(1.15) = 1 of 2.
        Map<String, boolean[]> m = select(List.of(conv(all(12)), dense()), 0.5, Scope.ERK, L1, DensityBounds.NONE);
        assertArrayEquals(new boolean[] {F, F, T, F, F, T, F, F, T, F, F, T}, m.get("conv"));
        assertArrayEquals(new boolean[] {T, F, T, F, T, F}, m.get("fc"));
    }

    @Test
    void aThinnedFilterIsNoCandidateAndCountsAsPruned() {
        // Element 3 (filter 0, row 1) is already pruned: 2 of 3 filters are whole.
        boolean[] thinned = all(12);
        thinned[3] = false;
        // s = 1/3 wants 1 filter pruned; filter 0 already counts, so nothing changes.
        assertArrayEquals(thinned, select(List.of(conv(thinned)), 1.0 / 3, Scope.LAYERWISE, L1, DensityBounds.NONE)
                .get("conv"));
        // s = 2/3: one more, the lower of filter 1 (4) and filter 2 (8); filter 0 keeps its other elements.
        assertArrayEquals(new boolean[] {T, F, T, F, F, T, T, F, T, T, F, T},
                select(List.of(conv(thinned)), 2.0 / 3, Scope.LAYERWISE, L1, DensityBounds.NONE).get("conv"));
        assertEquals("channel l2", L2.describe());
    }
}
