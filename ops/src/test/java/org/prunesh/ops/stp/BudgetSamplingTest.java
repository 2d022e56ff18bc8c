package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.stp.ArchSpace.DepthRange;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sampling focused on the budget (issue 16): expansion with a ceiling, uniform with a floor. */
class BudgetSamplingTest {

    /** The example's network: ResNet-20 at width 0.5 on Fashion-MNIST. */
    static final Architecture R20 = Models.build(new ModelSpec.ResNet(20, 0.5), new long[]{1, 28, 28}, 10, 1, 0)
            .architecture();
    /** The example's space. */
    static final ArchSpace COUPLED = new ArchSpace(List.of(new DepthRange(1, 3), new DepthRange(1, 3),
            new DepthRange(1, 3)), ArchSpace.widthGrid(0.25, 1, 0.125), false);
    static final ArchSpace PER_BLOCK = new ArchSpace(COUPLED.depth(), COUPLED.widths(), true);
    static final double B = 0.35;

    /** Draws of a training of {@code steps} steps with K = 2, counted after {@code until}. */
    private static int[] drawsAfter(SubnetSampler s, int steps, double until, long seed) {
        int after = 0, inBand = 0, belowHalf = 0;
        for (int step = 0; step < steps; step++) {
            double progress = (double) step / steps;
            SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
            for (int k = 0; k < 2; k++) {
                double f = SubnetLayout.of(R20, s.next(progress, rng)).macsFraction();
                if (progress < until) continue;
                after++;
                if (f >= 0.75 * B && f <= B) inBand++;
                if (f < 0.5 * B) belowHalf++;
            }
        }
        return new int[]{after, inBand, belowHalf};
    }

    @Test
    void expansionWithACeilingConvergesOnTheBudgetAfterUntil() {
        for (ArchSpace space : List.of(COUPLED, PER_BLOCK)) {
            for (long seed = 1; seed <= 3; seed++) {
                int[] c = drawsAfter(new ExpansionSampler(space, R20, B, 0.5, true), 320, 0.5, seed);
                assertEquals(320, c[0]);
                assertTrue(c[1] >= c[0] / 2, space + " seed " + seed + ": " + c[1] + " of " + c[0] + " in band");
                assertTrue(c[2] < 0.05 * c[0], space + " seed " + seed + ": " + c[2] + " below half the budget");
            }
        }
    }

    @Test
    void withoutACeilingTheDrawsStayAboveTheBudget() {
        // the sampler before issue 16, for the ablation: most draws after 'until' are over the budget
        int[] c = drawsAfter(new ExpansionSampler(COUPLED, R20, B, 0.5, false), 320, 0.5, 1);
        assertTrue(c[1] < c[0] / 2, c[1] + " of " + c[0] + " in band");
    }

    @Test
    void theBandSlidesFromTheFullNetworkToThreeQuartersOfTheBudgetToTheBudget() {
        ExpansionSampler s = new ExpansionSampler(COUPLED, R20, 0.4, 0.5, true);
        assertEquals(new FlopsBand(1, 1), s.band(0));
        assertEquals(0.65, s.floor(0.25), 1e-15);
        assertEquals(0.65 / 0.75, s.ceiling(0.25), 1e-15);
        assertEquals(0.3, s.floor(0.7), 1e-15);
        assertEquals(0.4, s.ceiling(0.7), 1e-15);
        assertEquals(1.0, new ExpansionSampler(COUPLED, R20, 0.4, 0.5, false).ceiling(0.7));
    }

    @Test
    void uniformWithAFloorDrawsOnlyInsideTheBand() {
        UniformSampler s = (UniformSampler) new Sampling.Uniform(0.5, true).sampler(COUPLED, R20, B);
        assertEquals(new FlopsBand(0.175, 0.35), s.band());
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < 200; i++) {
            double f = SubnetLayout.of(R20, s.next(i / 200.0, rng)).macsFraction();
            assertTrue(f >= 0.175 && f <= 0.35, "draw " + i + ": " + f);
        }
        UniformSampler uncapped = (UniformSampler) new Sampling.Uniform(0.5, false).sampler(COUPLED, R20, B);
        assertEquals(new FlopsBand(0.175, 1), uncapped.band());
        assertEquals(new FlopsBand(0, 1), ((UniformSampler) Sampling.Uniform.wholeSpace()
                .sampler(COUPLED, R20, B)).band());
    }

    @Test
    void samplingRecordsBuildTheirSamplersAndCheckTheirNumbers() {
        assertEquals(new Sampling.Expansion(0.5, true), Sampling.DEFAULT);
        assertInstanceOf(ExpansionSampler.class, Sampling.DEFAULT.sampler(COUPLED, R20, B));
        assertEquals("expansion end 1.5 is not a fraction of training in (0, 1]",
                assertThrows(IllegalArgumentException.class, () -> new Sampling.Expansion(1.5, true)).getMessage());
        assertEquals("the lowest share of the budget -0.1 is not in [0, 1]",
                assertThrows(IllegalArgumentException.class, () -> new Sampling.Uniform(-0.1, true)).getMessage());
        // a band no arch of the space reaches fails when the sampler is made, not during training
        ArchSpace tiny = new ArchSpace(List.of(new DepthRange(3, 3), new DepthRange(3, 3), new DepthRange(3, 3)),
                List.of(0.25), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sampling.Uniform(0.5, true).sampler(tiny, R20, B));
        assertTrue(e.getMessage().startsWith("none of 10000 archs sampled from the space has between 0.175 and 0.35"
                + " of the MACs"), e.getMessage());
    }
}
