package org.prunesh.ops.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final double EPS = 1e-12;
    private static final StepClock CLOCK = new StepClock(10, 200);

    private static StepPoint steps(long n) {
        return new StepPoint.Steps(n);
    }

    @Test
    void cubicFollowsZhuGupta() {
        SparsitySchedule s = new CubicSpec(0.0, 0.9, steps(0), steps(100), steps(10), 3).resolve(CLOCK);
        assertEquals(List.of(0L, 10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L), s.pruningSteps());
        assertEquals("cubic", s.name());
        assertEquals(0, s.start());
        assertEquals(100, s.end());
        // s_t = 0.9 + (0 - 0.9)(1 - t/100)^3 = 0.9 (1 - (1 - t/100)^3)
        assertEquals(0.0, s.targetAt(0), EPS);
        assertEquals(0.2439, s.targetAt(10), EPS);      // 0.9 (1 - 0.729)
        assertEquals(0.5203125, s.targetAt(25), EPS);   // 0.9 (1 - 0.421875)
        assertEquals(0.7875, s.targetAt(50), EPS);      // 0.9 (1 - 0.125)
        assertEquals(0.8991, s.targetAt(90), EPS);      // 0.9 (1 - 0.001)
        assertEquals(0.9, s.targetAt(100), EPS);
        assertEquals(0.9, s.targetAt(150), EPS);
    }

    @Test
    void cubicBeforeStartHoldsInitialTargetWithoutPruning() {
        SparsitySchedule s = new CubicSpec(0.5, 0.9, steps(20), steps(60), steps(20), 3).resolve(CLOCK);
        assertEquals(List.of(20L, 40L, 60L), s.pruningSteps());
        assertEquals(0.5, s.targetAt(0), EPS);
        assertEquals(0.5, s.targetAt(20), EPS);
        assertEquals(0.85, s.targetAt(40), EPS);        // 0.9 - 0.4 * 0.5^3
        assertFalse(s.isPruningStep(0));
        assertFalse(s.isPruningStep(30));
        assertTrue(s.isPruningStep(40));
        assertFalse(s.isPruningStep(80));
    }

    @Test
    void cubicExponentIsSettable() {
        SparsitySchedule s = new CubicSpec(0.0, 0.8, steps(0), steps(100), steps(50), 2).resolve(CLOCK);
        assertEquals(0.6, s.targetAt(50), EPS);         // 0.8 (1 - 0.5^2)
    }

    @Test
    void lastStepIncludedWhenWindowIsNotAMultipleOfEvery() {
        SparsitySchedule s = new CubicSpec(0.0, 0.9, steps(0), steps(25), steps(10), 3).resolve(CLOCK);
        assertEquals(List.of(0L, 10L, 20L, 25L), s.pruningSteps());
        assertTrue(s.isPruningStep(25));
        assertTrue(s.isPruningStep(20));
        assertFalse(s.isPruningStep(30));
        assertEquals(0.9, s.targetAt(25), EPS);
    }

    @Test
    void emptyWindowIsOneStep() {
        SparsitySchedule s = new CubicSpec(0.2, 0.7, steps(40), steps(40), steps(10), 3).resolve(CLOCK);
        assertEquals(List.of(40L), s.pruningSteps());
        assertEquals(0.7, s.targetAt(40), EPS);
        assertEquals(0.2, s.targetAt(39), EPS);
    }

    @Test
    void linearPoints() {
        SparsitySchedule s = new LinearSpec(0.2, 0.8, steps(10), steps(40), steps(10)).resolve(CLOCK);
        // s_t = 0.2 + 0.6 (t - 10) / 30
        List<SchedulePoint> points = s.points();
        long[] steps = {10, 20, 30, 40};
        double[] epochs = {1.0, 2.0, 3.0, 4.0};
        double[] targets = {0.2, 0.4, 0.6, 0.8};
        assertEquals(4, points.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(steps[i], points.get(i).step());
            assertEquals(epochs[i], points.get(i).epoch(), 0.0);
            assertEquals(targets[i], points.get(i).target(), EPS);
        }
        assertEquals(0.5, s.targetAt(25), EPS);
        assertEquals(0.2, s.targetAt(0), EPS);
        assertEquals("linear", s.name());
    }

    @Test
    void constantTargetsTheSameSparsityAtEveryStep() {
        SparsitySchedule s = new ConstantSpec(0.5, steps(5), steps(20), steps(5)).resolve(CLOCK);
        assertEquals(List.of(5L, 10L, 15L, 20L), s.pruningSteps());
        for (SchedulePoint p : s.points()) {
            assertEquals(0.5, p.target(), 0.0);
        }
        assertEquals(0.5, s.targetAt(100), 0.0);
    }

    @Test
    void oneShotPrunesOnce() {
        SparsitySchedule s = new OneShotSpec(0.6, new StepPoint.Epochs(3)).resolve(CLOCK);
        assertEquals(List.of(30L), s.pruningSteps());
        assertEquals(List.of(new SchedulePoint(30, 3.0, 0.6)), s.points());
        assertEquals(0.0, s.targetAt(29), 0.0);
        assertEquals(0.6, s.targetAt(30), 0.0);
        assertTrue(s.isPruningStep(30));
        assertFalse(s.isPruningStep(31));
        assertEquals(30, s.start());
        assertEquals(30, s.end());
    }

    @Test
    void noPruning() {
        SparsitySchedule s = new NoPruningSpec().resolve(CLOCK);
        assertEquals(List.of(), s.pruningSteps());
        assertEquals(List.of(), s.points());
        assertFalse(s.isPruningStep(0));
        assertEquals(0.0, s.targetAt(100), 0.0);
    }

    @Test
    void windowInEpochsAndPercent() {
        StepClock clock = new StepClock(47, 470);
        SparsitySchedule s = new CubicSpec(0.0, 0.9, new StepPoint.Epochs(1.5), new StepPoint.Percent(50),
                new StepPoint.Epochs(1), 3).resolve(clock);
        assertEquals(List.of(71L, 118L, 165L, 212L, 235L), s.pruningSteps());
        assertEquals(new SchedulePoint(235, 5.0, 0.9), s.points().get(4));
    }

    @Test
    void windowIsClampedToTheRun() {
        SparsitySchedule s = new LinearSpec(0.0, 0.5, steps(150), steps(1000), steps(20)).resolve(CLOCK);
        assertEquals(List.of(150L, 170L, 190L, 200L), s.pruningSteps());
        assertEquals(200, s.end());
        assertEquals(List.of(200L), new OneShotSpec(0.5, steps(900)).resolve(CLOCK).pruningSteps());
    }

    @Test
    void isPruningStepAgreesWithTheList() {
        SparsitySchedule s = new CubicSpec(0.1, 0.95, steps(7), steps(193), steps(9), 3).resolve(CLOCK);
        List<Long> list = s.pruningSteps();
        for (long t = 0; t <= 200; t++) {
            assertEquals(list.contains(t), s.isPruningStep(t), "step " + t);
        }
    }

    @Test
    void resolutionRejectsInvalidSchedules() {
        StepClock clock = new StepClock(47, 470);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new CubicSpec(0, 0.9, new StepPoint.Percent(50), new StepPoint.Epochs(2), steps(10), 3).resolve(clock));
        assertEquals("schedule end (2 epochs = step 94) is before its start (50% = step 235)", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () ->
                new LinearSpec(0, 0.9, steps(0), steps(100), new StepPoint.Epochs(0.001)).resolve(clock));
        assertEquals("pruning interval 'every 0.001 epochs' is 0 steps; it must be at least 1 step", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () ->
                new CubicSpec(0.6, 0.5, steps(0), steps(100), steps(10), 3));
        assertEquals("sparsity 'from' (0.6) must not exceed 'to' (0.5): a schedule only prunes more", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> new OneShotSpec(1.0, steps(5)));
        assertEquals("sparsity 'to' must be in [0, 1), got 1.0", e.getMessage());

        assertThrows(IllegalArgumentException.class, () -> new LinearSpec(-0.1, 0.5, steps(0), steps(9), steps(1)));
        assertThrows(IllegalArgumentException.class, () -> new ConstantSpec(Double.NaN, steps(0), steps(9), steps(1)));
        assertThrows(IllegalArgumentException.class, () -> new CubicSpec(0, 0.9, steps(0), steps(9), steps(1), 0));
        assertThrows(IllegalArgumentException.class, () ->
                new ConstantSpec(0.5, steps(0), steps(9), steps(0)).resolve(clock));
    }
}
