package org.prunesh.ops.prune;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The stage chain over one group of layers ranked together: which N_p active units it prunes.
 *
 * <p>The pool is two primitive {@code int} arrays of size R (group unit indices — layer offset plus
 * unit index — kept ascending, and scores mapped to order-preserving ints); each stage scores the
 * group one layer at a time and narrows the pool in a few sequential passes ({@link LowestSelect}). The
 * first stage builds the pool, its scores and their histogram in one pass; a later stage drops what the
 * previous one cut, scores the rest and counts their histogram in one pass. Scores that are absolute
 * values of the weights or gradients ({@link Score#absoluteOf}) are read from those arrays, not from a
 * computed copy. No sort of all units, no boxing.
 */
final class ChainSelect {

    /** The units a chain prunes from a group, as the scopes use them. */
    sealed interface Pick permits Picked, StreamSelect.Cut {

        /** How many units it prunes. */
        int count();

        /** How many units of each layer of {@code group} it prunes, in group order. */
        int[] countPerLayer(List<UnitLayer> group);

        /** Clears the picked units' elements in the output masks, keyed by tensor name. */
        void apply(List<UnitLayer> group, Map<String, boolean[]> masks);
    }

    /** The units to prune listed: group indices {@code units[0, count)}, ascending. */
    record Picked(int[] units, int count) implements Pick {
        static final Picked NONE = new Picked(new int[0], 0);

        @Override
        public int[] countPerLayer(List<UnitLayer> group) {
            int[] counts = new int[group.size()];
            int j = 0;
            int end = 0;
            for (int l = 0; l < group.size(); l++) {
                int start = j;
                end += group.get(l).units();
                while (j < count && units[j] < end) {
                    j++;
                }
                counts[l] = j - start;
            }
            return counts;
        }

        @Override
        public void apply(List<UnitLayer> group, Map<String, boolean[]> masks) {
            int j = 0;
            int offset = 0;
            for (UnitLayer layer : group) {
                int end = offset + layer.units();
                int start = j;
                while (j < count && units[j] < end) {
                    j++;
                }
                layer.prune(masks, units, start, j, offset);
                offset = end;
            }
        }
    }

    private ChainSelect() {
    }

    /**
     * The {@code np} units the chain prunes from the active units of {@code group} (all of them when
     * np ≥ R, none when np ≤ 0). Stage k keeps {@code P_k = min(P_{k−1}, rule_k(N_p, R))} lowest by its
     * score; the last stage keeps the N_p lowest of the final pool. When anything is pruned, every
     * layer is scored at every stage, so a missing input (gradients) fails the same way whatever the
     * pool holds.
     *
     * <p>{@code into}, when given, holds the output masks the pick is then applied to: the streaming
     * chain writes them in its last pass instead of allocating its own (one mask-sized allocation
     * less per step). A pick that may be dropped unapplied must be asked for without it.
     */
    static Pick lowest(List<UnitLayer> group, long np, Selection selection, SelectionContext context,
                       Map<String, boolean[]> into) {
        int active = 0;
        for (UnitLayer layer : group) {
            active += layer.activeCount();
        }
        int prune = (int) Math.min(active, np);
        if (prune <= 0) {
            return Picked.NONE;
        }
        if (active >= LowestSelect.SMALL && StreamSelect.applies(group, selection)) {
            return StreamSelect.lowest(group, prune, active, selection, context, into);
        }
        return pooled(group, prune, active, selection, context);
    }

    /** {@link #lowest} with the pool in arrays, for {@code 1 <= prune <= active}: any score, any unit. */
    static Picked pooled(List<UnitLayer> group, int prune, int active, Selection selection, SelectionContext context) {
        int[] pool = new int[active];
        int[] bits = new int[active];
        int[] counts = active >= LowestSelect.SMALL ? new int[LowestSelect.BUCKETS] : null;
        // pool[0, listed) holds the previous stage's pool and its scores; those with a key above
        // `cut` fell out of it and are dropped while the next stage scores the rest.
        int listed = 0;
        int size = active;
        long cut = Long.MAX_VALUE;
        List<Stage> stages = selection.stages();
        for (int k = 0; k < stages.size(); k++) {
            Stage stage = stages.get(k);
            int[] histogram = size >= LowestSelect.SMALL ? counts : null;
            if (histogram != null && k > 0) {
                Arrays.fill(histogram, 0);
            }
            listed = k == 0 ? scoreActive(group, stage.score(), pool, bits, histogram)
                    : scorePool(group, stage.score(), pool, bits, listed, cut, histogram);
            size = listed;
            if (stage.isLast()) {
                size = LowestSelect.keepLowest(pool, bits, listed, prune, histogram);
            } else {
                long keep = Math.min(size, stage.pool().poolSize(prune, active, context));
                cut = keep < size ? LowestSelect.threshold(pool, bits, listed, (int) keep, histogram) : Long.MAX_VALUE;
                size = (int) keep;
            }
        }
        return new Picked(pool, size);
    }

    /**
     * The first stage: fills the pool with every active unit, in group order, and {@code bits} with
     * their sortable scores, counting the {@link LowestSelect#bucket} histogram when one is given, all
     * in one pass per layer. Returns the pool's size.
     */
    private static int scoreActive(List<UnitLayer> group, Score score, int[] pool, int[] bits, int[] counts) {
        int size = 0;
        int offset = 0;
        for (UnitLayer layer : group) {
            float[] absolute = layer.absolute(score);
            boolean direct = absolute != null;
            float[] s = direct ? absolute : layer.scores(score);
            boolean[] candidate = layer.active();
            int units = layer.units();
            for (int i = 0; i < units; i++) {
                if (candidate[i]) {
                    int b = direct ? RankKeys.absoluteBits(s[i]) : RankKeys.sortableBits(s[i]);
                    pool[size] = offset + i;
                    bits[size] = b;
                    size++;
                    if (counts != null) {
                        counts[LowestSelect.bucket(b)]++;
                    }
                }
            }
            offset += units;
        }
        return size;
    }

    /**
     * A later stage: keeps, of the {@code listed} units, those the previous stage kept (key at most
     * {@code cut}), compacted in order, with {@code bits} now their sortable scores by {@code score}
     * (counting the histogram when one is given); one layer's scores alive at a time. Returns how many
     * were kept.
     */
    private static int scorePool(List<UnitLayer> group, Score score, int[] pool, int[] bits, int listed, long cut,
                                 int[] counts) {
        int j = 0;
        int kept = 0;
        int offset = 0;
        for (UnitLayer layer : group) {
            float[] absolute = layer.absolute(score);
            boolean direct = absolute != null;
            float[] s = direct ? absolute : layer.scores(score);
            int end = offset + layer.units();
            for (; j < listed && pool[j] < end; j++) {
                int unit = pool[j];
                if (RankKeys.key(bits[j], unit) <= cut) {
                    int b = direct ? RankKeys.absoluteBits(s[unit - offset]) : RankKeys.sortableBits(s[unit - offset]);
                    pool[kept] = unit;
                    bits[kept] = b;
                    kept++;
                    if (counts != null) {
                        counts[LowestSelect.bucket(b)]++;
                    }
                }
            }
            offset = end;
        }
        return kept;
    }
}
