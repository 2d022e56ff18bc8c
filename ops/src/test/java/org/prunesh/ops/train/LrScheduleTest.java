package org.prunesh.ops.train;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LrScheduleTest {

    // 10 steps per epoch, 4 epochs
    private static double at(LrSchedule s, long step) {
        return s.lrAt(0.1, step, 10, 4);
    }

    @Test
    void multistepChangesTheRateAtEpochBoundaries() {
        LrSchedule s = new LrSchedule.MultiStep(List.of(2, 3), 0.1, 0);
        assertEquals(0.1, at(s, 0), 1e-15);
        assertEquals(0.1, at(s, 19), 1e-15);
        assertEquals(0.01, at(s, 20), 1e-15);
        assertEquals(0.001, at(s, 30), 1e-15);
        assertEquals(0.001, at(s, 39), 1e-15);
    }

    @Test
    void cosineIsSteppedOncePerEpoch() {
        LrSchedule s = new LrSchedule.Cosine(0, 0);
        assertEquals(0.1, at(s, 9), 1e-15);
        assertEquals(0.1 * (1 + Math.cos(Math.PI / 4)) / 2, at(s, 10), 1e-15);
        assertEquals(0.05, at(s, 25), 1e-15);
        assertEquals(0.1 * (1 + Math.cos(3 * Math.PI / 4)) / 2, at(s, 39), 1e-15);
    }

    @Test
    void warmupRampsLinearlyPerStepThenHandsOver() {
        LrSchedule s = new LrSchedule.MultiStep(List.of(1), 0.5, 4);
        assertEquals(0.025, at(s, 0), 1e-15);
        assertEquals(0.075, at(s, 2), 1e-15);
        assertEquals(0.1, at(s, 4), 1e-15);
        assertEquals(0.05, at(s, 10), 1e-15);
    }

    @Test
    void milestonesMustIncrease() {
        assertThrows(IllegalArgumentException.class, () -> new LrSchedule.MultiStep(List.of(3, 2), 0.1, 0));
    }
}
