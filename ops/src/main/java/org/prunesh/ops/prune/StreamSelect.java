package org.prunesh.ops.prune;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The stage chain over a group whose every stage scores units by the absolute value of an array
 * the layers already hold ({@link UnitLayer#absolute}: magnitude and gradient, so FGGP), without
 * pool arrays. Stage k's pool is implicit: the active units whose key by every earlier stage is at
 * most that stage's cut. So a stage is one pass counting the {@link LowestSelect#bucket} histogram
 * of its pool and one collecting the boundary bucket's keys, both reading only the mask and the
 * score arrays, split across the cores; the last stage's pass also writes the output masks, so the
 * picked units are never listed.
 * {@link ChainSelect#pooled}'s arrays (two ints per active unit, compacted at every stage) cost
 * several times as much on ResNet-50's 25.5 M weights. The cuts are the same keys (score bits,
 * group index), so the masks are the same bit for bit ({@code StreamSelectTest},
 * {@code MaskSelectorReferenceTest}).
 */
final class StreamSelect {

    /**
     * Whether the passes are vectorised ({@link BracketCut}): when the Vector API module is there
     * (the launcher and the tests add it). Tests switch it off to run the histogram and the scalar write.
     */
    static volatile boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private StreamSelect() {
    }

    /** Whether every stage reads its scores straight from arrays of every layer of {@code group}. */
    static boolean applies(List<UnitLayer> group, Selection selection) {
        for (Stage stage : selection.stages()) {
            for (UnitLayer layer : group) {
                if (layer.absolute(stage.score()) == null) return false;
            }
        }
        return true;
    }

    /**
     * The units {@link ChainSelect#lowest} picks, for {@code 1 <= prune <= active} and a group for
     * which {@link #applies} holds; {@code into} as there.
     */
    static Cut lowest(List<UnitLayer> group, int prune, int active, Selection selection, SelectionContext context,
                      Map<String, boolean[]> into) {
        Chain chain = new Chain(group, selection);
        if (into != null) {
            chain.out = new boolean[chain.layers][];
            for (int l = 0; l < chain.layers; l++) chain.out[l] = into.get(group.get(l).name());
        }
        int size = active;
        for (int k = 0; k < chain.stages; k++) {
            Stage stage = selection.stages().get(k);
            long keep = stage.isLast() ? prune : Math.min(size, stage.pool().poolSize(prune, active, context));
            chain.cuts[k] = keep < size ? chain.cut(k, (int) keep, size) : Long.MAX_VALUE;
            size = (int) Math.min(keep, size);
        }
        return new Cut(chain, size);
    }

    /**
     * The picked units as the chain's cuts define them: the active units whose key by every stage is
     * at most that stage's cut. Listing 7.6 M of ResNet-50's units took longer than a cut (a store
     * per unit whether picked or not, as JDK 17 has no vector compress); writing the masks is one
     * streaming pass.
     */
    record Cut(Chain chain, int count) implements ChainSelect.Pick {

        @Override
        public int[] countPerLayer(List<UnitLayer> group) {
            int[][] perPart = new int[chain.parts][chain.layers];
            IntStream.range(0, chain.parts).parallel().forEach(p -> chain.forPart(p, (l, from, to) -> {
                int n = 0;
                for (int i = from, index = chain.offsets[l] + from; i < to; i++, index++) {
                    n += chain.member(l, i, index, chain.stages);
                }
                perPart[p][l] += n;
            }));
            int[] counts = new int[chain.layers];
            for (int[] part : perPart) {
                for (int l = 0; l < counts.length; l++) counts[l] += part[l];
            }
            return counts;
        }

        /**
         * {@code group} is the one the chain was built on (single tensors), and {@code masks} hold
         * copies of their active units, as {@link MaskSelector} starts them. The masks the last cut
         * wrote (into these, when asked to, or into arrays of its own) take their place, once; a
         * second call, or a cut that did not write them, writes them in one pass.
         */
        @Override
        public void apply(List<UnitLayer> group, Map<String, boolean[]> masks) {
            if (chain.kept != null) {
                for (int l = 0; l < chain.layers; l++) masks.put(group.get(l).name(), chain.kept[l]);
                chain.kept = null;
                return;
            }
            boolean[][] out = new boolean[chain.layers][];
            for (int l = 0; l < out.length; l++) out[l] = masks.get(group.get(l).name());
            IntStream.range(0, chain.parts).parallel().forEach(p -> chain.forPart(p, (l, from, to) -> {
                if (vector) {
                    BracketCut.keep(chain, out[l], l, from, to);
                    return;
                }
                boolean[] active = chain.active[l];
                for (int i = from, index = chain.offsets[l] + from; i < to; i++, index++) {
                    out[l][i] = active[i] & chain.member(l, i, index, chain.stages) == 0;
                }
            }));
        }
    }

    /** The group's arrays, the cuts found so far, and passes over the units split in parts. */
    static final class Chain {
        final int stages, layers;
        final float[][][] scores;
        final boolean[][] active;
        final int[] offsets;
        final long total;
        final long[] cuts;
        /**
         * Four per core, so that a core other work slows hands its parts to the others; at most 64,
         * as the histogram passes hold a 256 kB count array per part.
         */
        final int parts = Math.min(64, 4 * Math.max(1, Runtime.getRuntime().availableProcessors()));
        /**
         * The output masks when the last stage's cut wrote them ({@link BracketCut}), else null:
         * each layer's active units less the picked ones.
         */
        boolean[][] kept;
        /** The output masks the last cut writes into, or null for arrays of its own. */
        boolean[][] out;

        Chain(List<UnitLayer> group, Selection selection) {
            stages = selection.stages().size();
            layers = group.size();
            scores = new float[stages][layers][];
            active = new boolean[layers][];
            offsets = new int[layers];
            cuts = new long[stages];
            long offset = 0;
            for (int l = 0; l < layers; l++) {
                UnitLayer layer = group.get(l);
                active[l] = layer.active();
                offsets[l] = (int) offset;
                offset += layer.units();
                for (int k = 0; k < stages; k++) scores[k][l] = layer.absolute(selection.stages().get(k).score());
            }
            total = offset;
        }

        /**
         * 1 if unit {@code i} of layer {@code l} (group index {@code index}) is active and in the pool
         * after stage {@code k - 1}, else 0. Without branches: pool membership is a coin toss per unit,
         * and mispredicted branches made these passes 3-6x slower.
         */
        int member(int l, int i, int index, int k) {
            int in = active[l][i] ? 1 : 0;
            for (int j = 0; j < k; j++) {
                in &= RankKeys.key(RankKeys.absoluteBits(scores[j][l][i]), index) <= cuts[j] ? 1 : 0;
            }
            return in;
        }

        /**
         * The key of the {@code keep}-th lowest unit by stage {@code k} in the pool after stage
         * {@code k - 1}, for {@code keep} at least 1 and below the pool's size.
         */
        long cut(int k, int keep, int size) {
            if (vector) {
                long cut = BracketCut.cut(this, k, keep, size);
                if (cut != BracketCut.MISSED) return cut;
            }
            int[][] partCounts = new int[parts][];
            IntStream.range(0, parts).parallel().forEach(p -> {
                int[] counts = new int[LowestSelect.BUCKETS];
                forPart(p, (l, from, to) -> {
                    float[] s = scores[k][l];
                    for (int i = from, index = offsets[l] + from; i < to; i++, index++) {
                        counts[LowestSelect.bucket(RankKeys.absoluteBits(s[i]))] += member(l, i, index, k);
                    }
                });
                partCounts[p] = counts;
            });
            int[] counts = new int[LowestSelect.BUCKETS];
            for (int[] c : partCounts) {
                for (int b = 0; b < counts.length; b++) counts[b] += c[b];
            }
            int below = 0;
            int boundary = 0;
            while (below + counts[boundary] < keep) below += counts[boundary++];
            int bucket = boundary;
            // each part writes its boundary keys at its own offset, in index order
            long[] keys = new long[counts[bucket]];
            int[] at = new int[parts];
            for (int p = 1; p < parts; p++) at[p] = at[p - 1] + partCounts[p - 1][bucket];
            IntStream.range(0, parts).parallel().forEach(p -> {
                int[] n = {at[p]};
                forPart(p, (l, from, to) -> {
                    float[] s = scores[k][l];
                    for (int i = from, index = offsets[l] + from; i < to; i++, index++) {
                        int bits = RankKeys.absoluteBits(s[i]);
                        if (LowestSelect.bucket(bits) == bucket && member(l, i, index, k) == 1) {
                            keys[n[0]++] = RankKeys.key(bits, index);
                        }
                    }
                });
            });
            int need = keep - below;
            return RankKeys.kthSmallest(keys, keys.length, need);
        }

        /** Runs {@code body} over part {@code p} of the group's units, layer by layer. */
        void forPart(int p, Segment body) {
            long from = total * p / parts, to = total * (p + 1) / parts;
            for (int l = 0; l < layers; l++) {
                long start = offsets[l], end = start + active[l].length;
                if (end <= from || start >= to) continue;
                body.run(l, (int) (Math.max(from, start) - start), (int) (Math.min(to, end) - start));
            }
        }
    }

    /** Units {@code [from, to)} of layer {@code l}. */
    interface Segment {
        void run(int l, int from, int to);
    }
}
