package org.prunesh.ops.prune;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        picksWhatThePoolArraysPick(true);
    }

    /** The histogram passes and the scalar mask write, as without the Vector API module. */
    @Test
    void picksWhatThePoolArraysPickWithoutVectors() {
        picksWhatThePoolArraysPick(false);
    }

    private static void picksWhatThePoolArraysPick(boolean vector) {
        boolean before = StreamSelect.vector;
        StreamSelect.vector = vector;
        try {
            compareWithPooled(tiedLayers());
        } finally {
            StreamSelect.vector = before;
        }
    }

    /**
     * Units the sample never sees (between its runs) hold the largest scores, so the sample's bracket
     * for a 90% cut lies below the true cut: the bracket misses and the histogram finds the cut.
     */
    @Test
    void aBracketThatMissesFallsBackToTheHistogram() {
        int size = 200_000;
        float[] w = new float[size], g = new float[size];
        boolean[] sampled = new boolean[size];
        int runs = BracketCut.SAMPLES / BracketCut.RUN;
        for (int r = 0; r < runs; r++) {
            for (int i = (int) ((long) size * r / runs), j = 0; j < BracketCut.RUN; i++, j++) sampled[i] = true;
        }
        for (int i = 0; i < size; i++) {
            w[i] = sampled[i] ? (i % 1000) / 1000f : 1000f + i % 7;
            g[i] = w[i];
        }
        boolean[] all = new boolean[size];
        java.util.Arrays.fill(all, true);
        List<UnitLayer> group = List.of(new UnitLayer.Elements(new TensorState("t", new long[]{size}, w, g, all)));
        StreamSelect.Chain chain = new StreamSelect.Chain(group, Selection.of(MAGNITUDE));
        assertEquals(BracketCut.MISSED, BracketCut.cut(chain, 0, size * 9 / 10, size));
        compareWithPooled(group);
    }

    /**
     * NaNs of many payloads and both signs, with infinities: the vector passes fold payloads only
     * when a bound is above +infinity, and pick what the pool arrays (the one NaN) pick whether the
     * cuts fall among finite scores, at +infinity or among the NaNs.
     */
    @Test
    void nanPayloadsRankAsTheOneNaN() {
        Random rnd = new Random(11);
        List<UnitLayer> group = new ArrayList<>();
        for (int size : new int[]{30000, 9, 12000}) {
            float[] w = new float[size], g = new float[size];
            boolean[] mask = new boolean[size];
            for (int i = 0; i < size; i++) {
                w[i] = special(rnd, (rnd.nextInt(31) - 15) / 8f);
                g[i] = special(rnd, (rnd.nextInt(13) - 6) / 512f);
                mask[i] = rnd.nextInt(6) != 0;
            }
            group.add(new UnitLayer.Elements(new TensorState("n" + size, new long[]{size}, w, g, mask)));
        }
        compareWithPooled(group);
    }

    /** One value in four a NaN of a random payload and sign, one in eight an infinity, else {@code finite}. */
    private static float special(Random rnd, float finite) {
        int pick = rnd.nextInt(8);
        if (pick < 2) return Float.intBitsToFloat((rnd.nextBoolean() ? 0xff800001 : 0x7f800001) + rnd.nextInt(0x7fffff));
        if (pick == 2) return rnd.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
        return finite;
    }

    private static List<UnitLayer> tiedLayers() {
        Random rnd = new Random(7);
        List<UnitLayer> group = new ArrayList<>();
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
            group.add(new UnitLayer.Elements(new TensorState("t" + size, new long[]{size}, w, g, mask)));
        }
        return group;
    }

    private static void compareWithPooled(List<UnitLayer> group) {
        int active = 0;
        for (UnitLayer layer : group) active += layer.activeCount();
        List<Selection> selections = List.of(Selection.of(GRADIENT, 0.5, MAGNITUDE), Selection.of(MAGNITUDE),
                Selection.of(MAGNITUDE, 0.9, GRADIENT),
                new Selection(List.of(Stage.of(GRADIENT, 0.8), Stage.of(MAGNITUDE, 0.5), Stage.last(GRADIENT))));
        SelectionContext context = new SelectionContext(700, 0.3);
        for (Selection selection : selections) {
            assertTrue(StreamSelect.applies(group, selection));
            for (int prune : new int[]{1, 9000, active / 2, active - 1, active}) {
                ChainSelect.Picked pooled = ChainSelect.pooled(group, prune, active, selection, context);
                Map<String, boolean[]> expected = masks(group);
                pooled.apply(group, expected);
                // the streaming chain with arrays of its own, and writing into the output masks
                Map<String, boolean[]> written = masks(group);
                for (Map<String, boolean[]> into : Arrays.asList(null, written)) {
                    ChainSelect.Pick stream = StreamSelect.lowest(group, prune, active, selection, context, into);
                    String what = selection.describe() + " " + prune + (into == null ? "" : " into");
                    assertEquals(pooled.count(), stream.count(), what);
                    assertArrayEquals(pooled.countPerLayer(group), stream.countPerLayer(group), what);
                    Map<String, boolean[]> actual = into == null ? masks(group) : into;
                    stream.apply(group, actual);
                    for (UnitLayer layer : group) {
                        assertArrayEquals(expected.get(layer.name()), actual.get(layer.name()), what + " " + layer.name());
                    }
                }
            }
        }
    }

    /** Output masks as MaskSelector starts them: a copy of each layer's active units. */
    private static Map<String, boolean[]> masks(List<UnitLayer> group) {
        Map<String, boolean[]> masks = new HashMap<>();
        for (UnitLayer layer : group) masks.put(layer.name(), layer.active().clone());
        return masks;
    }

    @Test
    void theVectorCountOfActiveUnitsIsTheScalarOne() {
        Random rnd = new Random(3);
        for (int size : new int[]{0, 1, 63, 64, 65, 1000}) {
            boolean[] mask = new boolean[size];
            int expected = 0;
            for (int i = 0; i < size; i++) {
                mask[i] = rnd.nextBoolean();
                expected += mask[i] ? 1 : 0;
            }
            assertEquals(expected, BracketCut.trueCount(mask), "size " + size);
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
