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

    /* conv B [1, 1, 4, 3], coupled with conv A (CONV): filter 0: 1 1 1 1 (L1 4), filter 1: 0 .5 0 0 (.5), filter 2: 0 0 0 1 (1). */
    private static final float[] B = {1, 0, 0, 1, 0.5f, 0, 1, 0, 0, 1, 0, 1};

    private static TensorState convB() {
        return new TensorState("convB", new long[] {1, 1, 4, 3}, B, null, all(12));
    }

    private static final Granularity COUPLED_L1 = new Granularity.Channel(Granularity.Norm.L1,
            List.of(List.of("conv", "convB")));

    @Test
    void coupledTensorsLoseTheSameChannelScoredOverAllMembers() {
        // Alone each loses its own lowest filter: conv filter 0 (L1 3), convB filter 1 (.5).
        Map<String, boolean[]> alone = select(List.of(conv(all(12)), convB()), 1.0 / 3, Scope.LAYERWISE, L1,
                DensityBounds.NONE);
        assertArrayEquals(new boolean[] {F, T, T, F, T, T, F, T, T, F, T, T}, alone.get("conv"));
        assertArrayEquals(new boolean[] {T, F, T, T, F, T, T, F, T, T, F, T}, alone.get("convB"));
        // Coupled: channel sums {3 + 4, 4 + .5, 8 + 1} = {7, 4.5, 9}, so channel 1 goes from both.
        Map<String, boolean[]> coupled = select(List.of(conv(all(12)), convB()), 1.0 / 3, Scope.LAYERWISE,
                COUPLED_L1, DensityBounds.NONE);
        assertArrayEquals(new boolean[] {T, F, T, T, F, T, T, F, T, T, F, T}, coupled.get("conv"));
        assertArrayEquals(new boolean[] {T, F, T, T, F, T, T, F, T, T, F, T}, coupled.get("convB"));
        // L2 over the group: sqrt(9 + 4) = 3.6, sqrt(4 + .25) = 2.06, sqrt(16 + 1) = 4.12: channel 1 again.
        Granularity coupledL2 = new Granularity.Channel(Granularity.Norm.L2, List.of(List.of("conv", "convB")));
        assertArrayEquals(coupled.get("conv"), select(List.of(conv(all(12)), convB()), 1.0 / 3, Scope.LAYERWISE,
                coupledL2, DensityBounds.NONE).get("conv"));
    }

    @Test
    void aCoupledGroupCountsAsOneLayerOfChannelsBesideSingleTensors() {
        // Global over the group's 3 channels {7, 4.5, 9} and fc's 2 filters {1.5, 1.2}: 5 units, s = 0.6
        // prunes 3: fc 1, fc 0, then group channel 1 (4.5), from both members.
        Map<String, boolean[]> m = select(List.of(conv(all(12)), dense(), convB()), 0.6, Scope.GLOBAL, COUPLED_L1,
                DensityBounds.NONE);
        assertArrayEquals(new boolean[] {T, F, T, T, F, T, T, F, T, T, F, T}, m.get("conv"));
        assertArrayEquals(new boolean[] {T, F, T, T, F, T, T, F, T, T, F, T}, m.get("convB"));
        assertArrayEquals(new boolean[] {F, F, F, F, F, F}, m.get("fc"));
        // A channel thinned in one member is no candidate of the group.
        boolean[] thinned = all(12);
        thinned[4] = false;
        Map<String, boolean[]> t = select(List.of(conv(thinned), convB()), 1.0 / 3, Scope.LAYERWISE, COUPLED_L1,
                DensityBounds.NONE);
        assertArrayEquals(thinned, t.get("conv"));
    }

    @Test
    void coupledMembersMustHaveTheSameChannels() {
        Granularity bad = new Granularity.Channel(Granularity.Norm.L1, List.of(List.of("conv", "fc")));
        assertEquals("tensors conv + fc are coupled but tensor 'fc' has 2 output channels, not 3",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> select(List.of(conv(all(12)), dense()), 0.5, Scope.GLOBAL, bad, DensityBounds.NONE))
                        .getMessage());
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
