package org.prunesh.ops.train;

import org.junit.jupiter.api.Test;

import org.prunesh.ops.schedule.StepPoint;

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
        LrSchedule s = new LrSchedule.MultiStep(LrSchedule.MultiStep.epochs(2, 3), 0.1, LrSchedule.NO_WARMUP);
        assertEquals(0.1, at(s, 0), 1e-15);
        assertEquals(0.1, at(s, 19), 1e-15);
        assertEquals(0.01, at(s, 20), 1e-15);
        assertEquals(0.001, at(s, 30), 1e-15);
        assertEquals(0.001, at(s, 39), 1e-15);
    }

    @Test
    void cosineIsSteppedOncePerEpoch() {
        LrSchedule s = new LrSchedule.Cosine(0, LrSchedule.NO_WARMUP);
        assertEquals(0.1, at(s, 9), 1e-15);
        assertEquals(0.1 * (1 + Math.cos(Math.PI / 4)) / 2, at(s, 10), 1e-15);
        assertEquals(0.05, at(s, 25), 1e-15);
        assertEquals(0.1 * (1 + Math.cos(3 * Math.PI / 4)) / 2, at(s, 39), 1e-15);
    }

    @Test
    void warmupRampsLinearlyPerStepThenHandsOver() {
        LrSchedule s = new LrSchedule.MultiStep(LrSchedule.MultiStep.epochs(1), 0.5, new StepPoint.Steps(4));
        assertEquals(0.025, at(s, 0), 1e-15);
        assertEquals(0.075, at(s, 2), 1e-15);
        assertEquals(0.1, at(s, 4), 1e-15);
        assertEquals(0.05, at(s, 10), 1e-15);
    }

    @Test
    void percentMilestonesRoundToEpochBoundariesAndStepsAreRejected() {
        // 4 epochs: 50% is the start of epoch 2, 60% rounds to epoch 2 as well
        LrSchedule s = new LrSchedule.MultiStep(List.of(new StepPoint.Percent(50), new StepPoint.Percent(60)), 0.1,
                new StepPoint.Epochs(1));
        assertEquals(0.1, at(s, 9), 1e-15);      // a warm-up of one epoch: 0.1 * 10/10 at its last step
        assertEquals(0.05, at(s, 4), 1e-15);
        assertEquals(0.1, at(s, 19), 1e-15);
        assertEquals(0.001, at(s, 20), 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> new LrSchedule.MultiStep(List.of(new StepPoint.Steps(3)), 0.1, LrSchedule.NO_WARMUP));
    }
}
