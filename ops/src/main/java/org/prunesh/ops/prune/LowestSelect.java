package org.prunesh.ops.prune;

/**
 * Narrows a candidate list to its p lowest by (score, index), exactly, in a few sequential passes.
 *
 * <p>A histogram of the high 16 bits of the sortable scores finds the bucket holding the p-th lowest;
 * everything below that bucket is kept outright, and only the boundary bucket is ranked exactly (by
 * quickselect on packed keys, so ties go to the lower index). A final pass compacts the kept
 * candidates in place, preserving their ascending index order. Expected cost O(m) with no
 * per-element branch-heavy partitioning over the whole list, which is what makes a 25 M weight
 * pruning step cost a few streaming passes.
 */
final class LowestSelect {

    /** Below this many candidates the histogram does not pay for itself; rank them all as one bucket. */
    private static final int SMALL = 1 << 14;
    private static final int BUCKETS = 1 << 16;

    private LowestSelect() {
    }

    /**
     * Keeps, of the candidates {@code index[0, m)} (ascending) with sortable scores {@code bits[0, m)}
     * (see {@link RankKeys#sortableBits}), the p lowest by (score, index), compacted in place at the
     * front of both arrays in ascending index order. Returns the new count, {@code min(max(p, 0), m)}.
     */
    static int keepLowest(int[] index, int[] bits, int m, int p) {
        if (p >= m) {
            return m;
        }
        if (p <= 0) {
            return 0;
        }
        int boundary;
        int need;
        if (m < SMALL) {
            boundary = -1;
            need = p;
        } else {
            int[] counts = new int[BUCKETS];
            for (int j = 0; j < m; j++) {
                counts[bucket(bits[j])]++;
            }
            int below = 0;
            boundary = 0;
            while (below + counts[boundary] < p) {
                below += counts[boundary++];
            }
            need = p - below;
        }
        long threshold = boundaryThreshold(index, bits, m, boundary, need);
        int kept = 0;
        for (int j = 0; j < m; j++) {
            int b = boundary < 0 ? -1 : bucket(bits[j]);
            if (b < boundary || (b == boundary && RankKeys.key(bits[j], index[j]) <= threshold)) {
                index[kept] = index[j];
                bits[kept] = bits[j];
                kept++;
            }
        }
        return kept;
    }

    /** The key of the {@code need}-th lowest candidate of the boundary bucket (every candidate when it is -1). */
    private static long boundaryThreshold(int[] index, int[] bits, int m, int boundary, int need) {
        int size = 0;
        for (int j = 0; j < m; j++) {
            if (boundary < 0 || bucket(bits[j]) == boundary) {
                size++;
            }
        }
        long[] keys = new long[size];
        int k = 0;
        for (int j = 0; j < m; j++) {
            if (boundary < 0 || bucket(bits[j]) == boundary) {
                keys[k++] = RankKeys.key(bits[j], index[j]);
            }
        }
        RankKeys.selectSmallest(keys, size, need);
        long threshold = Long.MIN_VALUE;
        for (int j = 0; j < need; j++) {
            threshold = Math.max(threshold, keys[j]);
        }
        return threshold;
    }

    /** The high 16 bits of a sortable score as an unsigned bucket, in score order. */
    private static int bucket(int sortableBits) {
        return (sortableBits >> 16) + (BUCKETS >> 1);
    }
}
