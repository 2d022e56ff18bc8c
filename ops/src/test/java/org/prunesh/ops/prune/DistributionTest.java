package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ERK densities of a literal three-layer model: conv1 [3,3,1,4], conv2 [3,3,4,8], fc [32,10]; N = 644. */
class DistributionTest {

    private static final double EXACT = 1e-12;

    private static Map<String, long[]> model() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("conv1", new long[] {3, 3, 1, 4});   // 36 weights, raw 11/36
        shapes.put("conv2", new long[] {3, 3, 4, 8});   // 288 weights, raw 18/288
        shapes.put("fc", new long[] {32, 10});          // 320 weights, raw 42/320
        return shapes;
    }

    private static void assertDensities(Map<String, Double> actual, double conv1, double conv2, double fc) {
        assertEquals(List.of("conv1", "conv2", "fc"), List.copyOf(actual.keySet()));
        assertEquals(conv1, actual.get("conv1"), EXACT, "conv1");
        assertEquals(conv2, actual.get("conv2"), EXACT, "conv2");
        assertEquals(fc, actual.get("fc"), EXACT, "fc");
    }

    @Test
    void densitiesAreProportionalToRawWhenNoLayerSaturates() {
        // s = 0.9: eps = 64.4 / (11 + 18 + 42) = 64.4 / 71; values match RigL's get_sparsities_erdos_renyi.
        Map<String, Double> d = Distribution.erk(model(), 0.9, DensityBounds.NONE);
        assertDensities(d, 0.27715179968701087, 0.0566901408450704, 0.11904929577464785);
        assertEquals(64.4, d.get("conv1") * 36 + d.get("conv2") * 288 + d.get("fc") * 320, 1e-9);
    }

    @Test
    void aSaturatedLayerGoesDenseAndEpsIsRecomputedOverTheRest() {
        // s = 0.5: eps = 322/71 puts conv1 at 1.39 > 1, so conv1 is dense and eps = (322 - 36) / (18 + 42).
        assertDensities(Distribution.erk(model(), 0.5, DensityBounds.NONE), 1.0, 286.0 / 960, 0.625625);
    }

    @Test
    void aFloorPinsTheSparsestLayer() {
        // s = 0.9, floor 0.08: conv2 (0.057) is pinned at 0.08; eps = (64.4 - 23.04) / (11 + 42).
        double eps = 41.36 / 53;
        assertDensities(Distribution.erk(model(), 0.9, new DensityBounds(0.08, 1)), eps * 11 / 36, 0.08, eps * 42 / 320);
    }

    @Test
    void aCapPinsTheDensestLayer() {
        // s = 0.5, cap 0.9: conv1 is pinned at 0.9 instead of 1; eps = (322 - 32.4) / 60.
        double eps = 289.6 / 60;
        assertDensities(Distribution.erk(model(), 0.5, new DensityBounds(0, 0.9)), 0.9, eps / 16, eps * 42 / 320);
    }

    @Test
    void floorAndCapTogether() {
        // s = 0.5, bounds [0.35, 0.9]: conv1 capped, conv2 floored, fc takes the rest: (322 - 32.4 - 100.8) / 320.
        assertDensities(Distribution.erk(model(), 0.5, new DensityBounds(0.35, 0.9)), 0.9, 0.35, 0.59);
    }

    @Test
    void endsOfTheRange() {
        assertDensities(Distribution.erk(model(), 0, DensityBounds.NONE), 1, 1, 1);
        assertDensities(Distribution.erk(model(), 1, DensityBounds.NONE), 0, 0, 0);
        assertDensities(Distribution.erk(model(), 0.5, new DensityBounds(0.5, 0.5)), 0.5, 0.5, 0.5);
        Map<String, long[]> withEmpty = model();
        withEmpty.put("empty", new long[] {0, 4});
        assertEquals(1.0, Distribution.erk(withEmpty, 0.9, DensityBounds.NONE).get("empty"), 0.0);
        assertEquals(0.0566901408450704, Distribution.erk(withEmpty, 0.9, DensityBounds.NONE).get("conv2"), EXACT);
    }

    @Test
    void boundsThatExcludeTheTargetAreAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                Distribution.erk(model(), 0.99, DensityBounds.floor(0.02)));
        assertEquals("target sparsity 0.99 leaves a density of 0.01, below the per-layer density floor 0.02: the floor"
                + " cannot hold in every layer", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () ->
                Distribution.erk(model(), 0.3, new DensityBounds(0, 0.5)));
        assertEquals("target sparsity 0.3 leaves a density of 0.7, above the per-layer density cap 0.5: every layer at"
                + " its cap would still prune past the target", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Distribution.erk(model(), 1.1, DensityBounds.NONE));
        assertThrows(IllegalArgumentException.class, () -> new DensityBounds(0.5, 0.4));
    }
}
