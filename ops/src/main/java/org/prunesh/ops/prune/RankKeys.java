package org.prunesh.ops.prune;

import java.util.Arrays;

/**
 * Candidates as primitive {@code long} keys: the score in the high 32 bits, mapped to an int whose
 * signed order is the score's order, and the element's index in the low 32 bits. Keys are
 * therefore distinct, and ascending key order is "lowest score first, lower index on ties" — the
 * deterministic tie-break — with no boxing and no comparator.
 */
final class RankKeys {

    /** Below this size a range is finished by insertion sort. */
    private static final int SMALL = 16;

    private RankKeys() {
    }

    /**
     * {@code sortableBits(Math.abs(value))} without computing the absolute value: clearing the sign
     * bit of the canonical bits folds -0.0 onto 0.0 and every NaN onto the one NaN, as there.
     */
    static int absoluteBits(float value) {
        return Float.floatToIntBits(value) & 0x7fffffff;
    }

    /** The key of a score already mapped by {@link #sortableBits}. */
    static long key(int sortableBits, int index) {
        return ((long) sortableBits << 32) | index;
    }

    static int index(long key) {
        return (int) key;
    }

    /**
     * The float's total order as a signed int: -0.0 is folded onto 0.0, NaNs onto one value above
     * +infinity; negative floats have their magnitude bits flipped so that larger magnitudes sort lower.
     */
    static int sortableBits(float score) {
        int bits = Float.floatToIntBits(score + 0.0f);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    /**
     * The k-th smallest of the distinct keys {@code a[0, n)}, for {@code 1 <= k <= n}, leaving the k
     * smallest in {@code a[0, k)} ({@link #selectSmallest}): the p lowest candidates are exactly those
     * whose key is at most it.
     */
    static long kthSmallest(long[] a, int n, int k) {
        selectSmallest(a, n, k);
        long kth = Long.MIN_VALUE;
        for (int j = 0; j < k; j++) kth = Math.max(kth, a[j]);
        return kth;
    }

    /**
     * Rearranges {@code a[0, n)} so that {@code a[0, k)} holds its k smallest keys, in no particular
     * order. Quickselect with a median-of-three pivot, expected O(n); if the range shrinks too slowly
     * (an adversarial order) the rest is sorted, so the worst case is O(n log n).
     */
    static void selectSmallest(long[] a, int n, int k) {
        if (k <= 0 || k >= n) {
            return;
        }
        int nth = k - 1;
        int lo = 0;
        int hi = n - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(n));
        while (hi - lo >= SMALL) {
            if (budget-- == 0) {
                Arrays.sort(a, lo, hi + 1);
                return;
            }
            long pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            // Now a[lo..j] <= pivot <= a[i..hi]; anything strictly between equals the pivot.
            if (nth <= j) {
                hi = j;
            } else if (nth >= i) {
                lo = i;
            } else {
                return;
            }
        }
        insertionSort(a, lo, hi);
    }

    private static long medianOfThree(long x, long y, long z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }

    private static void insertionSort(long[] a, int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            long v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}
