package org.prunesh.ops.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StepPointTest {

    private static final StepClock CLOCK = new StepClock(47, 470);

    @Test
    void convertsEachUnitToSteps() {
        assertEquals(235, new StepPoint.Percent(50).toSteps(CLOCK));      // 0.5 * 470
        assertEquals(94, new StepPoint.Epochs(2).toSteps(CLOCK));         // 2 * 47
        assertEquals(71, new StepPoint.Epochs(1.5).toSteps(CLOCK));       // 70.5 rounds half up
        assertEquals(300, new StepPoint.Steps(300).toSteps(CLOCK));
        assertEquals(470, new StepPoint.Percent(100).toSteps(CLOCK));
        assertEquals(0, new StepPoint.Percent(0).toSteps(CLOCK));
        assertEquals(12, new StepPoint.Percent(2.5).toSteps(CLOCK));      // 11.75 rounds to 12
    }

    @Test
    void describesAsWritten() {
        assertEquals("50%", new StepPoint.Percent(50).describe());
        assertEquals("12.5%", new StepPoint.Percent(12.5).describe());
        assertEquals("2 epochs", new StepPoint.Epochs(2).describe());
        assertEquals("1.5 epochs", new StepPoint.Epochs(1.5).describe());
        assertEquals("1 epoch", new StepPoint.Epochs(1).describe());
        assertEquals("300 steps", new StepPoint.Steps(300).describe());
        assertEquals("1 step", new StepPoint.Steps(1).describe());
    }

    @Test
    void rejectsPointsOutsideTraining() {
        assertThrows(IllegalArgumentException.class, () -> new StepPoint.Steps(-1));
        assertThrows(IllegalArgumentException.class, () -> new StepPoint.Epochs(-0.5));
        assertThrows(IllegalArgumentException.class, () -> new StepPoint.Epochs(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new StepPoint.Percent(100.5));
        assertThrows(IllegalArgumentException.class, () -> new StepPoint.Percent(-1));
    }

    @Test
    void clockFromDataSize() {
        StepClock clock = StepClock.of(60000, 128, 10);                  // ceil(468.75) = 469 per epoch
        assertEquals(new StepClock(469, 4690), clock);
        assertEquals(new StepClock(500, 1500), StepClock.of(60000, 120, 3)); // exact division
        assertEquals(2.5, new StepClock(4, 40).epochAt(10), 0.0);
        assertThrows(IllegalArgumentException.class, () -> StepClock.of(100, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> StepClock.of(0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new StepClock(0, 10));
    }
}
