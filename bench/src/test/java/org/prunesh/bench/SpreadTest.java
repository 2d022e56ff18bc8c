package org.prunesh.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpreadTest {

    @Test
    void oddCountsTakeTheMiddleValue() {
        assertEquals(new Spread(1, 2, 3), Spread.of(3, 1, 2));
        assertEquals(new Spread(7, 7, 7), Spread.of(7));
    }

    @Test
    void evenCountsTakeTheMeanOfTheMiddleTwo() {
        assertEquals(new Spread(1, 2.5, 4), Spread.of(4, 1, 3, 2));
        assertEquals(2.5, Spread.median(4, 1, 3, 2));
    }

    @Test
    void theInputIsNotReordered() {
        double[] values = {3, 1, 2};
        Spread.of(values);
        assertEquals(3, values[0]);
        assertEquals(1, values[1]);
    }

    @Test
    void relativeWidthIsTheRangeOverTheMedian() {
        assertEquals(0.5, Spread.of(400, 500, 600, 650, 500).relativeWidth());
        assertEquals(0.0, Spread.of(2, 2).relativeWidth());
    }

    @Test
    void nothingMeasuredIsNone() {
        assertTrue(Spread.NONE.isNone());
        assertTrue(!Spread.of(1).isNone());
        assertEquals("a spread needs at least one value",
                assertThrows(IllegalArgumentException.class, () -> Spread.of()).getMessage());
        assertEquals("a spread needs min <= median <= max, got 2.0, 1.0, 3.0",
                assertThrows(IllegalArgumentException.class, () -> new Spread(2, 1, 3)).getMessage());
    }
}
