package org.prunesh.bench;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingBenchTest {

    /** The tiny benches time whatever the JIT is doing: no wait for it. */
    private static final JitSettle.Limits NO_WAIT = JitSettle.DEFAULT.upTo(0);


    /** A peer whose blocks take 0.01 s per step and which never uses CPU; records what it was asked. */
    private static final class FixedPeer implements TrainingBench.Peer {
        final List<Integer> asked = new ArrayList<>();

        @Override
        public double seconds(int steps) {
            asked.add(steps);
            return steps * 0.01;
        }

        @Override
        public double cpuSeconds() {
            return 7.0;
        }
    }

    @Test
    void ratesAndRatiosAreTakenBlockByBlock() {
        assertArrayEquals(new double[]{100, 50, 25}, TrainingBench.rates(50, new double[]{0.5, 1, 2}));
        // ours took 1 s and 4 s, the peer 2 s and 2 s in the same rounds: ours was 2x and 0.5x as fast
        assertArrayEquals(new double[]{2, 0.5}, TrainingBench.ratios(new double[]{2, 2}, new double[]{1, 4}));
        // median masked step 1.25 s against a median dense one of 1 s: 25%, whatever the slowest step took
        assertEquals(0.25, TrainingBench.overhead(new double[]{1, 9, 0.5}, new double[]{1.25, 0.25, 1.5}), 1e-12);
        assertEquals(0, TrainingBench.overhead(new double[]{0.5, 0.5}, new double[]{0.25, 0.75}), 0);
    }

    @Test
    void aTinyBenchReportsBothRatesAndTheirRatioAndKeepsTheMaskedNetworkAtItsSparsity() {
        Network masked = mlp();
        TrainingBench.Result r = TrainingBench.run("mlp", masked, new TrainingBench.Options(32, 0.5, 1, 3, 2, 1, NO_WAIT), null);
        assertTrue(r.denseImagesPerSecond() > 0 && r.maskedImagesPerSecond() > 0, r.toString());
        assertEquals(r.overhead().median(), r.maskedOverhead(), 0);
        assertTrue(r.overhead().min() <= r.overhead().median() && r.overhead().median() <= r.overhead().max(), r.toString());
        assertTrue(Double.isNaN(r.peerImagesPerSecond()) && Double.isNaN(r.peerRatio()), r.toString());
        assertTrue(r.peer().isNone() && r.ratio().isNone(), r.toString());
        assertTrue(r.masked().min() <= r.masked().median() && r.masked().median() <= r.masked().max(), r.toString());
        assertTrue(Double.isNaN(r.cpu().peerWhileOurs()) && Double.isNaN(r.cpu().oursWhilePeer()), r.toString());
        assertEquals(3, r.blocks());
        assertEquals(2, r.stepsPerBlock());
        // at least WARM_SECONDS of warm-up, no wait for the JIT, and HotSpot's compilation clock read around the rounds
        assertTrue(r.warmUp().seconds() >= TrainingBench.WARM_SECONDS, r.toString());
        assertEquals(new JitSettle.Outcome(0, 0, false, Double.NaN, Double.NaN), r.warmUp().jit());
        assertTrue(r.warmUp().compileSecondsInRounds() >= 0, r.toString());
        // with an odd block count the last step of ours re-applied the masks: half of the 16x32 + 32x4 prunable weights are zero
        assertEquals((16 * 32 + 32 * 4) / 2, zeros(masked));
    }

    @Test
    void thePeerRunsItsWarmupThenOneBlockPerRoundAndItsRateAndRatioComeFromItsOwnSeconds() {
        FixedPeer peer = new FixedPeer();
        TrainingBench.Result r = TrainingBench.run("mlp", mlp(), new TrainingBench.Options(32, 0.5, 4, 3, 2, 1, NO_WAIT), peer);
        assertEquals(List.of(4, 2, 2, 2), peer.asked);
        assertEquals(new Spread(3200, 3200, 3200), r.peer());
        // every peer block took the same time, so the per-round ratios are ours' per-block rates over 3200
        assertEquals(r.masked().min() / 3200, r.ratio().min(), 1e-12);
        assertEquals(r.masked().median() / 3200, r.ratio().median(), 1e-12);
        assertEquals(r.masked().max() / 3200, r.ratio().max(), 1e-12);
        // the peer's CPU clock stood still throughout
        assertEquals(0.0, r.cpu().peerWhileOurs());
        assertEquals(0.0, r.cpu().peerWhilePeer());
    }

    @Test
    void optionsRejectWhatCannotBeMeasured() {
        assertEquals("bench needs batch, blocks and steps of at least 1 and warmup of at least 0, got batch 0, warmup 1,"
                        + " blocks 1, steps 1",
                assertThrows(IllegalArgumentException.class, () -> new TrainingBench.Options(0, 0.9, 1, 1, 1, 1, NO_WAIT)).getMessage());
        assertEquals("bench sparsity must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> new TrainingBench.Options(8, 1.0, 1, 1, 1, 1, NO_WAIT)).getMessage());
    }

    private static Network mlp() {
        return Models.build(new ModelSpec.Mlp(List.of(32), 1.0), new long[]{16}, 4, 1, 0);
    }

    private static long zeros(Network net) {
        long zeros = 0;
        for (String name : List.of("fc1.weight", "fc2.weight")) {
            for (float w : net.array(name).dup().data().asFloat()) if (w == 0f) zeros++;
        }
        return zeros;
    }
}
