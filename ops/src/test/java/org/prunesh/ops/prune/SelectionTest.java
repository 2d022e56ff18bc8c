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
    }

    @Test
    void onlyNarrowingStagesTakeARatio() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new Selection(List.of(Stage.last(GRADIENT), Stage.last(MAGNITUDE))));
        assertEquals("stage 1 ('gradient') is followed by another stage, so it needs a ratio in (0, 1]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Selection(List.of(Stage.of(MAGNITUDE, 0.5))));
        assertEquals("the last stage ('magnitude') picks the weights to prune and takes no ratio, got 0.5",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Stage.of(GRADIENT, 0));
        assertEquals("ratio of stage 'gradient' must be in (0, 1], got 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Stage.of(GRADIENT, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Stage.of(GRADIENT, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Selection(List.of()));
        assertEquals(1.0, Stage.of(GRADIENT, 1.0).ratio(), 0.0);
    }

    @Test
    void registryResolvesNamesToFreshScores() {
        assertEquals(List.of("magnitude", "gradient"), Scores.names());
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
