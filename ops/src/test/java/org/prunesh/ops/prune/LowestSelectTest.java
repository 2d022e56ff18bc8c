package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LowestSelectTest {

    @Test
    void keepsTheLowestInIndexOrderOnASmallList() {
        // scores by index: 3, 1, 2, 1, 0, 2 -> the 3 lowest are 4 (0), 1 (1), 3 (1)
        int[] index = {10, 11, 12, 13, 14, 15};
        int[] bits = sortable(3, 1, 2, 1, 0, 2);
        assertEquals(3, LowestSelect.keepLowest(index, bits, 6, 3));
        assertArrayEquals(new int[] {11, 13, 14}, Arrays.copyOf(index, 3));
        assertArrayEquals(sortable(1, 1, 0), Arrays.copyOf(bits, 3));
        assertEquals(2, LowestSelect.keepLowest(index, bits, 3, 2));
        assertArrayEquals(new int[] {11, 14}, Arrays.copyOf(index, 2), "tie at score 1: index 11 before 13");
    }

    @Test
    void boundsOfP() {
        int[] index = {0, 1, 2};
        int[] bits = sortable(5, 4, 3);
        assertEquals(0, LowestSelect.keepLowest(index, bits, 3, 0));
        assertEquals(3, LowestSelect.keepLowest(index, bits, 3, 7));
        assertArrayEquals(new int[] {0, 1, 2}, index);
    }

    @Test
    void histogramPathMatchesAFullSort() {
        Random rnd = new Random(3);
        int m = 200_000;
        float[][] families = {new float[m], new float[m], new float[m]};
        for (int j = 0; j < m; j++) {
            families[0][j] = (float) rnd.nextGaussian();          // spread over many buckets
            families[1][j] = rnd.nextInt(4) * 1e-3f;              // a few heavy ties
            families[2][j] = 0.25f;                               // one bucket holds everything
        }
        for (float[] scores : families) {
            for (int p : new int[] {1, 12_345, m / 2, m - 1}) {
                int[] index = new int[m];
                int[] bits = new int[m];
                long[] keys = new long[m];
                for (int j = 0; j < m; j++) {
                    index[j] = 3 * j + 1;
                    bits[j] = RankKeys.sortableBits(scores[j]);
                    keys[j] = RankKeys.key(bits[j], index[j]);
                }
                Arrays.sort(keys);
                int[] expected = new int[p];
                for (int j = 0; j < p; j++) {
                    expected[j] = RankKeys.index(keys[j]);
                }
                Arrays.sort(expected);
                assertEquals(p, LowestSelect.keepLowest(index, bits, m, p));
                assertArrayEquals(expected, Arrays.copyOf(index, p), "p=" + p);
            }
        }
    }

    private static int[] sortable(float... scores) {
        int[] bits = new int[scores.length];
        for (int j = 0; j < scores.length; j++) {
            bits[j] = RankKeys.sortableBits(scores[j]);
        }
        return bits;
    }
}
