package org.prunesh.ops.prune;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The streaming chain picks exactly the units the pool arrays pick, ties and non-finite values included. */
class StreamSelectTest {

    private static final Score MAGNITUDE = new MagnitudeScore();
    private static final Score GRADIENT = new GradientScore();

    @Test
    void picksWhatThePoolArraysPick() {
        Random rnd = new Random(7);
        List<UnitLayer> group = new ArrayList<>();
        int active = 0;
        for (int size : new int[]{40000, 17, 23000, 5000}) {
            float[] w = new float[size], g = new float[size];
            boolean[] mask = new boolean[size];
            for (int i = 0; i < size; i++) {
                // few levels, so whole buckets tie and the index decides
                w[i] = (rnd.nextInt(31) - 15) / 8f;
                g[i] = (rnd.nextInt(13) - 6) / 512f;
                mask[i] = rnd.nextDouble() >= 0.25;
            }
            w[1] = Float.NaN;
            g[2] = Float.NEGATIVE_INFINITY;
            w[3] = -0.0f;
            TensorState t = new TensorState("t" + size, new long[]{size}, w, g, mask);
            group.add(new UnitLayer.Elements(t));
            active += t.activeCount();
        }
        List<Selection> selections = List.of(Selection.of(GRADIENT, 0.5, MAGNITUDE), Selection.of(MAGNITUDE),
                Selection.of(MAGNITUDE, 0.9, GRADIENT),
                new Selection(List.of(Stage.of(GRADIENT, 0.8), Stage.of(MAGNITUDE, 0.5), Stage.last(GRADIENT))));
        SelectionContext context = new SelectionContext(700, 0.3);
        for (Selection selection : selections) {
            assertTrue(StreamSelect.applies(group, selection));
            for (int prune : new int[]{1, 9000, active / 2, active - 1, active}) {
                ChainSelect.Picked stream = StreamSelect.lowest(group, prune, active, selection, context);
                ChainSelect.Picked pooled = ChainSelect.pooled(group, prune, active, selection, context);
                assertEquals(pooled.count(), stream.count(), selection.describe() + " " + prune);
                assertArrayEquals(Arrays.copyOf(pooled.units(), pooled.count()), Arrays.copyOf(stream.units(), stream.count()),
                        selection.describe() + " " + prune);
            }
        }
    }

    @Test
    void computedScoresKeepThePoolArrays() {
        float[] w = {1, 2};
        TensorState t = new TensorState("t", new long[]{2}, w, new float[]{0.5f, 0.25f}, new boolean[]{true, true});
        Score taylor = new TaylorScore();
        assertFalse(StreamSelect.applies(List.of(new UnitLayer.Elements(t)), Selection.of(taylor)));
    }
}
