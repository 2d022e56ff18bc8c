package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PoolRuleTest {

    private static final boolean T = true;
    private static final boolean F = false;
    private static final Score MAGNITUDE = new MagnitudeScore();
    private static final Score GRADIENT = new GradientScore();
    // The tensor of MaskSelectorTest. Ascending |w|: 5, 1, 11, 4, 6, 9, 2, 8, 3, 10, 0, 7.
    private static final float[] W = {0.9f, -0.1f, 0.5f, -0.7f, 0.2f, 0.05f, -0.3f, 1.2f, -0.6f, 0.4f, 0.8f, -0.15f};
    private static final float[] G = {-0.03f, 0.05f, -0.09f, 0.01f, 0.07f, -0.04f, 0.08f, -0.4f, 0.3f, -0.2f, 0.02f, -0.06f};

    private static SelectionContext at(double progress) {
        return new SelectionContext(100, progress);
    }

    @Test
    void fixedPoolIsTheRatioOfActiveButNeverBelowTheWeightsToPrune() {
        PoolRule rule = new PoolRule.Fixed(0.75);
        assertEquals(9, rule.poolSize(6, 12, SelectionContext.START));
        assertEquals(9, rule.poolSize(6, 12, at(1)), "a fixed pool ignores progress");
        assertEquals(6, new PoolRule.Fixed(0.25).poolSize(6, 12, SelectionContext.START));
        assertEquals(12, new PoolRule.Fixed(1).poolSize(6, 12, SelectionContext.START));
        assertEquals("ratio 0.75", rule.describe());
    }

    @Test
    void annealedPoolFollowsItsCurveFromTheFirstFractionToTheSecond() {
        PoolRule.Annealed cosine = new PoolRule.Annealed(Anneal.COSINE, 0.5, 0.005);
        PoolRule.Annealed linear = new PoolRule.Annealed(Anneal.LINEAR, 0.5, 0.005);
        assertEquals(0.5, cosine.fraction(0), 0.0);
        assertEquals(0.005, cosine.fraction(1), 1e-15);
        assertEquals(0.2525, cosine.fraction(0.5), 1e-15);
        assertEquals(0.2525, linear.fraction(0.5), 1e-15);
        // p = 0.25: cosine c = (1 + cos(pi/4))/2 = 0.853553..., a = 0.427512...; linear c = 0.75, a = 0.37625.
        assertEquals(0.005 + 0.495 * (1 + Math.sqrt(0.5)) / 2, cosine.fraction(0.25), 1e-15);
        assertEquals(0.37625, linear.fraction(0.25), 1e-15);
        // N_p = 10, R = 110: pool = 10 + round(a * 100).
        assertEquals(60, cosine.poolSize(10, 110, at(0)));
        assertEquals(53, cosine.poolSize(10, 110, at(0.25)));
        assertEquals(48, linear.poolSize(10, 110, at(0.25)));
        assertEquals(11, cosine.poolSize(10, 110, at(1)));
        assertEquals(10, new PoolRule.Annealed(Anneal.LINEAR, 0.5, 0).poolSize(10, 110, at(1)));
        assertEquals(5, cosine.poolSize(10, 5, at(0)), "never more than the active weights");
        assertEquals("pool anneal cosine 0.5 to 0.005", cosine.describe());
        assertEquals("pool anneal linear 0.5 to 0.005", linear.describe());
    }

    @Test
    void annealedChainPrunesFromAPoolThatShrinksOverTheWindow() {
        // magnitude pool anneal cosine 0.5 to 0 then gradient; N = R = 12, N_p = 6.
        Selection chain = new Selection(List.of(Stage.annealed(MAGNITUDE, Anneal.COSINE, 0.5, 0),
                Stage.last(GRADIENT)));
        TensorState t = new TensorState("fc", new long[] {12}, W, G, dense(12));
        PruneRequest request = PruneRequest.of(chain, Scope.LAYERWISE);
        // p = 0: pool 6 + round(0.5 * 6) = 9 lowest |w| = {5, 1, 11, 4, 6, 9, 2, 8, 3};
        // lowest |g| among them: 3 (.01), 5, 1, 11, 4, 6.
        assertArrayEquals(new boolean[] {T, F, T, F, F, F, F, T, T, T, T, F},
                MaskSelector.select(List.of(t), 0.5, request, at(0)).get("fc"));
        // p = 0.5: a = 0.25, pool 6 + round(1.5) = 8 = {5, 1, 11, 4, 6, 9, 2, 8}; lowest |g|: 5, 1, 11, 4, 6, 2 (.09).
        assertArrayEquals(new boolean[] {T, F, F, T, F, F, F, T, T, T, T, F},
                MaskSelector.select(List.of(t), 0.5, request, at(0.5)).get("fc"));
        // p = 1: a = 0, the pool is the 6 lowest |w| and all of them go: pure magnitude.
        assertArrayEquals(new boolean[] {T, F, T, T, F, F, F, T, T, F, T, F},
                MaskSelector.select(List.of(t), 0.5, request, at(1)).get("fc"));
    }

    @Test
    void aLaterPoolNeverExceedsTheEarlierOne() {
        // Stage 1 keeps max(6, round(0.5 * 12)) = 6 lowest |g| = {3, 10, 0, 5, 1, 11}; stage 2's annealed
        // rule asks for 6 + round(1 * 6) = 12, capped at 6, so stage 3 prunes the 3 lowest |w| of stage 1's pool.
        Selection chain = new Selection(List.of(Stage.of(GRADIENT, 0.5),
                Stage.annealed(GRADIENT, Anneal.LINEAR, 1, 1), Stage.last(MAGNITUDE)));
        TensorState t = new TensorState("fc", new long[] {12}, W, G, dense(12));
        boolean[] mask = MaskSelector.select(List.of(t), 0.25, PruneRequest.of(chain, Scope.GLOBAL), at(0)).get("fc");
        // N_p = 3: lowest |w| of {3 .7, 10 .8, 0 .9, 5 .05, 1 .1, 11 .15} = 5, 1, 11.
        assertArrayEquals(new boolean[] {T, F, T, T, T, F, T, T, T, T, T, F}, mask);
    }

    @Test
    void rejectsBadRulesAndContexts() {
        assertEquals("a pool ratio must be in (0, 1], got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new PoolRule.Fixed(0)).getMessage());
        assertEquals("an annealed pool goes between fractions in [0, 1], got 0.5 to 1.2",
                assertThrows(IllegalArgumentException.class,
                        () -> new PoolRule.Annealed(Anneal.COSINE, 0.5, 1.2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PoolRule.Annealed(Anneal.LINEAR, Double.NaN, 0));
        assertEquals("pruning progress must be in [0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new SelectionContext(3, 1.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SelectionContext(-1, 0));
        assertEquals(new SelectionContext(0, 0), SelectionContext.START);
    }

    private static boolean[] dense(int n) {
        boolean[] m = new boolean[n];
        java.util.Arrays.fill(m, true);
        return m;
    }
}
