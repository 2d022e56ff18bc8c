package org.prunesh.ops.prune.regrow;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.prune.Anneal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegrowthPlanTest {

    private static final double EPS = 1e-12;

    @Test
    void regrowsEveryDeltaFromStartThroughEnd() {
        RegrowthPlan p = new RegrowthPlan(100, 500, 100, 0.5, Anneal.COSINE);
        assertFalse(p.isRegrowStep(0));
        assertTrue(p.isRegrowStep(100));
        assertFalse(p.isRegrowStep(150));
        assertTrue(p.isRegrowStep(300));
        assertTrue(p.isRegrowStep(500));
        assertFalse(p.isRegrowStep(600));
        assertEquals(5, p.count());
        // Offsets are counted from start, not from step 0.
        RegrowthPlan offset = new RegrowthPlan(50, 450, 100, 0.5, Anneal.CONSTANT);
        assertTrue(offset.isRegrowStep(150));
        assertFalse(offset.isRegrowStep(200));
        assertFalse(offset.isRegrowStep(500));
    }

    @Test
    void cosineFractionAtLiteralSteps() {
        RegrowthPlan p = new RegrowthPlan(100, 500, 100, 0.5, Anneal.COSINE);
        assertEquals(0.5, p.fractionAt(100), EPS);
        // 0.25 * (1 + cos(pi/4))
        assertEquals(0.42677669529663687, p.fractionAt(200), EPS);
        assertEquals(0.25, p.fractionAt(300), EPS);
        // 0.25 * (1 - cos(pi/4))
        assertEquals(0.07322330470336313, p.fractionAt(400), EPS);
        assertEquals(0.0, p.fractionAt(500), EPS);
        // Clamped outside the window.
        assertEquals(0.5, p.fractionAt(0), EPS);
        assertEquals(0.0, p.fractionAt(900), EPS);
    }

    @Test
    void linearAndConstantFractions() {
        RegrowthPlan linear = new RegrowthPlan(100, 500, 100, 0.5, Anneal.LINEAR);
        assertEquals(0.5, linear.fractionAt(100), EPS);
        assertEquals(0.375, linear.fractionAt(200), EPS);
        assertEquals(0.25, linear.fractionAt(300), EPS);
        assertEquals(0.125, linear.fractionAt(400), EPS);
        assertEquals(0.0, linear.fractionAt(500), EPS);
        RegrowthPlan constant = new RegrowthPlan(100, 500, 100, 0.3, Anneal.CONSTANT);
        assertEquals(0.3, constant.fractionAt(100), EPS);
        assertEquals(0.3, constant.fractionAt(500), EPS);
        // A one-step window: progress is 0 there.
        assertEquals(0.3, new RegrowthPlan(7, 7, 1, 0.3, Anneal.COSINE).fractionAt(7), EPS);
    }

    @Test
    void describesItself() {
        assertEquals("regrow every 100 steps from step 100 to 500 (5 updates), drop fraction 0.5 cosine-annealed to 0;"
                        + " per layer, the lowest-|w| active weights are dropped and as many inactive ones"
                        + " with the largest |gradient| are regrown at zero",
                new RegrowthPlan(100, 500, 100, 0.5, Anneal.COSINE).describe());
    }

    @Test
    void rejectsInvalidPlans() {
        assertEquals("regrowth end (step 10) is before its start (step 20)",
                assertThrows(IllegalArgumentException.class,
                        () -> new RegrowthPlan(20, 10, 1, 0.5, Anneal.COSINE)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RegrowthPlan(0, 10, 0, 0.5, Anneal.COSINE));
        assertThrows(IllegalArgumentException.class, () -> new RegrowthPlan(0, 10, 1, 1.2, Anneal.COSINE));
        assertThrows(IllegalArgumentException.class, () -> new RegrowthPlan(-1, 10, 1, 0.5, Anneal.COSINE));
    }
}
