package org.prunesh.ops.model.samediff;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.factory.Nd4j;
import org.bytedeco.javacpp.FloatPointer;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;

import static org.prunesh.ops.model.samediff.NativeCalls.of;

/**
 * Batch norm over the channels of an NCHW tensor, optionally followed by ReLU, training and
 * inference. With the {@code jdk.incubator.vector} module ({@code --add-modules
 * jdk.incubator.vector}) and whole float arrays, four Java passes ({@link VectorBatchNorm}): one for
 * the statistics, one to normalise, two backward. Otherwise a handful of native passes, with ReLU
 * as further native ops. Per-channel arithmetic (C numbers) is done here in double precision.
 * Native reductions go over
 * (h, w) first and then over n: libnd4j reduces over (n, h, w) of NCHW on one thread only.
 * Per-channel maps are a broadcast multiply plus an in-place {@code biasadd}, about 0.6x the time
 * of the {@code batchnorm} op (oneDNN's NCHW forward) on [128, 16, 32, 32]. docs/performance-log.md
 * has the measurements.
 */
final class BatchNormKernels {

    private static final long[] NO_I = {};
    private static final double[] NO_T = {};
    /**
     * True when the Vector API is there and C2 compiles it; the kernels fall back to native calls
     * otherwise (C1-compiled vector code is about 100x slower than the native passes).
     */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && optimisingJit();
    /** The passes in use: the vector ones unless absent or {@code -Dprunesh.batchnorm=native}. */
    private static volatile boolean vector = VECTOR && !"native".equals(System.getProperty("prunesh.batchnorm"));

    private BatchNormKernels() {
    }

    /**
     * y = gamma (x - mean) / sqrt(var + eps) + beta, then max(y, 0) with {@code relu}. With
     * {@code training} the statistics are the batch's (mean, biased variance over n, h, w) and are
     * written to {@code mean} and {@code var}; otherwise the running ones are used and copied there.
     */
    static void forward(INDArray x, INDArray gamma, INDArray beta, INDArray runningMean, INDArray runningVar,
                        boolean training, double eps, boolean relu, INDArray y, INDArray mean, INDArray var) {
        forward(x, gamma, beta, runningMean, runningVar, training, eps, relu, y, mean, var, false);
    }

    /** {@link #forward} with {@code blocked} x and y ({@code nChw16c}: only the Java passes read it). */
    static void forward(INDArray x, INDArray gamma, INDArray beta, INDArray runningMean, INDArray runningVar,
                        boolean training, double eps, boolean relu, INDArray y, INDArray mean, INDArray var,
                        boolean blocked) {
        if (blocked) requireBlocked(x, y);
        if (blocked || vector && vectorable(x, y)) {
            VectorBatchNorm.Shape s = shape(x);
            double[] m, v;
            if (training) {
                m = new double[s.c()];
                v = new double[s.c()];
                if (blocked) BlockedBatchNorm.statistics(ArrayLayout.bytes(x), s, m, v);
                else VectorBatchNorm.statistics(ArrayLayout.bytes(x), s, m, v);
            } else {
                m = values(runningMean);
                v = values(runningVar);
            }
            put(mean, m);
            put(var, v);
            double[] g = values(gamma), b = values(beta);
            // centred on the mean rounded to float; the rounding's share moves into the shift
            float[] centre = floats(m), scale = new float[s.c()], shift = new float[s.c()];
            for (int c = 0; c < s.c(); c++) {
                double sc = g[c] / Math.sqrt(v[c] + eps);
                scale[c] = (float) sc;
                shift[c] = (float) (b[c] + (centre[c] - m[c]) * sc);
            }
            if (blocked) BlockedBatchNorm.normalise(ArrayLayout.bytes(x), ArrayLayout.bytes(y), s, centre, scale, shift, relu);
            else VectorBatchNorm.normalise(ArrayLayout.bytes(x), ArrayLayout.bytes(y), s, centre, scale, shift, relu);
            return;
        }
        forwardNative(x, gamma, beta, runningMean, runningVar, training, eps, relu, y, mean, var);
    }

    /**
     * Gradients of {@link #forward} given dL/dy = {@code g}, with the statistics it used; {@code y}
     * is the forward output when it ended in ReLU (then g counts only where y > 0), else null. In
     * training mode the statistics are the batch's own, so dx includes the paths through them; with
     * running statistics, which are constants, dx = g gamma / sqrt(var + eps). With
     * x̂ = (x - mean) s, s = 1/sqrt(var + eps) and n elements per channel:
     * <pre>
     *   dbeta = Σ g    dgamma = Σ g x̂ = s Σ g (x - mean)
     *   dx    = gamma s (g - (x̂ dgamma + dbeta) / n)     (training)
     * </pre>
     */
    static void backward(INDArray x, INDArray gamma, INDArray mean, INDArray var, INDArray g, INDArray y,
                         boolean training, double eps, INDArray dx, INDArray dGamma, INDArray dBeta) {
        backward(x, gamma, mean, var, g, y, training, eps, dx, dGamma, dBeta, false);
    }

    /** {@link #backward} with {@code blocked} x, g, y and dx. */
    static void backward(INDArray x, INDArray gamma, INDArray mean, INDArray var, INDArray g, INDArray y,
                         boolean training, double eps, INDArray dx, INDArray dGamma, INDArray dBeta, boolean blocked) {
        if (blocked) requireBlocked(x, g, dx, y == null ? x : y);
        if (blocked || vector && vectorable(x, g, dx) && (y == null || vectorable(y))) {
            VectorBatchNorm.Shape s = shape(x);
            int cs = s.c();
            double[] m = values(mean), v = values(var), gam = values(gamma);
            double[] sumG = new double[cs], sumGx = new double[cs];
            ByteBuffer xb = ArrayLayout.bytes(x), gb = ArrayLayout.bytes(g), yb = y == null ? null : ArrayLayout.bytes(y);
            // sums centred on the mean rounded to float (centre); Σ g (x - mean) adds (centre - mean) Σ g
            float[] centre = floats(m);
            if (blocked) BlockedBatchNorm.gradientSums(xb, gb, yb, s, centre, sumG, sumGx);
            else VectorBatchNorm.gradientSums(xb, gb, yb, s, centre, sumG, sumGx);
            double n = s.perChannel();
            double[] dg = new double[cs];
            float[] a = new float[cs], b = new float[cs], d = new float[cs];
            for (int c = 0; c < cs; c++) {
                double sc = 1.0 / Math.sqrt(v[c] + eps), shift = centre[c] - m[c];
                dg[c] = sc * (sumGx[c] + shift * sumG[c]);
                double ac = gam[c] * sc, bc = -ac * sc * dg[c] / n;
                a[c] = (float) ac;
                // dx = a g - a (x̂ dgamma + dbeta) / n = a g + b (x - centre) + d
                b[c] = (float) bc;
                d[c] = (float) (bc * shift - ac * sumG[c] / n);
            }
            put(dGamma, dg);
            put(dBeta, sumG);
            ByteBuffer dxb = ArrayLayout.bytes(dx);
            if (blocked) BlockedBatchNorm.inputGradient(xb, gb, yb, dxb, s, centre, a, training ? b : null, d);
            else VectorBatchNorm.inputGradient(xb, gb, yb, dxb, s, centre, a, training ? b : null, d);
            return;
        }
        backwardNative(x, gamma, mean, var, g, y, training, eps, dx, dGamma, dBeta);
    }

    /**
     * {@link #forward} as native calls: two reductions for the mean, one for the variance, one
     * per-channel map, and ReLU.
     */
    static void forwardNative(INDArray x, INDArray gamma, INDArray beta, INDArray runningMean, INDArray runningVar,
                              boolean training, double eps, boolean relu, INDArray y, INDArray mean, INDArray var) {
        if (training) {
            INDArray perSample = NativeCalls.scratch("bn.perSample", x.size(0), x.size(1));
            NativeCalls.run("reduce_mean", of(x), of(perSample), 2, 3);
            NativeCalls.run("reduce_mean", of(perSample), of(mean), 0);
            NativeCalls.run("reduce_variance", of(x), of(var), new long[]{0, 2, 3}, new boolean[]{false, false}, NO_T);
        } else {
            mean.assign(runningMean);
            var.assign(runningVar);
        }
        double[] m = values(mean), v = values(var), g = values(gamma), b = values(beta);
        double[] scale = new double[m.length], shift = new double[m.length];
        for (int c = 0; c < m.length; c++) {
            scale[c] = g[c] / Math.sqrt(v[c] + eps);
            shift[c] = b[c] - m[c] * scale[c];
        }
        affine(x, scale, shift, y);
        if (relu) NativeCalls.run("relu", of(y), of(y), NO_I, new boolean[0], new double[]{0.0});
    }

    /**
     * {@link #backward} as native calls (dgamma = s (Σ g x - mean Σ g)): ReLU's mask, three
     * reductions, two maps, a subtraction.
     */
    static void backwardNative(INDArray x, INDArray gamma, INDArray mean, INDArray var, INDArray g, INDArray y,
                               boolean training, double eps, INDArray dx, INDArray dGamma, INDArray dBeta) {
        if (y != null) {
            // ReLU's backward: g where y > 0 (sign(y) is 1 there, 0 where y = 0)
            INDArray masked = NativeCalls.scratch("bn.reluGrad", g.shape());
            Nd4j.exec(new Sign(y, masked));
            NativeCalls.run("multiply", of(masked, g), of(masked));
            g = masked;
        }
        long channels = x.size(1);
        INDArray perSample = NativeCalls.scratch("bn.perSample", x.size(0), channels);
        NativeCalls.run("reduce_sum", of(g), of(perSample), 2, 3);
        NativeCalls.run("reduce_sum", of(perSample), of(dBeta), 0);
        // Σ g·x in one pass over both tensors, never writing g·x out
        INDArray sumGx = NativeCalls.scratch("bn.sumGx", channels);
        Nd4j.exec(new Dot(g, x, sumGx, 0, 2, 3));

        double[] m = values(mean), v = values(var), gam = values(gamma), sumG = values(dBeta), gx = values(sumGx);
        int cs = m.length;
        double n = (double) x.length() / cs;
        double[] a = new double[cs], p = new double[cs], q = new double[cs], dg = new double[cs];
        for (int c = 0; c < cs; c++) {
            double s = 1.0 / Math.sqrt(v[c] + eps);
            dg[c] = s * (gx[c] - m[c] * sumG[c]);
            a[c] = gam[c] * s;
            // (x̂ dgamma + dbeta) / n = p x + q
            p[c] = s * dg[c] / n;
            q[c] = sumG[c] / n - p[c] * m[c];
        }
        dGamma.assign(NativeCalls.vector("bn.dGamma", dg));
        if (training) {
            affine(x, p, q, dx);
            NativeCalls.run("subtract", of(g, dx), of(dx));
            multiplyChannels(dx, a, dx);
        } else {
            multiplyChannels(g, a, dx);
        }
    }

    /** out = x · scale[c] + shift[c], per channel c of NCHW x; out may be x. */
    private static void affine(INDArray x, double[] scale, double[] shift, INDArray out) {
        multiplyChannels(x, scale, out);
        NativeCalls.run("biasadd", of(out, NativeCalls.vector("bn.shift", shift)), of(out), NO_I, new boolean[]{true}, NO_T);
    }

    /**
     * out = x · factor[c]. As [N·C, H·W] rows times a column of N·C factors when both arrays are
     * plain C-ordered: libnd4j broadcasts [1, C, 1, 1] over small images slowly (on [128, 128, 4, 4]
     * 0.152 ms against 0.051; on [128, 16, 32, 32] 0.384 against 0.368).
     */
    private static void multiplyChannels(INDArray x, double[] factor, INDArray out) {
        long n = x.size(0), c = x.size(1);
        if (ArrayLayout.whole(x) && ArrayLayout.whole(out)) {
            // the factors repeated for every sample: ones [N, 1] times factors [1, C] (the tile op is 10x slower)
            INDArray column = NativeCalls.scratch("bn.column", n, c);
            NativeCalls.run("multiply", of(NativeCalls.ones("bn.ones", n, 1), NativeCalls.vector("bn.factor", factor).reshape(1, c)),
                    of(column));
            NativeCalls.run("multiply", of(x.reshape(n * c, -1), column.reshape(n * c, 1)), of(out.reshape(n * c, -1)));
        } else {
            NativeCalls.run("multiply", of(x, NativeCalls.vector("bn.factor", factor).reshape(1, -1, 1, 1)), of(out));
        }
    }

    /** False under -XX:TieredStopAtLevel=1..3 (C1 only) or -Xint. */
    private static boolean optimisingJit() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            boolean tiered = Boolean.parseBoolean(vm.getVMOption("TieredCompilation").getValue());
            int stop = Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue());
            return (!tiered || stop >= 4) && !String.valueOf(System.getProperty("java.vm.info")).contains("interpreted mode");
        } catch (RuntimeException | LinkageError e) {
            return true;   // not HotSpot: assume an optimising JIT
        }
    }

    /** Chooses the vector passes (when present) or the native ones, for comparisons in one process. */
    static void useVector(boolean on) {
        vector = on && VECTOR;
    }

    /**
     * Blocked activations are read by the Java passes only, which the graph chose them for
     * ({@link ActivationLayout}); anything else is a graph built for another machine.
     */
    private static void requireBlocked(INDArray... arrays) {
        if (!BlockedBatchNorm.SUPPORTED || !vectorable(arrays) || arrays[0].size(1) % 8 != 0) {
            throw new IllegalStateException("blocked batch norm needs the Vector API with 16-float vectors and whole "
                    + "float arrays of a multiple of 8 channels, got shape " + java.util.Arrays.toString(arrays[0].shape()));
        }
    }

    /** Whole float arrays of at most 2 GB: what the Java passes address as one byte buffer. */
    private static boolean vectorable(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a.dataType() != DataType.FLOAT || !ArrayLayout.whole(a) || a.length() > Integer.MAX_VALUE / Float.BYTES) {
                return false;
            }
        }
        return arrays[0].rank() == 4;
    }

    private static VectorBatchNorm.Shape shape(INDArray x) {
        return new VectorBatchNorm.Shape((int) x.size(0), (int) x.size(1), (int) (x.size(2) * x.size(3)));
    }

    private static float[] floats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        return f;
    }

    /** Writes per-channel values into a vector output. */
    private static void put(INDArray out, double[] values) {
        float[] f = floats(values);
        if (out.dataType() == DataType.FLOAT && ArrayLayout.whole(out)) {
            new FloatPointer(out.data().addressPointer()).put(f, 0, f.length);
        } else {
            out.assign(Nd4j.createFromArray(f));
        }
    }

    /** A per-channel vector's values; straight from the buffer when it is a whole array (toDoubleVector takes 10x as long). */
    private static double[] values(INDArray a) {
        if (!ArrayLayout.whole(a) || a.dataType() != DataType.FLOAT) return a.toDoubleVector();
        float[] f = a.data().asFloat();
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) out[i] = f[i];
        return out;
    }
}
