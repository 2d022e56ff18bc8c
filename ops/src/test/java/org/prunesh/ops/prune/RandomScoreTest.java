package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomScoreTest {

    private static final long GAMMA = 0x9e3779b97f4a7c15L;

    private static TensorState tensor(String name, int n) {
        boolean[] mask = new boolean[n];
        Arrays.fill(mask, true);
        return new TensorState(name, new long[] {n}, new float[n], null, mask);
    }

    /** The documented draws, from the JDK's SplitMix64 rather than the class's own copy of it. */
    private static float[] expected(long seed, int call, String name, int n) {
        long h = new SplittableRandom((seed ^ RandomScore.fnv1a64(name)) - GAMMA).nextLong();  // mix64(seed ^ fnv)
        SplittableRandom calls = new SplittableRandom(h);
        long base = 0;
        for (int c = 0; c <= call; c++) base = calls.nextLong();                             // mix64(h + (call+1)γ)
        SplittableRandom elements = new SplittableRandom(base);
        float[] s = new float[n];
        for (int i = 0; i < n; i++) s[i] = (elements.nextLong() >>> 40) * 0x1.0p-24f;
        return s;
    }

    @Test
    void fnv1a64MatchesItsPublishedVectors() {
        assertEquals(0xcbf29ce484222325L, RandomScore.fnv1a64(""));
        assertEquals(0xaf63dc4c8601ec8cL, RandomScore.fnv1a64("a"));
        assertEquals(0x85944171f73967e8L, RandomScore.fnv1a64("foobar"));
    }

    @Test
    void drawsAreSplitMix64OfSeedCallAndName() {
        RandomScore random = new RandomScore(18);
        assertEquals("random", random.name());
        assertFalse(random.needsGradient());
        float[] first = random.compute(tensor("conv1/W", 6));
        float[] second = random.compute(tensor("conv1/W", 6));
        assertArrayEquals(expected(18, 0, "conv1/W", 6), first);
        assertArrayEquals(expected(18, 1, "conv1/W", 6), second);
        for (float v : first) assertTrue(v >= 0f && v < 1f, "in [0, 1): " + v);
    }

    @Test
    void drawsArePinnedAcrossVersions() {
        // A script plus a seed reproduces a run: these values must never change.
        assertArrayEquals(expected(0, 0, "w", 4), new RandomScore(0).compute(tensor("w", 4)));
        // Multiples of 2^-24: 0.6889358, 0.35618454, 0.210258, 0.6568027.
        float u = 0x1.0p-24f;
        assertArrayEquals(new float[] {11558425 * u, 5975785 * u, 3527544 * u, 11019321 * u},
                new RandomScore(0).compute(tensor("w", 4)));
    }

    @Test
    void sameSeedSameDrawsNewCallNewDraws() {
        RandomScore a = new RandomScore(7);
        RandomScore b = new RandomScore(7);
        float[] a1 = a.compute(tensor("fc/W", 5));
        assertArrayEquals(a1, b.compute(tensor("fc/W", 5)));
        float[] a2 = a.compute(tensor("fc/W", 5));
        assertFalse(Arrays.equals(a1, a2), "a second pruning step draws afresh");
        assertArrayEquals(a2, b.compute(tensor("fc/W", 5)));

        // Calls are counted per tensor: scoring another tensor in between changes nothing.
        RandomScore c = new RandomScore(7);
        c.compute(tensor("other", 5));
        assertArrayEquals(a1, c.compute(tensor("fc/W", 5)));

        // The same state scored again (another ranking round of the same step) gets the same draws.
        RandomScore d = new RandomScore(7);
        TensorState step = tensor("fc/W", 5);
        assertArrayEquals(a1, d.compute(step));
        assertArrayEquals(a1, d.compute(step));
        assertArrayEquals(a2, d.compute(tensor("fc/W", 5)));

        assertFalse(Arrays.equals(a1, new RandomScore(8).compute(tensor("fc/W", 5))), "another seed");
        assertFalse(Arrays.equals(a1, new RandomScore(7).compute(tensor("fc/V", 5))), "another tensor");
    }
}
