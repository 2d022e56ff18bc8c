package org.prunesh.ops.prune;

import java.util.List;
import java.util.Map;

/**
 * The stage chain over one group of layers ranked together: which N_p active units it prunes.
 *
 * <p>The pool is two primitive {@code int} arrays of size R (group unit indices — layer offset plus
 * unit index — kept ascending, and scores mapped to order-preserving ints); each stage scores the
 * group one layer at a time and narrows the pool in a few sequential passes ({@link LowestSelect}).
 * No sort of all units, no boxing.
 */
final class ChainSelect {

    /** The units to prune: group indices {@code units[0, count)}, ascending. */
    record Picked(int[] units, int count) {
        static final Picked NONE = new Picked(new int[0], 0);
    }

    private ChainSelect() {
    }

    /**
     * The {@code np} units the chain prunes from the active units of {@code group} (all of them when
     * np ≥ R, none when np ≤ 0). Stage k keeps {@code P_k = min(P_{k−1}, rule_k(N_p, R))} lowest by its
     * score; the last stage keeps the N_p lowest of the final pool. When anything is pruned, every
     * layer is scored at every stage, so a missing input (gradients) fails the same way whatever the
     * pool holds.
     */
    static Picked lowest(List<UnitLayer> group, long np, Selection selection, SelectionContext context) {
        int active = 0;
        for (UnitLayer layer : group) {
            active += layer.activeCount();
        }
        int prune = (int) Math.min(active, np);
        if (prune <= 0) {
            return Picked.NONE;
        }
        int[] pool = new int[active];
        int[] bits = new int[active];
        int size = 0;
        int offset = 0;
        for (UnitLayer layer : group) {
            boolean[] candidate = layer.active();
            int units = layer.units();
            for (int i = 0; i < units; i++) {
                if (candidate[i]) {
                    pool[size++] = offset + i;
                }
            }
            offset += units;
        }
        for (Stage stage : selection.stages()) {
            scorePool(group, stage.score(), pool, bits, size);
            long keep = stage.isLast() ? prune : Math.min(size, stage.pool().poolSize(prune, active, context));
            size = LowestSelect.keepLowest(pool, bits, size, (int) keep);
        }
        return new Picked(pool, size);
    }

    /** Sets {@code bits[j]} to the sortable score of pool unit {@code pool[j]}, one layer's scores alive at a time. */
    private static void scorePool(List<UnitLayer> group, Score score, int[] pool, int[] bits, int size) {
        int j = 0;
        int offset = 0;
        for (UnitLayer layer : group) {
            float[] s = layer.scores(score);
            int end = offset + layer.units();
            for (; j < size && pool[j] < end; j++) {
                bits[j] = RankKeys.sortableBits(s[pool[j] - offset]);
            }
            offset = end;
        }
    }

    /** How many units of each layer of {@code group} the pick prunes, in group order. */
    static int[] countPerLayer(List<UnitLayer> group, Picked picked) {
        int[] counts = new int[group.size()];
        int j = 0;
        int end = 0;
        for (int l = 0; l < group.size(); l++) {
            int start = j;
            end += group.get(l).units();
            while (j < picked.count() && picked.units()[j] < end) {
                j++;
            }
            counts[l] = j - start;
        }
        return counts;
    }

    /** Clears the picked units' elements in the output masks, keyed by tensor name. */
    static void apply(List<UnitLayer> group, Picked picked, Map<String, boolean[]> masks) {
        int j = 0;
        int offset = 0;
        for (UnitLayer layer : group) {
            int end = offset + layer.units();
            int start = j;
            while (j < picked.count() && picked.units()[j] < end) {
                j++;
            }
            layer.prune(masks.get(layer.tensor().name()), picked.units(), start, j, offset);
            offset = end;
        }
    }
}
