package org.prunesh.ops.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpScheduleTest {

    private static final double EPS = 1e-12;
    /** 1000 samples in batches of 100 for 10 epochs: 10 steps per epoch, 100 in all. */
    private static final StepClock CLOCK = StepClock.of(1000, 100, 10);

    @Test
    void densityDecaysGeometrically() {
        // d_i = 0.8, d_f = 0.05, d_f/d_i = 1/16; window steps 10..50, so p = (t - 10) / 40.
        SparsitySchedule s = new ExpSpec(0.2, 0.95, new StepPoint.Epochs(1), new StepPoint.Percent(50),
                new StepPoint.Epochs(1)).resolve(CLOCK);
        assertEquals(new StepClock(10, 100), s.clock());
        assertEquals("exp", s.name());
        assertEquals(List.of(10L, 20L, 30L, 40L, 50L), s.pruningSteps());
        assertEquals(10, s.start());
        assertEquals(50, s.end());
        assertEquals(0.2, s.targetAt(0), 0.0);          // before the window: s_i
        assertEquals(0.2, s.targetAt(10), 0.0);
        assertEquals(0.6, s.targetAt(20), EPS);         // d = 0.8 / 2
        assertEquals(0.8, s.targetAt(30), EPS);         // d = 0.8 / 4
        assertEquals(0.9, s.targetAt(40), EPS);         // d = 0.8 / 8
        assertEquals(0.95, s.targetAt(50), 0.0);
        assertEquals(0.95, s.targetAt(100), 0.0);
        assertEquals(0.43431457505076199, s.targetAt(15), EPS);  // d = 0.8 * 2^-0.5
        assertTrue(s.isPruningStep(30));
        assertFalse(s.isPruningStep(35));
        assertFalse(s.isPruningStep(60));
    }

    @Test
    void pointsCarryStepEpochAndTarget() {
        SparsitySchedule s = new ExpSpec(0.0, 0.99, new StepPoint.Steps(0), new StepPoint.Steps(40),
                new StepPoint.Steps(20)).resolve(CLOCK);
        // d = 0.01^(t/40): 1, 0.1, 0.01
        List<SchedulePoint> points = s.points();
        assertEquals(3, points.size());
        assertEquals(new SchedulePoint(0, 0.0, 0.0), points.get(0));
        assertEquals(20, points.get(1).step());
        assertEquals(2.0, points.get(1).epoch(), 0.0);
        assertEquals(0.9, points.get(1).target(), EPS);
        assertEquals(new SchedulePoint(40, 4.0, 0.99), points.get(2));
    }

    @Test
    void removesTheSameFractionOfTheRemainingWeightsPerInterval() {
        SparsitySchedule s = new ExpSpec(0.5, 0.96875, new StepPoint.Steps(0), new StepPoint.Steps(80),
                new StepPoint.Steps(20)).resolve(CLOCK);
        // d from 0.5 to 1/32 in 4 intervals: each halves the density.
        List<SchedulePoint> points = s.points();
        for (int i = 1; i < points.size(); i++) {
            assertEquals(0.5, (1 - points.get(i).target()) / (1 - points.get(i - 1).target()), EPS);
        }
    }

    @Test
    void windowAndIntervalInPercent() {
        SparsitySchedule s = new ExpSpec(0.2, 0.95, new StepPoint.Percent(10), new StepPoint.Percent(50),
                new StepPoint.Percent(10)).resolve(CLOCK);
        assertEquals(List.of(10L, 20L, 30L, 40L, 50L), s.pruningSteps());
        assertEquals(0.8, s.targetAt(30), EPS);
    }

    @Test
    void rejectsAScheduleThatUnprunes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ExpSpec(0.9, 0.5,
                new StepPoint.Steps(0), new StepPoint.Steps(10), new StepPoint.Steps(1)));
        assertEquals("sparsity 'from' (0.9) must not exceed 'to' (0.5): a schedule only prunes more", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ExpSpec(0, 1, new StepPoint.Steps(0),
                new StepPoint.Steps(10), new StepPoint.Steps(1)));
        assertEquals("sparsity 'to' must be in [0, 1), got 1.0", e.getMessage());
    }
}
