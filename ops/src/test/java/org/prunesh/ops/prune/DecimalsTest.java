package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void plainWritesTheShortestDecimalNeverExponents() {
        assertEquals("0.005", Decimals.plain(0.005));
        assertEquals("8", Decimals.plain(8.0));
        assertEquals("0.00001", Decimals.plain(1e-5));
        assertEquals("0", Decimals.plain(-0.0));
        assertEquals("NaN", Decimals.plain(Double.NaN));
        assertEquals("Infinity", Decimals.plain(Double.POSITIVE_INFINITY));
    }

    @Test
    void significantRoundsHalfUpToTheGivenDigits() {
        assertEquals("0.1235", Decimals.significant(0.123456, 4));
        assertEquals("0.35", Decimals.significant(0.35, 4));
        assertEquals("0.01", Decimals.brief(1 - 0.99));
        assertEquals("NaN", Decimals.brief(Double.NaN));
    }
}
