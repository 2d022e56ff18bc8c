package org.prunesh.ops.prune;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A stage's cut ({@link StreamSelect.Chain#cut}) in one vectorised pass instead of a histogram
 * pass and a boundary pass: a sample of the pool brackets the cut's score between two values, one
 * pass counts the pool's units below the bracket and collects those inside it (a few percent), and
 * the cut is ranked exactly among those. The histogram's random increments do not vectorise; the
 * counting does. When the sample's bracket misses the cut (a very skewed pool), the histogram runs.
 * Needs the Vector API module: {@link StreamSelect#vector} says whether to use it, and this class
 * is not loaded otherwise.
 *
 * <p>The last stage's pass also writes the output masks ({@link StreamSelect.Chain#kept}): a unit
 * below the bracket is picked, one above it is not, and only the few inside it are settled once
 * the cut is known. So no pass of its own writes the masks.
 */
final class BracketCut {

    /** Returned when the bracket did not hold the cut; never a key (keys are non-negative). */
    static final long MISSED = Long.MIN_VALUE;

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final int LANES = I.length();
    private static final int NAN_BITS = Float.floatToIntBits(Float.NaN), INFINITY_BITS = 0x7f800000;
    private static final IntVector ZERO = IntVector.zero(I), IOTA = ZERO.addIndex(1);
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;
    /** One byte per int lane: the masks are written as 0/1 bytes of this shape. */
    private static final VectorSpecies<Byte> MASK_BYTES = VectorSpecies.of(byte.class, VectorShape.forBitSize(LANES * 8));
    /** Units the bracket is estimated from, taken in runs of neighbours spread evenly over the group. */
    static final int SAMPLES = 1 << 16, RUN = 64;
    /** Below this many sampled pool units the bracket is too loose to pay; the histogram runs. */
    private static final int MIN_SAMPLED = 2048;

    private BracketCut() {
    }

    /** {@link StreamSelect.Chain#cut}'s result, or {@link #MISSED}. */
    static long cut(StreamSelect.Chain chain, int k, int keep, int size) {
        long[] sample = sample(chain, k);
        if (sample.length < MIN_SAMPLED || F.length() != LANES) return MISSED;
        double q = (double) keep / size, n = sample.length;
        // four standard errors of the sample quantile, and some for neighbours in a run being worth
        // less than independent draws; a miss costs the histogram's two passes, not a wrong cut
        double slack = 4 * Math.sqrt(q * (1 - q) / n) + 8 / n;
        int loAt = (int) Math.floor((q - slack) * n) - 1, hiAt = (int) Math.ceil((q + slack) * n);
        // the two order statistics by selection, not a sort of the sample: hiAt's first, then loAt's among those below it
        int hi = hiAt >= sample.length ? Integer.MAX_VALUE : bits(RankKeys.kthSmallest(sample, sample.length, hiAt + 1));
        int lo = loAt < 0 ? Integer.MIN_VALUE : bits(RankKeys.kthSmallest(sample, Math.min(hiAt + 1, sample.length), loAt + 1));

        int parts = chain.parts;
        int[] below = new int[parts];
        long[][] keys = new long[parts][];
        int[] found = new int[parts];
        boolean[][] kept = k < chain.stages - 1 ? null : chain.out != null ? chain.out : new boolean[chain.layers][];
        if (kept != null && chain.out == null) {
            for (int l = 0; l < kept.length; l++) kept[l] = new boolean[chain.active[l].length];
        }
        boolean canonical = hi > INFINITY_BITS || nanCut(chain, k);
        IntStream.range(0, parts).parallel().forEach(p -> {
            Collector c = new Collector(canonical);
            chain.forPart(p, (l, from, to) -> c.count(chain, k, l, from, to, lo, hi, kept == null ? null : kept[l]));
            below[p] = c.below;
            keys[p] = c.keys;
            found[p] = c.n;
        });
        long under = 0, inside = 0;
        for (int p = 0; p < parts; p++) {
            under += below[p];
            inside += found[p];
        }
        if (under >= keep || under + inside < keep) return MISSED;
        // the parts' keys side by side are in group order; the cut is ranked on a copy
        long[] all = new long[(int) inside];
        int at = 0;
        for (int p = 0; p < parts; p++) {
            System.arraycopy(keys[p], 0, all, at, found[p]);
            at += found[p];
        }
        long cut = RankKeys.kthSmallest(all.clone(), all.length, (int) (keep - under));
        if (kept != null) {
            // the keys inside the bracket up to the cut are picked too; in group order, the layers follow on
            int l = 0;
            for (long key : all) {
                if (key > cut) continue;
                int index = RankKeys.index(key);
                while (index >= chain.offsets[l] + chain.active[l].length) l++;
                kept[l][index - chain.offsets[l]] = false;
            }
            chain.kept = kept;
        }
        return cut;
    }

    /**
     * Stage k's score bits of the pool units among {@link #SAMPLES} spread over the group in runs of
     * {@link #RUN} neighbours (a run costs a few cache lines, a lone unit one miss each), as keys
     * with their position in the sample (distinct, as selection needs).
     */
    private static long[] sample(StreamSelect.Chain chain, int k) {
        long[] sample = new long[SAMPLES];
        int n = 0, l = 0, next = 0;
        int runs = SAMPLES / RUN;
        for (int r = 0; r < runs; r++) {
            // runs overlap in a group of fewer than SAMPLES units: each unit once, in order
            int start = Math.max(next, (int) (chain.total * r / runs));
            next = (int) Math.min(chain.total, start + RUN);
            for (int index = start; index < next; index++) {
                while (index >= chain.offsets[l] + chain.active[l].length) l++;
                int i = index - chain.offsets[l];
                if (chain.member(l, i, index, k) == 1) {
                    sample[n] = RankKeys.key(RankKeys.absoluteBits(chain.scores[k][l][i]), n);
                    n++;
                }
            }
        }
        return Arrays.copyOf(sample, n);
    }

    /** The score bits of a key. */
    private static int bits(long key) {
        return (int) (key >>> 32);
    }

    /** One part's count of pool units below the bracket and keys of those inside it. */
    private static final class Collector {
        int below;
        long[] keys = new long[1024];
        int n;
        final int[] lanes = new int[LANES], flags = new int[LANES];
        /** Whether NaNs' bits must be folded onto the one NaN ({@link #bits}). */
        final boolean canonical;

        Collector(boolean canonical) {
            this.canonical = canonical;
        }

        /** Also writes {@code out} (when not null): active and not in the pool below the bracket. */
        void count(StreamSelect.Chain chain, int k, int l, int from, int to, int lo, int hi, boolean[] out) {
            float[] score = chain.scores[k][l];
            boolean[] active = chain.active[l];
            int base = chain.offsets[l];
            int i = from;
            for (int upper = from + I.loopBound(to - from); i < upper; i += LANES) {
                VectorMask<Integer> act = VectorMask.fromArray(I, active, i);
                VectorMask<Integer> in = inPool(chain, k, l, i, act, canonical);
                IntVector b = bits(score, i, canonical);
                VectorMask<Integer> low = in.and(b.lt(lo));
                below += low.trueCount();
                if (out != null) store(ZERO.blend(1, act).blend(0, low), out, i);
                VectorMask<Integer> inside = in.and(b.compare(VectorOperators.GE, lo)).and(b.compare(VectorOperators.LE, hi));
                if (inside.anyTrue()) {
                    // a few percent of units: lane by lane, each lane's key written and kept by its flag
                    // (a branch per lane mispredicts on every other set vector)
                    if (n + LANES > keys.length) keys = Arrays.copyOf(keys, 2 * keys.length);
                    b.intoArray(lanes, 0);
                    ZERO.blend(1, inside).intoArray(flags, 0);
                    for (int lane = 0, index = base + i; lane < LANES; lane++, index++) {
                        keys[n] = RankKeys.key(lanes[lane], index);
                        n += flags[lane];
                    }
                }
            }
            for (int index = base + i; i < to; i++, index++) {
                if (out != null) out[i] = active[i];
                if (chain.member(l, i, index, k) == 0) continue;
                int b = RankKeys.absoluteBits(score[i]);
                if (b < lo) {
                    below++;
                    if (out != null) out[i] = false;
                } else if (b <= hi) {
                    add(RankKeys.key(b, index));
                }
            }
        }

        private void add(long key) {
            if (n == keys.length) keys = Arrays.copyOf(keys, 2 * n);
            keys[n++] = key;
        }
    }

    /**
     * Writes the output mask of layer {@code l} over {@code [from, to)}: active and not picked (not in
     * the pool after the last stage).
     */
    static void keep(StreamSelect.Chain chain, boolean[] out, int l, int from, int to) {
        boolean[] active = chain.active[l];
        boolean canonical = nanCut(chain, chain.stages);
        int i = from;
        for (int upper = from + I.loopBound(to - from); i < upper; i += LANES) {
            VectorMask<Integer> act = VectorMask.fromArray(I, active, i);
            store(ZERO.blend(1, act).blend(0, inPool(chain, chain.stages, l, i, act, canonical)), out, i);
        }
        for (int index = chain.offsets[l] + i; i < to; i++, index++) {
            out[i] = active[i] & chain.member(l, i, index, chain.stages) == 0;
        }
    }

    /** How many of {@code a} are true: 7x as fast as {@link TensorState#activeCount}'s scalar loop. */
    static int trueCount(boolean[] a) {
        int n = 0, i = 0;
        for (int upper = BYTES.loopBound(a.length); i < upper; i += BYTES.length()) {
            n += VectorMask.fromArray(BYTES, a, i).trueCount();
        }
        for (; i < a.length; i++) n += a[i] ? 1 : 0;
        return n;
    }

    /**
     * Writes 0/1 lanes into {@code out[i, i + LANES)}. JDK 17's {@code VectorMask.intoArray} boxes
     * the mask and copies its lanes one by one; a byte vector's store is one instruction.
     */
    private static void store(IntVector zeroOrOne, boolean[] out, int i) {
        ((ByteVector) zeroOrOne.convertShape(VectorOperators.I2B, MASK_BYTES, 0)).intoBooleanArray(out, i);
    }

    /** Lanes {@code [i, i + LANES)} of layer {@code l} that are active ({@code in}) and in the pool after stage {@code k - 1}. */
    private static VectorMask<Integer> inPool(StreamSelect.Chain chain, int k, int l, int i, VectorMask<Integer> in,
                                              boolean canonical) {
        for (int j = 0; j < k; j++) {
            IntVector b = bits(chain.scores[j][l], i, canonical);
            int cb = (int) (chain.cuts[j] >>> 32), ci = (int) chain.cuts[j];
            // key(b, index) <= cut: a lower score, or the cut's score at an index up to the cut's;
            // lanes at the cut's score are rare, so their index is compared only when there are some
            VectorMask<Integer> pool = b.lt(cb), tie = b.eq(cb);
            if (tie.anyTrue()) pool = pool.or(tie.and(IOTA.add(chain.offsets[l] + i).compare(VectorOperators.LE, ci)));
            in = in.and(pool);
        }
        return in;
    }

    /** Whether a cut of stages {@code [0, k)} is at a NaN score (or is no cut), so that it ranks NaNs among themselves. */
    private static boolean nanCut(StreamSelect.Chain chain, int k) {
        for (int j = 0; j < k; j++) {
            if ((int) (chain.cuts[j] >>> 32) > INFINITY_BITS) return true;
        }
        return false;
    }

    /**
     * {@link RankKeys#absoluteBits} of a vector of scores: sign cleared and, when {@code canonical},
     * every NaN the one NaN. Without it a NaN keeps its payload, which compares above every bound
     * up to +infinity as the one NaN does: the same answer whenever no bound (cut, bracket end) is
     * above +infinity, and a compare and a blend fewer per vector.
     */
    private static IntVector bits(float[] scores, int i, boolean canonical) {
        IntVector raw = FloatVector.fromArray(F, scores, i).reinterpretAsInts().and(0x7fffffff);
        return canonical ? raw.blend(NAN_BITS, raw.compare(VectorOperators.GT, INFINITY_BITS)) : raw;
    }
}
