package org.prunesh.ops.prune;

/**
 * Narrows a candidate list to its p lowest by (score, index), exactly, in a few sequential passes.
 *
 * <p>A histogram of the high 16 bits of the sortable scores finds the bucket holding the p-th lowest;
 * everything below that bucket is kept outright, and only the boundary bucket is ranked exactly (by
 * quickselect on packed keys, so ties go to the lower index), giving the key of the p-th lowest. A
 * final pass compacts the candidates up to that key in place, preserving their ascending index order.
 * A caller that writes the scores can count the histogram as it goes, and one that passes over the
 * candidates anyway can drop those above the key then ({@link ChainSelect} does both), leaving one
 * pass here. Expected cost
 * O(m) with no per-element branch-heavy partitioning over the whole list, which is what makes a 25 M weight
 * pruning step cost a few streaming passes.
 */
final class LowestSelect {

    /** Below this many candidates the histogram does not pay for itself; rank them all as one bucket. */
    static final int SMALL = 1 << 14;
    static final int BUCKETS = 1 << 16;

    private LowestSelect() {
    }

    /**
     * Keeps, of the candidates {@code index[0, m)} (ascending) with sortable scores {@code bits[0, m)}
     * (see {@link RankKeys#sortableBits}), the p lowest by (score, index), compacted in place at the
     * front of both arrays in ascending index order. Returns the new count, {@code min(max(p, 0), m)}.
     */
    static int keepLowest(int[] index, int[] bits, int m, int p) {
        return keepLowest(index, bits, m, p, null);
    }

    /**
     * The same, given the {@link #bucket} histogram of {@code bits[0, m)} when the caller counted it
     * while writing the scores (saving a pass), or null.
     */
    static int keepLowest(int[] index, int[] bits, int m, int p, int[] counts) {
        if (p <= 0) {
            return 0;
        }
        if (p >= m) {
            return m;
        }
        long threshold = threshold(index, bits, m, p, counts);
        int kept = 0;
        for (int j = 0; j < m; j++) {
            if (RankKeys.key(bits[j], index[j]) <= threshold) {
                index[kept] = index[j];
                bits[kept] = bits[j];
                kept++;
            }
        }
        return kept;
    }

    /**
     * The {@link RankKeys#key} of the p-th lowest candidate, for {@code 1 <= p < m}: the p lowest are
     * exactly those whose key is at most it (keys are distinct). A caller can then drop the others
     * while it passes over the candidates anyway. {@code counts} as for {@link #keepLowest}.
     */
    static long threshold(int[] index, int[] bits, int m, int p, int[] counts) {
        if (m < SMALL) {
            return smallest(index, bits, m, Integer.MIN_VALUE, false, p, m);
        }
        if (counts == null) {
            counts = new int[BUCKETS];
            for (int j = 0; j < m; j++) {
                counts[bucket(bits[j])]++;
            }
        }
        int below = 0;
        int boundary = 0;
        while (below + counts[boundary] < p) {
            below += counts[boundary++];
        }
        return smallest(index, bits, m, boundary - (BUCKETS >> 1), true, p - below, counts[boundary]);
    }

    /**
     * The key of the {@code need}-th lowest candidate among those whose high 16 score bits equal
     * {@code high} ({@code size} of them), or among all candidates when {@code inBucket} is false.
     */
    private static long smallest(int[] index, int[] bits, int m, int high, boolean inBucket, int need, int size) {
        long[] keys = new long[size];
        int k = 0;
        for (int j = 0; j < m; j++) {
            if (!inBucket || bits[j] >> 16 == high) {
                keys[k++] = RankKeys.key(bits[j], index[j]);
            }
        }
        return RankKeys.kthSmallest(keys, size, need);
    }

    /** The high 16 bits of a sortable score as an unsigned bucket, in score order. */
    static int bucket(int sortableBits) {
        return (sortableBits >> 16) + (BUCKETS >> 1);
    }
}
