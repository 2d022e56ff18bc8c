package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The scores that observe every training step: gradient mean K, gradient ema B, movement. */
class StatefulScoreTest {

    private static final float[] W = {1f, -1f, 0.5f, 0f};
    private static final float[] G1 = {1f, -2f, 0.5f, 4f};
    private static final float[] G2 = {3f, 2f, -0.5f, -1f};
    private static final float[] G3 = {-1f, 0f, 1.5f, 2f};

    private static TensorState step(String name, float[] w, float[] g) {
        return new TensorState(name, new long[] {2, 2}, w, g, new boolean[] {true, true, true, true});
    }

    private static TensorState step(float[] g) {
        return step("conv/W", W, g);
    }

    @Test
    void gradientMeanAveragesTheLastKBatches() {
        Score mean = new GradientScore(new ScoreSpec.Mean(2));
        assertEquals("gradient", mean.name());
        assertEquals("gradient mean 2", mean.describe());
        assertTrue(mean.needsGradient());
        assertTrue(mean.observesEveryStep());

        mean.observe(step(G1));
        assertArrayEquals(new float[] {1f, 2f, 0.5f, 4f}, mean.compute(step(null)));   // fewer than K: mean of those seen
        mean.observe(step(G2));
        assertArrayEquals(new float[] {2f, 0f, 0f, 1.5f}, mean.compute(step(null)));   // |(g1 + g2) / 2|
        mean.observe(step(G3));
        assertArrayEquals(new float[] {1f, 1f, 0.5f, 0.5f}, mean.compute(step(null))); // |(g2 + g3) / 2|, g1 left
    }

    @Test
    void gradientMeanOfThree() {
        Score mean = new GradientScore(new ScoreSpec.Mean(3));
        mean.observe(step(G1));
        mean.observe(step(G2));
        mean.observe(step(G3));
        assertArrayEquals(new float[] {1f, 0f, 0.5f, (float) (5.0 / 3)}, mean.compute(step(null)));
    }

    @Test
    void gradientMeanOfOneIsTheLastBatch() {
        Score mean = new GradientScore(new ScoreSpec.Mean(1));
        mean.observe(step(G1));
        mean.observe(step(G2));
        assertArrayEquals(new float[] {3f, 2f, 0.5f, 1f}, mean.compute(step(null)));
    }

    @Test
    void gradientEmaStartsAtTheFirstGradient() {
        Score half = new GradientScore(new ScoreSpec.Ema(0.5));
        assertEquals("gradient ema 0.5", half.describe());
        half.observe(step(G1));
        assertArrayEquals(new float[] {1f, 2f, 0.5f, 4f}, half.compute(step(null)));     // m = g1, not 0.5 g1
        half.observe(step(G2));
        assertArrayEquals(new float[] {2f, 0f, 0f, 1.5f}, half.compute(step(null)));
        half.observe(step(G3));
        assertArrayEquals(new float[] {0.5f, 0f, 0.75f, 1.75f}, half.compute(step(null)));

        Score slow = new GradientScore(new ScoreSpec.Ema(0.75));
        slow.observe(step(G1));
        slow.observe(step(G2));                                  // m = (1.5, -1, 0.25, 2.75)
        slow.observe(step(G3));                                  // m = (0.875, -0.75, 0.5625, 2.5625)
        assertArrayEquals(new float[] {0.875f, 0.75f, 0.5625f, 2.5625f}, slow.compute(step(null)));
    }

    @Test
    void movementAccumulatesMinusWeightTimesGradient() {
        Score movement = new MovementScore();
        assertEquals("movement", movement.name());
        assertTrue(movement.observesEveryStep());
        movement.observe(step("conv/W", new float[] {1f, -1f, 0.5f, 0f}, new float[] {0.5f, 0.5f, -2f, 3f}));
        assertArrayEquals(new float[] {-0.5f, 0.5f, 1f, 0f}, movement.compute(step(null)));
        movement.observe(step("conv/W", new float[] {0.75f, -1.25f, 1f, 0.5f}, new float[] {-1f, 1f, -0.5f, 2f}));
        // S = (-0.5 + 0.75, 0.5 + 1.25, 1 + 0.5, 0 - 1): signed, so the weight heading to zero scores lowest.
        assertArrayEquals(new float[] {0.25f, 1.75f, 1.5f, -1f}, movement.compute(step(null)));
    }

    @Test
    void stateIsPerTensorName() {
        Score movement = new MovementScore();
        movement.observe(step("a", W, G1));
        movement.observe(step("b", W, G2));
        assertArrayEquals(new float[] {-1f, -2f, -0.25f, 0f}, movement.compute(step("a", W, null)));
        assertArrayEquals(new float[] {-3f, 2f, 0.25f, 0f}, movement.compute(step("b", W, null)));

        Score mean = new GradientScore(new ScoreSpec.Mean(4));
        mean.observe(step("a", W, G1));
        mean.observe(step("b", W, G2));
        assertArrayEquals(new float[] {1f, 2f, 0.5f, 4f}, mean.compute(step("a", W, null)));
        assertArrayEquals(new float[] {3f, 2f, 0.5f, 1f}, mean.compute(step("b", W, null)));
    }

    @Test
    void observedArraysAreCopied() {
        float[] g = G1.clone();
        Score mean = new GradientScore(new ScoreSpec.Mean(2));
        Score ema = new GradientScore(new ScoreSpec.Ema(0.5));
        Score movement = new MovementScore();
        for (Score s : new Score[] {mean, ema, movement}) s.observe(step(g));
        g[0] = 100f;
        assertArrayEquals(new float[] {1f, 2f, 0.5f, 4f}, mean.compute(step(null)));
        assertArrayEquals(new float[] {1f, 2f, 0.5f, 4f}, ema.compute(step(null)));
        assertArrayEquals(new float[] {-1f, -2f, -0.25f, 0f}, movement.compute(step(null)));
        float[] out = mean.compute(step(null));
        out[1] = -7f;
        assertArrayEquals(new float[] {1f, 2f, 0.5f, 4f}, mean.compute(step(null)));
    }

    @Test
    void recycledWindowBuffersDoNotLeak() {
        float[] g = G1.clone();
        Score mean = new GradientScore(new ScoreSpec.Mean(1));
        mean.observe(step(g));
        mean.observe(step(G2));    // reuses the buffer g1 was copied into
        g[1] = 50f;
        assertArrayEquals(new float[] {3f, 2f, 0.5f, 1f}, mean.compute(step(null)));
    }

    @Test
    void rankingBeforeAnyObservationIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new MovementScore().compute(step(G1)));
        assertEquals("score 'movement' has observed no training step of tensor 'conv/W' yet: movement accumulates "
                + "-w*g over training steps, so it cannot rank before the first one", e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> new GradientScore(new ScoreSpec.Ema(0.9)).compute(step(G1)));
        assertEquals("score 'gradient ema 0.9' has observed no training step of tensor 'conv/W' yet: it averages "
                + "the gradients observed at every step", e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> new GradientScore(new ScoreSpec.Mean(8)).compute(step(G1)));
        assertEquals("score 'gradient mean 8' has observed no training step of tensor 'conv/W' yet: it averages "
                + "the gradients observed at every step", e.getMessage());
    }

    @Test
    void observingNeedsAGradientOfTheSameSize() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new MovementScore().observe(step(null)));
        assertEquals("score 'movement' needs the loss gradient of tensor 'conv/W', but none was given for this step",
                e.getMessage());
        Score ema = new GradientScore(new ScoreSpec.Ema(0.5));
        ema.observe(step(G1));
        TensorState bigger = new TensorState("conv/W", new long[] {5}, new float[5], new float[5], new boolean[5]);
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> ema.observe(bigger));
        assertEquals("score 'gradient ema 0.5' holds state for 4 weights of tensor 'conv/W', which now has 5",
                a.getMessage());
    }

    @Test
    void statelessScoresIgnoreObservation() {
        for (Score s : new Score[] {new MagnitudeScore(), new GradientScore(), new TaylorScore(), new SnipScore(),
                new RandomScore(1)}) {
            assertFalse(s.observesEveryStep(), s.name());
            s.observe(step(G1));
        }
        Score gradient = new GradientScore();
        gradient.observe(step(G1));
        assertArrayEquals(new float[] {3f, 2f, 0.5f, 1f}, gradient.compute(step(G2)));
    }

    @Test
    void invalidParametersAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GradientScore(new ScoreSpec.Mean(0)));
        assertEquals("gradient mean K needs a whole number K >= 1 of mini-batches, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GradientScore(new ScoreSpec.Ema(1.0)));
        assertEquals("gradient ema B needs a decay B in (0, 1), got 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GradientScore(new ScoreSpec.Ema(0)));
        assertThrows(IllegalArgumentException.class, () -> new GradientScore(new ScoreSpec.Ema(Double.NaN)));
    }
}
