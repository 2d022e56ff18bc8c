package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.model.Flops;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.Slimming;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Search inside [min, budget], and the subnet a layout counts is the one extraction and a fresh build make. */
class SearchBandTest {

    private static final Architecture R20 = BudgetSamplingTest.R20;
    private static final double B = BudgetSamplingTest.B;

    @Test
    void theExampleSpaceHasManyArchsInTheDefaultBand() {
        // every arch of the coupled space: 3^3 depths times 7^3 widths
        List<Double> w = BudgetSamplingTest.COUPLED.widths();
        FlopsBand band = FlopsBand.of(B, FlopsBand.DEFAULT_MIN_SHARE);
        int all = 0, inBand = 0;
        for (int d0 = 1; d0 <= 3; d0++) for (int d1 = 1; d1 <= 3; d1++) for (int d2 = 1; d2 <= 3; d2++) {
            for (double w0 : w) for (double w1 : w) for (double w2 : w) {
                Arch a = Arch.coupled(R20, List.of(d0, d1, d2), List.of(w0, w1, w2));
                all++;
                if (band.contains(SubnetLayout.of(R20, a).macsFraction())) inBand++;
            }
        }
        assertEquals(9261, all);
        assertEquals(BAND_ARCHS, inBand);
    }

    /** Archs of the example space with 31.5% to 35% of the MACs (quoted in FlopsBand's comment). */
    static final int BAND_ARCHS = 703;

    @Test
    void everyScoredCandidateLiesInTheBand() {
        FlopsBand band = new FlopsBand(0.3, B);
        for (ArchSpace space : List.of(BudgetSamplingTest.COUPLED, BudgetSamplingTest.PER_BLOCK)) {
            List<ArchSearch> searches = List.of(new EvolutionarySearch(space, R20, band, 12, 6, 0.3, 0.5),
                    new RandomSearch(space, R20, band, 60));
            for (ArchSearch search : searches) {
                // a score that pulls toward small subnets, which the band must resist
                ArchSearch.Result r = search.search(a -> SubnetLayout.of(R20, a).macsFraction(),
                        new SplittableRandom(5));
                assertTrue(r.evaluated() > 10, search.name() + ": " + r.evaluated());
                for (ArchSearch.Scored s : r.history()) {
                    double f = SubnetLayout.of(R20, s.arch()).macsFraction();
                    assertTrue(band.contains(f), search.name() + " scored " + s.arch() + " at " + f);
                }
            }
        }
        assertEquals(new FlopsBand(0.315, 0.35), new RandomSearch(BudgetSamplingTest.COUPLED, R20, B, 5).band());
        assertEquals("the lowest MACs fraction 0.4 is not in [0, 0.35]",
                assertThrows(IllegalArgumentException.class, () -> new FlopsBand(0.4, 0.35)).getMessage());
    }

    @Test
    void overTwoHundredRandomArchsTheLayoutCountsTheExtractedAndTheFreshNetwork() {
        ModelSpec.ResNet spec = new ModelSpec.ResNet(20, 0.5);
        Network full = Models.build(spec, new long[]{1, 28, 28}, 10, 1, 0, Slimming.masksOnly());
        Architecture a = full.architecture();
        ChannelOrder order = ChannelOrder.of(full, Importance.L1);
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < 200; i++) {
            Arch arch = BudgetSamplingTest.PER_BLOCK.sample(a, rng);
            SubnetLayout layout = SubnetLayout.of(a, arch);
            StpGraph.Kept kept = StpGraph.Kept.of(a, arch, order);
            ModelSpec small = Extraction.spec(full, kept);
            assertEquals(small, ScratchModel.spec(spec, a, arch), arch.toString());
            // building a graph costs about 0.1 s: count the MACs of every 10th physically
            if (i % 10 == 0) {
                Network extracted = Extraction.extract(full, kept);
                assertEquals(layout.macs(), Flops.count(extracted).macs(), arch.toString());
                assertEquals(layout.params(), extracted.parameterCount(), arch.toString());
            }
        }
    }

    @Test
    void aNetworkBuiltFromAnArchHasTheExtractedShapesAndFreshWeights() {
        ModelSpec.ResNet spec = new ModelSpec.ResNet(20, 0.5);
        Network full = Models.build(spec, new long[]{1, 28, 28}, 10, 1, 0, Slimming.masksOnly());
        Arch arch = Arch.coupled(full.architecture(), List.of(2, 3, 1), List.of(0.5, 0.75, 0.375));
        Network scratch = ScratchModel.build(spec, new long[]{1, 28, 28}, 10, 2, 0, arch);
        Network extracted = Extraction.extract(full, StpGraph.Kept.of(full.architecture(), arch,
                ChannelOrder.identity(full.architecture())));
        assertEquals(new ModelSpec.SubnetResNet(20, 0.5, List.of(4, 12, 12), List.of(List.of(4, 4), List.of(12, 12, 12),
                List.of(12))), scratch.spec());
        assertEquals(extracted.spec(), scratch.spec());
        assertEquals(SubnetLayout.of(full.architecture(), arch).macs(), Flops.count(scratch).macs());
        for (var p : scratch.params()) {
            assertEquals(java.util.Arrays.toString(extracted.array(p.name()).shape()),
                    java.util.Arrays.toString(scratch.array(p.name()).shape()), p.name());
        }
        // a different seed than the full network's, so not its weights
        assertTrue(scratch.array("conv1.weight").neq(extracted.array("conv1.weight")).any());
        Arch twoStages = new Arch(List.of(2, 3), List.of(0.5, 0.5), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScratchModel.build(spec,
                new long[]{1, 28, 28}, 10, 2, 0, twoStages));
        assertEquals("arch depth [2, 3] width [0.5, 0.5] does not fit the network: the network has 3 stages, the arch"
                + " gives 2", e.getMessage());
    }
}
