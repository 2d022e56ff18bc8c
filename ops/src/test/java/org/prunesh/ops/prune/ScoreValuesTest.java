package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The scores that read only the pruning step's tensor: magnitude, gradient, taylor, snip. */
class ScoreValuesTest {

    private static final TensorState T = new TensorState("fc1/W", new long[] {5},
            new float[] {-2f, 0.5f, 0f, 1.5f, -0.25f},
            new float[] {0.5f, -4f, 3f, -0.5f, -2f},
            new boolean[] {true, true, false, true, true});

    private static final TensorState NO_GRADIENT = new TensorState("fc1/W", new long[] {5},
            T.weights(), null, T.mask());

    @Test
    void magnitudeIsAbsoluteWeight() {
        assertArrayEquals(new float[] {2f, 0.5f, 0f, 1.5f, 0.25f}, new MagnitudeScore().compute(T));
        assertArrayEquals(new float[] {2f, 0.5f, 0f, 1.5f, 0.25f}, new MagnitudeScore().compute(NO_GRADIENT));
    }

    @Test
    void gradientIsAbsoluteGradientOfTheBatch() {
        assertArrayEquals(new float[] {0.5f, 4f, 3f, 0.5f, 2f}, new GradientScore().compute(T));
    }

    @Test
    void taylorIsAbsoluteWeightTimesGradient() {
        assertArrayEquals(new float[] {1f, 2f, 0f, 0.75f, 0.5f}, new TaylorScore().compute(T));
    }

    @Test
    void snipIsTheUnnormalisedConnectionSensitivity() {
        // SNIP's sum over the whole network is one positive constant: it would rescale, not reorder.
        assertArrayEquals(new float[] {1f, 2f, 0f, 0.75f, 0.5f}, new SnipScore().compute(T));
    }

    @Test
    void scoresReturnFreshArraysAndLeaveTheTensorAlone() {
        float[] first = new TaylorScore().compute(T);
        first[0] = 99f;
        assertArrayEquals(new float[] {1f, 2f, 0f, 0.75f, 0.5f}, new TaylorScore().compute(T));
        assertArrayEquals(new float[] {-2f, 0.5f, 0f, 1.5f, -0.25f}, T.weights());
        assertArrayEquals(new float[] {0.5f, -4f, 3f, -0.5f, -2f}, T.gradients());
    }

    @Test
    void gradientScoresSayWhatIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TaylorScore().compute(NO_GRADIENT));
        assertEquals("score 'taylor' needs the loss gradient of tensor 'fc1/W', but none was computed for this "
                + "pruning step", e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> new SnipScore().compute(NO_GRADIENT));
        assertEquals("score 'snip' needs the loss gradient of tensor 'fc1/W', but none was computed for this "
                + "pruning step", e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> new GradientScore().compute(NO_GRADIENT));
        assertEquals("score 'gradient' needs the loss gradient of tensor 'fc1/W', but none was computed for this "
                + "pruning step", e.getMessage());
        TensorState shortGradient = new TensorState("fc1/W", new long[] {5}, T.weights(), new float[] {1f, 2f},
                T.mask());
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () ->
                new TaylorScore().compute(shortGradient));
        assertEquals("tensor 'fc1/W' has 5 weights but 2 gradients", a.getMessage());
    }
}
