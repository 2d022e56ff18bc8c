package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelectionTest {

    private static final Score MAGNITUDE = new MagnitudeScore();
    private static final Score GRADIENT = new GradientScore();

    @Test
    void describesAndReportsGradientNeed() {
        Selection fggp = Selection.of(GRADIENT, 0.5, MAGNITUDE);
        assertEquals("gradient ratio 0.5 then magnitude", fggp.describe());
        assertTrue(fggp.needsGradient());
        assertFalse(Selection.of(MAGNITUDE).needsGradient());
        assertEquals(List.of(Stage.of(GRADIENT, 0.5), Stage.last(MAGNITUDE)), fggp.stages());
        Selection granet = new Selection(List.of(Stage.annealed(MAGNITUDE, Anneal.COSINE, 0.5, 0.005),
                Stage.last(GRADIENT)));
        assertEquals("magnitude pool anneal cosine 0.5 to 0.005 then gradient", granet.describe());
        Selection three = new Selection(List.of(Stage.of(GRADIENT, 0.8), Stage.annealed(MAGNITUDE,
                Anneal.LINEAR, 1, 0.0001), Stage.last(GRADIENT)));
        assertEquals("gradient ratio 0.8 then magnitude pool anneal linear 1 to 0.0001 then gradient", three.describe());
        assertEquals("gradient mean 8 ratio 0.5 then magnitude",
                Selection.of(new GradientScore(new ScoreSpec.Mean(8)), 0.5, MAGNITUDE).describe(), "a score's variant is part of the script");
    }

    @Test
    void onlyNarrowingStagesTakeARatio() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new Selection(List.of(Stage.last(GRADIENT), Stage.last(MAGNITUDE))));
        assertEquals("stage 1 ('gradient') is followed by another stage, so it needs a pool: 'ratio r' or"
                + " 'pool anneal ...'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Selection(List.of(Stage.of(MAGNITUDE, 0.5))));
        assertEquals("the last stage ('magnitude') picks the weights to prune and takes no pool, got 'ratio 0.5'",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () ->
                new Selection(List.of(Stage.annealed(MAGNITUDE, Anneal.COSINE, 0.5, 0.005))));
        assertEquals("the last stage ('magnitude') picks the weights to prune and takes no pool, got"
                + " 'pool anneal cosine 0.5 to 0.005'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Stage.of(GRADIENT, 0));
        assertEquals("ratio of stage 'gradient' must be in (0, 1], got 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Stage.of(GRADIENT, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Stage.of(GRADIENT, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Selection(List.of()));
        assertEquals(new PoolRule.Fixed(1.0), Stage.of(GRADIENT, 1.0).pool());
    }

    @Test
    void registryResolvesNamesToFreshScores() {
        assertTrue(Scores.names().containsAll(List.of("magnitude", "gradient")), "the full list is ScoresTest's");
        for (String name : Scores.names()) {
            assertEquals(name, Scores.byName(name).orElseThrow().name());
        }
        assertEquals(Optional.empty(), Scores.byName("taylorr"));
        assertTrue(Scores.byName("gradient").orElseThrow().needsGradient());
        assertFalse(Scores.byName("magnitude").orElseThrow().needsGradient());
    }

    @Test
    void scoresAreAbsoluteValues() {
        TensorState t = new TensorState("t", new long[] {3}, new float[] {-2f, 0f, 1.5f},
                new float[] {0.25f, -0.5f, -0f}, new boolean[] {true, true, true});
        assertArrayEquals(new float[] {2f, 0f, 1.5f}, MAGNITUDE.compute(t));
        assertArrayEquals(new float[] {0.25f, 0.5f, 0f}, GRADIENT.compute(t));
    }
}
