package org.prunesh.ops.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PointsScheduleTest {

    /** 1000 samples in batches of 100 for 10 epochs: 10 steps per epoch, 100 in all. */
    private static final StepClock CLOCK = StepClock.of(1000, 100, 10);

    private static PointsSpec.Point at(StepPoint t, double sparsity) {
        return new PointsSpec.Point(t, sparsity);
    }

    private static PointsSpec spec(PointsSpec.Point... points) {
        return new PointsSpec(List.of(points));
    }

    @Test
    void prunesExactlyAtTheListedStepsAndHoldsBetween() {
        SparsitySchedule s = spec(at(new StepPoint.Steps(5), 0.2), at(new StepPoint.Epochs(1.5), 0.5),
                at(new StepPoint.Percent(40), 0.5), at(new StepPoint.Percent(100), 0.9)).resolve(CLOCK);
        assertEquals("points", s.name());
        assertEquals(List.of(5L, 15L, 40L, 100L), s.pruningSteps());
        assertEquals(List.of(new SchedulePoint(5, 0.5, 0.2), new SchedulePoint(15, 1.5, 0.5),
                new SchedulePoint(40, 4.0, 0.5), new SchedulePoint(100, 10.0, 0.9)), s.points());
        assertEquals(5, s.start());
        assertEquals(100, s.end());
        long[] steps = {0, 4, 5, 14, 15, 39, 40, 99, 100, 150};
        double[] targets = {0, 0, 0.2, 0.2, 0.5, 0.5, 0.5, 0.5, 0.9, 0.9};
        for (int i = 0; i < steps.length; i++) {
            assertEquals(targets[i], s.targetAt(steps[i]), 0.0, "step " + steps[i]);
        }
        for (long t = 0; t <= 100; t++) {
            assertEquals(t == 5 || t == 15 || t == 40 || t == 100, s.isPruningStep(t), "step " + t);
        }
    }

    @Test
    void aPointAtStepZeroAndOnePoint() {
        SparsitySchedule s = spec(at(new StepPoint.Steps(0), 0.5)).resolve(CLOCK);
        assertEquals(List.of(new SchedulePoint(0, 0.0, 0.5)), s.points());
        assertEquals(0.5, s.targetAt(0), 0.0);
        assertTrue(s.isPruningStep(0));
        assertFalse(s.isPruningStep(1));
    }

    @Test
    void aTimePastTheRunIsClampedToItsLastStep() {
        SparsitySchedule s = spec(at(new StepPoint.Epochs(5), 0.5), at(new StepPoint.Epochs(12), 0.8)).resolve(CLOCK);
        assertEquals(List.of(50L, 100L), s.pruningSteps());
    }

    @Test
    void sparsitiesMustNotDecrease() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                spec(at(new StepPoint.Percent(10), 0.3), at(new StepPoint.Percent(40), 0.7),
                        at(new StepPoint.Percent(60), 0.5)));
        assertEquals("schedule point 3 (60%, 0.5) lowers the sparsity of schedule point 2 (40%, 0.7): sparsities "
                + "must not decrease, a schedule only prunes more", e.getMessage());
    }

    @Test
    void timesInOneUnitMustIncrease() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                spec(at(new StepPoint.Steps(20), 0.3), at(new StepPoint.Steps(20), 0.5)));
        assertEquals("schedule point 2 (20 steps, 0.5) is not after schedule point 1 (20 steps, 0.3): points must be "
                + "strictly increasing in time", e.getMessage());
    }

    @Test
    void stepsMustIncreaseOnceResolved() {
        PointsSpec sameStep = spec(at(new StepPoint.Epochs(1), 0.3), at(new StepPoint.Steps(10), 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sameStep.resolve(CLOCK));
        assertEquals("schedule point 2 (10 steps, 0.5) falls on step 10, not after schedule point 1 (1 epoch, 0.3) "
                + "on step 10: points must be on strictly increasing steps", e.getMessage());

        PointsSpec clamped = spec(at(new StepPoint.Percent(100), 0.3), at(new StepPoint.Epochs(12), 0.5));
        e = assertThrows(IllegalArgumentException.class, () -> clamped.resolve(CLOCK));
        assertEquals("schedule point 2 (12 epochs, 0.5) falls on step 100 (step 120 clamped to the run's 100 steps), "
                + "not after schedule point 1 (100%, 0.3) on step 100: points must be on strictly increasing steps",
                e.getMessage());
    }

    @Test
    void rejectsInvalidPoints() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                at(new StepPoint.Percent(50), 1.0));
        assertEquals("sparsity of schedule point (50%, 1) must be in [0, 1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PointsSpec(List.of()));
        assertEquals("a points schedule needs at least one (time, sparsity) point", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> at(new StepPoint.Steps(1), -0.1));
        assertThrows(IllegalArgumentException.class, () -> at(new StepPoint.Steps(1), Double.NaN));
        assertThrows(IllegalArgumentException.class, () ->
                new PointsSchedule(CLOCK, List.of(10L, 5L), List.of(0.1, 0.2)));
        assertThrows(IllegalArgumentException.class, () ->
                new PointsSchedule(CLOCK, List.of(5L, 10L), List.of(0.3, 0.2)));
        assertThrows(IllegalArgumentException.class, () -> new PointsSchedule(CLOCK, List.of(5L), List.of()));
    }
}
