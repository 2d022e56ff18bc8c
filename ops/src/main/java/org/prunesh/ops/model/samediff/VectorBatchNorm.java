package org.prunesh.ops.model.samediff;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The passes of batch norm (optionally followed by ReLU) over whole NCHW float tensors, with the
 * Vector API: statistics in one pass, normalise + scale + ReLU in one, the backward sums in one
 * and the input gradient in one, ReLU's mask (y > 0) folded into both backward passes. Each
 * [H, W] plane of a channel is contiguous and shares the channel's constants. Per-plane sums are
 * kept in float lanes (at most H·W / lanes values each) and added up in double.
 *
 * <p>Loaded only when the {@code jdk.incubator.vector} module is present ({@link BatchNormKernels}).
 * Needs C2: interpreted or C1-compiled, vector code is about 100x slower than native (measured
 * 95 ms against 0.9 for a pass over [128, 16, 32, 32]).
 */
final class VectorBatchNorm {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final int LANES = S.length();

    /** The shape of an NCHW tensor as the passes see it. */
    record Shape(int n, int c, int hw) {
        int plane(int sample, int channel) {
            return (sample * c + channel) * hw * Float.BYTES;
        }

        double perChannel() {
            return (double) n * hw;
        }
    }

    private VectorBatchNorm() {
    }

    /**
     * Mean and biased variance of each channel in one pass: sums of x - k and (x - k)² with k the
     * channel's first element, so that E[(x-k)²] - E[x-k]² does not cancel when |mean| >> std.
     */
    static void statistics(ByteBuffer x, Shape s, double[] mean, double[] var) {
        ChannelParallel.run(s.c(), (from, to) -> {
            for (int ch = from; ch < to; ch++) {
                float k = x.getFloat(s.plane(0, ch));
                FloatVector vk = FloatVector.broadcast(S, k);
                double s1 = 0, s2 = 0;
                for (int i = 0; i < s.n(); i++) {
                    int base = s.plane(i, ch);
                    FloatVector a1 = FloatVector.zero(S), a2 = FloatVector.zero(S);
                    int j = 0;
                    for (; j <= s.hw() - LANES; j += LANES) {
                        FloatVector v = FloatVector.fromByteBuffer(S, x, base + j * Float.BYTES, ORDER).sub(vk);
                        a1 = a1.add(v);
                        a2 = v.fma(v, a2);
                    }
                    s1 += a1.reduceLanes(VectorOperators.ADD);
                    s2 += a2.reduceLanes(VectorOperators.ADD);
                    for (; j < s.hw(); j++) {
                        double v = x.getFloat(base + j * Float.BYTES) - k;
                        s1 += v;
                        s2 += v * v;
                    }
                }
                double m = s1 / s.perChannel();
                mean[ch] = k + m;
                var[ch] = Math.max(s2 / s.perChannel() - m * m, 0);
            }
        });
    }

    /**
     * y = (x - centre[c])·scale[c] + shift[c], then max(y, 0) with {@code relu}; y may be x.
     * Centring first keeps y exact for channels whose mean is large against their spread.
     */
    static void normalise(ByteBuffer x, ByteBuffer y, Shape s, float[] centre, float[] scale, float[] shift,
                          boolean relu) {
        ChannelParallel.run(s.c(), (from, to) -> {
            FloatVector zero = FloatVector.zero(S);
            for (int ch = from; ch < to; ch++) {
                float a = scale[ch], b = shift[ch], m = centre[ch];
                FloatVector va = FloatVector.broadcast(S, a), vb = FloatVector.broadcast(S, b),
                        vm = FloatVector.broadcast(S, m);
                for (int i = 0; i < s.n(); i++) {
                    int base = s.plane(i, ch);
                    int j = 0;
                    for (; j <= s.hw() - LANES; j += LANES) {
                        int at = base + j * Float.BYTES;
                        FloatVector v = FloatVector.fromByteBuffer(S, x, at, ORDER).sub(vm).fma(va, vb);
                        (relu ? v.max(zero) : v).intoByteBuffer(y, at, ORDER);
                    }
                    for (; j < s.hw(); j++) {
                        int at = base + j * Float.BYTES;
                        float v = (x.getFloat(at) - m) * a + b;
                        y.putFloat(at, relu ? Math.max(v, 0f) : v);
                    }
                }
            }
        });
    }

    /**
     * Σ g' and Σ g'·(x - mean) per channel in one pass, g' = g where y > 0 and 0 elsewhere when
     * {@code y} (the ReLU's output) is given, g' = g otherwise.
     */
    static void gradientSums(ByteBuffer x, ByteBuffer g, ByteBuffer y, Shape s, float[] mean,
                             double[] sumG, double[] sumGx) {
        ChannelParallel.run(s.c(), (from, to) -> {
            for (int ch = from; ch < to; ch++) {
                float m = mean[ch];
                FloatVector vm = FloatVector.broadcast(S, m);
                double s1 = 0, s2 = 0;
                for (int i = 0; i < s.n(); i++) {
                    int base = s.plane(i, ch);
                    FloatVector a1 = FloatVector.zero(S), a2 = FloatVector.zero(S);
                    int j = 0;
                    for (; j <= s.hw() - LANES; j += LANES) {
                        int at = base + j * Float.BYTES;
                        FloatVector gv = gradient(g, y, at);
                        a1 = a1.add(gv);
                        a2 = gv.fma(FloatVector.fromByteBuffer(S, x, at, ORDER).sub(vm), a2);
                    }
                    s1 += a1.reduceLanes(VectorOperators.ADD);
                    s2 += a2.reduceLanes(VectorOperators.ADD);
                    for (; j < s.hw(); j++) {
                        int at = base + j * Float.BYTES;
                        if (y != null && !(y.getFloat(at) > 0f)) continue;
                        double gv = g.getFloat(at);
                        s1 += gv;
                        s2 += gv * (x.getFloat(at) - m);
                    }
                }
                sumG[ch] = s1;
                sumGx[ch] = s2;
            }
        });
    }

    /**
     * dx = a[c]·g' + b[c]·(x - centre[c]) + d[c] with g' masked as in {@link #gradientSums}; x and b
     * are not read when {@code b} is null (dx = a·g', constant statistics). dx may be g.
     */
    static void inputGradient(ByteBuffer x, ByteBuffer g, ByteBuffer y, ByteBuffer dx, Shape s, float[] centre,
                              float[] a, float[] b, float[] d) {
        ChannelParallel.run(s.c(), (from, to) -> {
            FloatVector zero = FloatVector.zero(S);
            for (int ch = from; ch < to; ch++) {
                float ac = a[ch], bc = b == null ? 0f : b[ch], dc = b == null ? 0f : d[ch], m = centre[ch];
                FloatVector va = FloatVector.broadcast(S, ac), vb = FloatVector.broadcast(S, bc),
                        vd = FloatVector.broadcast(S, dc), vm = FloatVector.broadcast(S, m);
                for (int i = 0; i < s.n(); i++) {
                    int base = s.plane(i, ch);
                    int j = 0;
                    for (; j <= s.hw() - LANES; j += LANES) {
                        int at = base + j * Float.BYTES;
                        FloatVector gv = gradient(g, y, at);
                        FloatVector rest = b == null ? zero : FloatVector.fromByteBuffer(S, x, at, ORDER).sub(vm).fma(vb, vd);
                        gv.fma(va, rest).intoByteBuffer(dx, at, ORDER);
                    }
                    for (; j < s.hw(); j++) {
                        int at = base + j * Float.BYTES;
                        float gv = y != null && !(y.getFloat(at) > 0f) ? 0f : g.getFloat(at);
                        float rest = b == null ? 0f : (x.getFloat(at) - m) * bc + dc;
                        dx.putFloat(at, gv * ac + rest);
                    }
                }
            }
        });
    }

    /** dL/dy at byte offset {@code at}, zero where the ReLU output {@code y} (when given) is not positive. */
    static FloatVector gradient(ByteBuffer g, ByteBuffer y, int at) {
        FloatVector gv = FloatVector.fromByteBuffer(S, g, at, ORDER);
        if (y == null) return gv;
        VectorMask<Float> on = FloatVector.fromByteBuffer(S, y, at, ORDER).compare(VectorOperators.GT, 0f);
        return FloatVector.zero(S).blend(gv, on);
    }
}
