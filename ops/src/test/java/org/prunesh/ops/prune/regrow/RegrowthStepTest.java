package org.prunesh.ops.prune.regrow;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.prune.TensorState;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegrowthStepTest {

    private static final boolean T = true;
    private static final boolean F = false;

    // Active: 0 (|w| .5), 1 (.1), 3 (.3), 4 (.2), 6 (.7), 7 (.3). Gradient 7 is large but 7 stays active.
    private static TensorState fc1() {
        return new TensorState("fc1", new long[]{8},
                new float[]{0.5f, -0.1f, 0f, 0.3f, -0.2f, 0f, 0.7f, -0.3f},
                new float[]{0f, 0.9f, -0.4f, 0.1f, 0.05f, 0.4f, 0f, -0.8f},
                new boolean[]{T, T, F, T, T, F, T, T});
    }

    // A 2x3 tensor; active: 0 (|w| .2), 1 (.2), 2 (.05), 4 (.6).
    private static TensorState conv() {
        return new TensorState("conv", new long[]{2, 3},
                new float[]{0.2f, -0.2f, 0.05f, 0f, 0.6f, -0.01f},
                new float[]{-0.3f, 0f, 0.1f, 0.3f, 0.1f, 0.3f},
                new boolean[]{T, T, T, F, T, F});
    }

    @Test
    void dropsLowestMagnitudeAndRegrowsLargestGradientPerLayer() {
        RegrowthStep.Result r = RegrowthStep.apply(List.of(fc1(), conv()), 0.5);

        // fc1: k = round(0.5 * 6) = 3. Ascending |w|: 1, 4, then 3 and 7 tie at .3 (3 first) -> drop 1, 4, 3.
        // Inactive after the drop: 1 (.9), 2 (.4), 3 (.1), 4 (.05), 5 (.4) -> regrow 1, 2, 5 (2 before 5 on the tie).
        // Weight 1 is dropped and comes straight back.
        RegrowthStep.TensorRegrowth fc1 = r.tensor("fc1");
        assertArrayEquals(new int[]{1, 3, 4}, fc1.dropped());
        assertArrayEquals(new int[]{1, 2, 5}, fc1.regrown());
        assertArrayEquals(new boolean[]{T, T, T, F, F, T, T, T}, fc1.mask());
        assertArrayEquals(new int[]{2, 5}, fc1.newlyActive());
        assertArrayEquals(new int[]{3, 4}, fc1.deactivated());
        assertArrayEquals(new boolean[]{T, T, F, F, F, F, T, T}, fc1.stateKeep());

        // conv: k = round(0.5 * 4) = 2. Ascending |w|: 2 (.05), 0 and 1 tie at .2 (0 first) -> drop 0, 2.
        // Inactive after the drop: 0 (.3), 2 (.1), 3 (.3), 5 (.3) -> regrow 0, 3 (lowest indices of the .3 tie).
        RegrowthStep.TensorRegrowth conv = r.tensor("conv");
        assertArrayEquals(new int[]{0, 2}, conv.dropped());
        assertArrayEquals(new int[]{0, 3}, conv.regrown());
        assertArrayEquals(new boolean[]{T, T, F, T, T, F}, conv.mask());
        assertArrayEquals(new int[]{3}, conv.newlyActive());
        assertArrayEquals(new int[]{2}, conv.deactivated());

        assertEquals(5, r.moved());
        assertEquals(List.of("fc1", "conv"), List.copyOf(r.masks().keySet()));
    }

    @Test
    void countRoundsHalfUpAndDensityIsUnchanged() {
        // k = round(0.25 * 6) = round(1.5) = 2: drop 1, 4; candidates 1 (.9), 2 (.4), 4 (.05), 5 (.4) -> regrow 1, 2.
        RegrowthStep.TensorRegrowth fc1 = RegrowthStep.apply(List.of(fc1()), 0.25).tensor("fc1");
        assertArrayEquals(new int[]{1, 4}, fc1.dropped());
        assertArrayEquals(new int[]{1, 2}, fc1.regrown());
        assertArrayEquals(new boolean[]{T, T, T, T, F, F, T, T}, fc1.mask());
    }

    @Test
    void zeroFractionChangesNothing() {
        RegrowthStep.TensorRegrowth fc1 = RegrowthStep.apply(List.of(fc1()), 0).tensor("fc1");
        assertArrayEquals(new int[0], fc1.dropped());
        assertArrayEquals(new int[0], fc1.regrown());
        assertArrayEquals(fc1().mask(), fc1.mask());
    }

    @Test
    void inputsAreNotModified() {
        TensorState t = fc1();
        RegrowthStep.apply(List.of(t), 0.5);
        assertArrayEquals(new boolean[]{T, T, F, T, T, F, T, T}, t.mask());
    }

    @Test
    void nanWeightIsDroppedFirstAndNanGradientRegrownLast() {
        TensorState t = new TensorState("t", new long[]{4},
                new float[]{0.1f, Float.NaN, 0f, 0f},
                new float[]{0f, 0f, Float.NaN, 0.01f},
                new boolean[]{T, T, F, F});
        // k = 1: drop 1 (NaN); candidates 1 (0), 2 (NaN), 3 (.01) -> regrow 3.
        RegrowthStep.TensorRegrowth r = RegrowthStep.apply(List.of(t), 0.5).tensor("t");
        assertArrayEquals(new int[]{1}, r.dropped());
        assertArrayEquals(new int[]{3}, r.regrown());
    }

    @Test
    void rejectsMissingGradientAndBadFraction() {
        TensorState noGrad = new TensorState("fc", new long[]{2}, new float[]{1f, 2f}, null, new boolean[]{T, F});
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RegrowthStep.apply(List.of(noGrad), 0.5));
        assertEquals("regrowth ranks inactive weights by |gradient|, but tensor fc has no gradient", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RegrowthStep.apply(List.of(fc1()), 1.5));
        assertThrows(IllegalArgumentException.class, () -> RegrowthStep.apply(List.of(fc1(), fc1()), 0.5));
    }
}
