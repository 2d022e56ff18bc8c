package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The shortcut selection takes for |w| and |g|: reading the arrays themselves ranks exactly as the computed scores. */
class AbsoluteScoreTest {

    private static final float[] EDGES = {0f, -0f, 1e-30f, -1e-30f, Float.MIN_VALUE, -2.5f, 2.5f, Float.MAX_VALUE,
            Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, Float.NaN, Float.intBitsToFloat(0xffc00001)};

    @Test
    void absoluteBitsAreTheSortableBitsOfTheAbsoluteValue() {
        for (float v : EDGES) {
            assertEquals(RankKeys.sortableBits(Math.abs(v)), RankKeys.absoluteBits(v), Float.toString(v));
        }
    }

    @Test
    void magnitudeAndGradientHandOverTheirArraysAndComputeTheirAbsoluteValues() {
        float[] w = {1f, -2f, -0f};
        float[] g = {-0.5f, 0f, Float.NaN};
        TensorState t = new TensorState("t", new long[]{3}, w, g, new boolean[]{true, true, true});
        assertSame(w, new MagnitudeScore().absoluteOf(t));
        assertSame(g, new GradientScore().absoluteOf(t));
        for (Score score : new Score[]{new MagnitudeScore(), new GradientScore()}) {
            float[] computed = score.compute(t);
            float[] source = score.absoluteOf(t);
            for (int i = 0; i < 3; i++) {
                assertEquals(RankKeys.sortableBits(computed[i]), RankKeys.absoluteBits(source[i]), score.name() + " " + i);
            }
        }
        assertNull(new TaylorScore().absoluteOf(t));
    }

    @Test
    void aMissingGradientFailsAsComputeDoes() {
        TensorState t = new TensorState("conv1.weight", new long[]{1}, new float[]{1f}, null, new boolean[]{true});
        assertEquals(assertThrows(IllegalStateException.class, () -> new GradientScore().compute(t)).getMessage(),
                assertThrows(IllegalStateException.class, () -> new GradientScore().absoluteOf(t)).getMessage());
    }
}
