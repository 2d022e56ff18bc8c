package org.prunesh.ops.model.samediff;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@link VectorBatchNorm}'s four passes over tensors in oneDNN's blocked layouts {@code nChw16c} and
 * {@code nChw8c} ({@link ActivationLayout#block}): sample n, block b of B channels, pixel p, lane l
 * at float {@code ((n·C/B + b)·H·W + p)·B + l}. A 16-float vector holds 16/B pixels of one block,
 * lane l channel {@code b·B + l mod B}, so every lane keeps its own channel's constants and sums;
 * with B = 8 and an odd pixel count the last vector of a plane is half used (masked). Per-plane sums
 * are kept in float lanes and added up in double per sample, then over the samples in order: the
 * results do not depend on the thread count.
 *
 * <p>Only with 16-float vectors ({@link #SUPPORTED}, AVX-512); the graph keeps NCHW otherwise.
 */
final class BlockedBatchNorm {

    /** Floats per vector. */
    static final int LANES = 16;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** True where a preferred vector holds 16 floats: the only case these passes are built for. */
    static final boolean SUPPORTED = S.length() == LANES;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    /** The lanes of a half-used last vector. */
    private static final VectorMask<Float> HALF = VectorMask.fromLong(S, 0xff);

    private BlockedBatchNorm() {
    }

    /** A plane's geometry: B channels per block, its floats, whole vectors and whether a half one follows. */
    private record Plane(int block, int blocks, int floats, int vectors, boolean half) {
        static Plane of(VectorBatchNorm.Shape s) {
            int block = ActivationLayout.block(s.c()), floats = s.hw() * block;
            return new Plane(block, s.c() / block, floats, floats / LANES, floats % LANES != 0);
        }

        /** Byte offset of sample {@code i}, block {@code b}'s first pixel. */
        int at(int i, int b) {
            return (i * blocks + b) * floats * Float.BYTES;
        }

        /**
         * Per-channel values laid out as the lanes of each block's vectors, block b at {@code b·LANES}
         * (with 8-channel blocks each block's values twice); made once per pass, outside its loops.
         */
        float[] lanes(float[] perChannel) {
            if (block == LANES) return perChannel;
            float[] v = new float[blocks * LANES];
            for (int i = 0; i < v.length; i++) v[i] = perChannel[i / LANES * block + i % block];
            return v;
        }

        /** Block {@code b}'s vector of values laid out by {@link #lanes(float[])}. */
        static FloatVector vector(float[] lanes, int b) {
            return FloatVector.fromArray(S, lanes, b * LANES);
        }
    }

    /** Mean and biased variance per channel, centred on each channel's first element as the NCHW pass is. */
    static void statistics(ByteBuffer x, VectorBatchNorm.Shape s, double[] mean, double[] var) {
        Plane pl = Plane.of(s);
        float[] k = new float[s.c()];
        for (int c = 0; c < s.c(); c++) k[c] = x.getFloat(pl.at(0, c / pl.block()) + c % pl.block() * Float.BYTES);
        float[] kl = pl.lanes(k);
        double[][] s1 = new double[s.n()][s.c()], s2 = new double[s.n()][s.c()];
        ChannelParallel.run(s.n(), (from, to) -> {
            float[] lanes = new float[LANES];
            for (int i = from; i < to; i++) {
                for (int b = 0; b < pl.blocks(); b++) {
                    FloatVector vk = Plane.vector(kl, b);
                    FloatVector a1 = FloatVector.zero(S), a2 = FloatVector.zero(S);
                    int base = pl.at(i, b);
                    for (int p = 0; p < pl.vectors(); p++) {
                        FloatVector v = FloatVector.fromByteBuffer(S, x, base + p * LANES * Float.BYTES, ORDER).sub(vk);
                        a1 = a1.add(v);
                        a2 = v.fma(v, a2);
                    }
                    if (pl.half()) {
                        int at = base + pl.vectors() * LANES * Float.BYTES;
                        FloatVector v = FloatVector.fromByteBuffer(S, x, at, ORDER, HALF).lanewise(VectorOperators.SUB, vk, HALF);
                        a1 = a1.add(v);
                        a2 = v.fma(v, a2);
                    }
                    add(a1, lanes, s1[i], b, pl.block());
                    add(a2, lanes, s2[i], b, pl.block());
                }
            }
        });
        double[] t1 = totals(s1), t2 = totals(s2);
        for (int c = 0; c < s.c(); c++) {
            double m = t1[c] / s.perChannel();
            mean[c] = k[c] + m;
            var[c] = Math.max(t2[c] / s.perChannel() - m * m, 0);
        }
    }

    /** y = (x - centre[c])·scale[c] + shift[c], then max(y, 0) with {@code relu}; y may be x. */
    static void normalise(ByteBuffer x, ByteBuffer y, VectorBatchNorm.Shape s, float[] centre, float[] scale,
                          float[] shift, boolean relu) {
        Plane pl = Plane.of(s);
        float[] cl = pl.lanes(centre), al = pl.lanes(scale), bl = pl.lanes(shift);
        ChannelParallel.run(s.n() * pl.blocks(), (from, to) -> {
            FloatVector zero = FloatVector.zero(S);
            for (int u = from; u < to; u++) {
                int b = u % pl.blocks(), base = pl.at(u / pl.blocks(), b);
                FloatVector vm = Plane.vector(cl, b), va = Plane.vector(al, b), vb = Plane.vector(bl, b);
                for (int p = 0; p < pl.vectors(); p++) {
                    int at = base + p * LANES * Float.BYTES;
                    FloatVector v = FloatVector.fromByteBuffer(S, x, at, ORDER).sub(vm).fma(va, vb);
                    (relu ? v.max(zero) : v).intoByteBuffer(y, at, ORDER);
                }
                if (pl.half()) {
                    int at = base + pl.vectors() * LANES * Float.BYTES;
                    FloatVector v = FloatVector.fromByteBuffer(S, x, at, ORDER, HALF).sub(vm).fma(va, vb);
                    (relu ? v.max(zero) : v).intoByteBuffer(y, at, ORDER, HALF);
                }
            }
        });
    }

    /** Σ g' and Σ g'·(x - mean) per channel, g' masked by y > 0 when {@code y} is given. */
    static void gradientSums(ByteBuffer x, ByteBuffer g, ByteBuffer y, VectorBatchNorm.Shape s, float[] mean,
                             double[] sumG, double[] sumGx) {
        Plane pl = Plane.of(s);
        float[] ml = pl.lanes(mean);
        double[][] s1 = new double[s.n()][s.c()], s2 = new double[s.n()][s.c()];
        ChannelParallel.run(s.n(), (from, to) -> {
            float[] lanes = new float[LANES];
            for (int i = from; i < to; i++) {
                for (int b = 0; b < pl.blocks(); b++) {
                    FloatVector vm = Plane.vector(ml, b);
                    FloatVector a1 = FloatVector.zero(S), a2 = FloatVector.zero(S);
                    int base = pl.at(i, b);
                    for (int p = 0; p < pl.vectors(); p++) {
                        int at = base + p * LANES * Float.BYTES;
                        FloatVector gv = VectorBatchNorm.gradient(g, y, at);
                        a1 = a1.add(gv);
                        a2 = gv.fma(FloatVector.fromByteBuffer(S, x, at, ORDER).sub(vm), a2);
                    }
                    if (pl.half()) {
                        int at = base + pl.vectors() * LANES * Float.BYTES;
                        FloatVector gv = halfGradient(g, y, at);
                        a1 = a1.add(gv);
                        a2 = gv.fma(FloatVector.fromByteBuffer(S, x, at, ORDER, HALF).sub(vm), a2);
                    }
                    add(a1, lanes, s1[i], b, pl.block());
                    add(a2, lanes, s2[i], b, pl.block());
                }
            }
        });
        System.arraycopy(totals(s1), 0, sumG, 0, s.c());
        System.arraycopy(totals(s2), 0, sumGx, 0, s.c());
    }

    /** dx = a[c]·g' + b[c]·(x - centre[c]) + d[c], as {@link VectorBatchNorm#inputGradient}; dx may be g. */
    static void inputGradient(ByteBuffer x, ByteBuffer g, ByteBuffer y, ByteBuffer dx, VectorBatchNorm.Shape s,
                              float[] centre, float[] a, float[] bScale, float[] d) {
        Plane pl = Plane.of(s);
        float[] zeros = new float[pl.blocks() * LANES];
        float[] al = pl.lanes(a), cl = pl.lanes(centre), bl = bScale == null ? zeros : pl.lanes(bScale),
                dl = bScale == null ? zeros : pl.lanes(d);
        ChannelParallel.run(s.n() * pl.blocks(), (from, to) -> {
            FloatVector zero = FloatVector.zero(S);
            for (int u = from; u < to; u++) {
                int b = u % pl.blocks(), base = pl.at(u / pl.blocks(), b);
                FloatVector va = Plane.vector(al, b), vm = Plane.vector(cl, b), vb = Plane.vector(bl, b),
                        vd = Plane.vector(dl, b);
                for (int p = 0; p < pl.vectors(); p++) {
                    int at = base + p * LANES * Float.BYTES;
                    FloatVector gv = VectorBatchNorm.gradient(g, y, at);
                    FloatVector rest = bScale == null ? zero : FloatVector.fromByteBuffer(S, x, at, ORDER).sub(vm).fma(vb, vd);
                    gv.fma(va, rest).intoByteBuffer(dx, at, ORDER);
                }
                if (pl.half()) {
                    int at = base + pl.vectors() * LANES * Float.BYTES;
                    FloatVector gv = halfGradient(g, y, at);
                    FloatVector rest = bScale == null ? zero
                            : FloatVector.fromByteBuffer(S, x, at, ORDER, HALF).sub(vm).fma(vb, vd);
                    gv.fma(va, rest).intoByteBuffer(dx, at, ORDER, HALF);
                }
            }
        });
    }

    /** {@link VectorBatchNorm#gradient} of a half-used last vector: lanes past the plane read as 0. */
    private static FloatVector halfGradient(ByteBuffer g, ByteBuffer y, int at) {
        FloatVector gv = FloatVector.fromByteBuffer(S, g, at, ORDER, HALF);
        if (y == null) return gv;
        VectorMask<Float> on = FloatVector.fromByteBuffer(S, y, at, ORDER, HALF).compare(VectorOperators.GT, 0f);
        return FloatVector.zero(S).blend(gv, on);
    }

    /** Per-channel sums over the samples, added in sample order whatever the thread count. */
    private static double[] totals(double[][] perSample) {
        double[] out = new double[perSample[0].length];
        for (double[] sample : perSample) {
            for (int c = 0; c < out.length; c++) out[c] += sample[c];
        }
        return out;
    }

    /** Adds a plane's float lanes to the sample's double sums of block {@code b} (lane l: channel b·B + l mod B). */
    private static void add(FloatVector lanesSum, float[] lanes, double[] into, int b, int block) {
        lanesSum.intoArray(lanes, 0);
        for (int l = 0; l < LANES; l++) into[b * block + l % block] += lanes[l];
    }
}
