package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankKeysTest {

    @Test
    void keyOrderIsScoreOrderThenIndex() {
        float[] ascending = {Float.NEGATIVE_INFINITY, -3.5f, -1f, -Float.MIN_VALUE, 0f, Float.MIN_VALUE, 1e-30f, 0.5f,
                1f, 7f, Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NaN};
        for (int i = 0; i + 1 < ascending.length; i++) {
            assertEquals(-1, Long.signum(Long.compare(key(ascending[i], 99),
                    key(ascending[i + 1], 0))), ascending[i] + " < " + ascending[i + 1]);
        }
        assertEquals(RankKeys.sortableBits(0f), RankKeys.sortableBits(-0f));
        assertEquals(RankKeys.sortableBits(Float.NaN), RankKeys.sortableBits(Float.intBitsToFloat(0x7fc00001)));
        assertEquals(-1, Long.compare(key(0.5f, 3), key(0.5f, 4)));
        assertEquals(Integer.MAX_VALUE, RankKeys.index(key(-2f, Integer.MAX_VALUE)));
        assertEquals(12345, RankKeys.index(key(Float.NaN, 12345)));
    }

    @Test
    void selectsTheKSmallestOnAnyInputOrder() {
        Random rnd = new Random(7);
        for (int n : new int[] {1, 2, 15, 16, 17, 100, 5000}) {
            long[][] inputs = {sorted(n), reversed(n), organPipe(n), shuffled(n, rnd), fewDistinctScores(n, rnd)};
            for (long[] input : inputs) {
                long[] expected = input.clone();
                Arrays.sort(expected);
                for (int k : new int[] {0, 1, n / 3, n / 2, n - 1, n}) {
                    long[] a = input.clone();
                    RankKeys.selectSmallest(a, n, k);
                    long[] prefix = Arrays.copyOf(a, k);
                    Arrays.sort(prefix);
                    assertArrayEquals(Arrays.copyOf(expected, k), prefix, "n=" + n + " k=" + k);
                    long[] all = a.clone();
                    Arrays.sort(all);
                    assertArrayEquals(expected, all, "a permutation of the input");
                }
            }
        }
    }

    @Test
    void selectsWithinAPrefixOnly() {
        long[] a = {9, 1, 8, 2, 7, -5, -6};
        RankKeys.selectSmallest(a, 5, 2);
        long[] prefix = Arrays.copyOf(a, 2);
        Arrays.sort(prefix);
        assertArrayEquals(new long[] {1, 2}, prefix);
        assertArrayEquals(new long[] {-5, -6}, Arrays.copyOfRange(a, 5, 7));
    }

    private static long key(float score, int index) {
        return RankKeys.key(RankKeys.sortableBits(score), index);
    }

    private static long[] sorted(int n) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = key(i, i);
        }
        return a;
    }

    private static long[] reversed(int n) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = key(n - i, i);
        }
        return a;
    }

    private static long[] organPipe(int n) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = key(Math.min(i, n - i), i);
        }
        return a;
    }

    private static long[] shuffled(int n, Random rnd) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = key(rnd.nextFloat() - 0.5f, i);
        }
        return a;
    }

    private static long[] fewDistinctScores(int n, Random rnd) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = key(rnd.nextInt(3), i);
        }
        return a;
    }
}
