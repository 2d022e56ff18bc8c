package org.prunesh.ops.model.samediff;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@link VectorBatchNorm}'s four passes over tensors in oneDNN's blocked layout {@code nChw16c}:
 * sample n, block b of 16 channels, pixel p, lane l at float {@code ((n·C/16 + b)·H·W + p)·16 + l}.
 * One 16-float vector is one pixel's 16 channels, so every lane keeps its own channel's constants
 * and sums. Per-plane sums are kept in float lanes (H·W values each) and added up in double per
 * sample, then over the samples in order: the results do not depend on the thread count.
 *
 * <p>Only with 16-float vectors ({@link #SUPPORTED}, AVX-512); the graph keeps NCHW otherwise.
 */
final class BlockedBatchNorm {

    /** Channels per block. */
    static final int BLOCK = 16;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** True where a preferred vector holds one block: the only case these passes are built for. */
    static final boolean SUPPORTED = S.length() == BLOCK;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private BlockedBatchNorm() {
    }

    /** Byte offset of sample {@code i}, block {@code b}'s first pixel. */
    private static int plane(VectorBatchNorm.Shape s, int i, int b) {
        return (i * (s.c() / BLOCK) + b) * s.hw() * BLOCK * Float.BYTES;
    }

    /** Mean and biased variance per channel, centred on each channel's first element as the NCHW pass is. */
    static void statistics(ByteBuffer x, VectorBatchNorm.Shape s, double[] mean, double[] var) {
        int blocks = s.c() / BLOCK;
        float[] k = new float[s.c()];
        for (int b = 0; b < blocks; b++) FloatVector.fromByteBuffer(S, x, plane(s, 0, b), ORDER).intoArray(k, b * BLOCK);
        double[][] s1 = new double[s.n()][s.c()], s2 = new double[s.n()][s.c()];
        ChannelParallel.run(s.n(), (from, to) -> {
            float[] lanes = new float[BLOCK];
            for (int i = from; i < to; i++) {
                for (int b = 0; b < blocks; b++) {
                    FloatVector vk = FloatVector.fromArray(S, k, b * BLOCK);
                    FloatVector a1 = FloatVector.zero(S), a2 = FloatVector.zero(S);
                    int base = plane(s, i, b);
                    for (int p = 0; p < s.hw(); p++) {
                        FloatVector v = FloatVector.fromByteBuffer(S, x, base + p * BLOCK * Float.BYTES, ORDER).sub(vk);
                        a1 = a1.add(v);
                        a2 = v.fma(v, a2);
                    }
                    add(a1, lanes, s1[i], b);
                    add(a2, lanes, s2[i], b);
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
        int blocks = s.c() / BLOCK;
        ChannelParallel.run(s.n() * blocks, (from, to) -> {
            FloatVector zero = FloatVector.zero(S);
            for (int u = from; u < to; u++) {
                int b = u % blocks, base = plane(s, u / blocks, b);
                FloatVector vm = FloatVector.fromArray(S, centre, b * BLOCK), va = FloatVector.fromArray(S, scale, b * BLOCK),
                        vb = FloatVector.fromArray(S, shift, b * BLOCK);
                for (int p = 0; p < s.hw(); p++) {
                    int at = base + p * BLOCK * Float.BYTES;
                    FloatVector v = FloatVector.fromByteBuffer(S, x, at, ORDER).sub(vm).fma(va, vb);
                    (relu ? v.max(zero) : v).intoByteBuffer(y, at, ORDER);
                }
            }
        });
    }

    /** Σ g' and Σ g'·(x - mean) per channel, g' masked by y > 0 when {@code y} is given. */
    static void gradientSums(ByteBuffer x, ByteBuffer g, ByteBuffer y, VectorBatchNorm.Shape s, float[] mean,
                             double[] sumG, double[] sumGx) {
        int blocks = s.c() / BLOCK;
        double[][] s1 = new double[s.n()][s.c()], s2 = new double[s.n()][s.c()];
        ChannelParallel.run(s.n(), (from, to) -> {
            float[] lanes = new float[BLOCK];
            for (int i = from; i < to; i++) {
                for (int b = 0; b < blocks; b++) {
                    FloatVector vm = FloatVector.fromArray(S, mean, b * BLOCK);
                    FloatVector a1 = FloatVector.zero(S), a2 = FloatVector.zero(S);
                    int base = plane(s, i, b);
                    for (int p = 0; p < s.hw(); p++) {
                        int at = base + p * BLOCK * Float.BYTES;
                        FloatVector gv = VectorBatchNorm.gradient(g, y, at);
                        a1 = a1.add(gv);
                        a2 = gv.fma(FloatVector.fromByteBuffer(S, x, at, ORDER).sub(vm), a2);
                    }
                    add(a1, lanes, s1[i], b);
                    add(a2, lanes, s2[i], b);
                }
            }
        });
        System.arraycopy(totals(s1), 0, sumG, 0, s.c());
        System.arraycopy(totals(s2), 0, sumGx, 0, s.c());
    }

    /** dx = a[c]·g' + b[c]·(x - centre[c]) + d[c], as {@link VectorBatchNorm#inputGradient}; dx may be g. */
    static void inputGradient(ByteBuffer x, ByteBuffer g, ByteBuffer y, ByteBuffer dx, VectorBatchNorm.Shape s,
                              float[] centre, float[] a, float[] bScale, float[] d) {
        int blocks = s.c() / BLOCK;
        float[] zeros = new float[s.c()];
        ChannelParallel.run(s.n() * blocks, (from, to) -> {
            FloatVector zero = FloatVector.zero(S);
            for (int u = from; u < to; u++) {
                int b = u % blocks, base = plane(s, u / blocks, b), at0 = b * BLOCK;
                FloatVector va = FloatVector.fromArray(S, a, at0), vm = FloatVector.fromArray(S, centre, at0),
                        vb = FloatVector.fromArray(S, bScale == null ? zeros : bScale, at0),
                        vd = FloatVector.fromArray(S, bScale == null ? zeros : d, at0);
                for (int p = 0; p < s.hw(); p++) {
                    int at = base + p * BLOCK * Float.BYTES;
                    FloatVector gv = VectorBatchNorm.gradient(g, y, at);
                    FloatVector rest = bScale == null ? zero : FloatVector.fromByteBuffer(S, x, at, ORDER).sub(vm).fma(vb, vd);
                    gv.fma(va, rest).intoByteBuffer(dx, at, ORDER);
                }
            }
        });
    }

    /** Per-channel sums over the samples, added in sample order whatever the thread count. */
    private static double[] totals(double[][] perSample) {
        double[] out = new double[perSample[0].length];
        for (double[] sample : perSample) {
            for (int c = 0; c < out.length; c++) out[c] += sample[c];
        }
        return out;
    }

    /** Adds a plane's float lanes to the sample's double sums of block {@code b}. */
    private static void add(FloatVector lanesSum, float[] lanes, double[] into, int b) {
        lanesSum.intoArray(lanes, 0);
        for (int l = 0; l < BLOCK; l++) into[b * BLOCK + l] += lanes[l];
    }
}
