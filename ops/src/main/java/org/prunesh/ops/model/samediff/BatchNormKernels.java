package org.prunesh.ops.model.samediff;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch norm over the channels of an NCHW tensor, training and inference, as a handful of native
 * passes; per-channel arithmetic (C numbers) is done here in double precision. Reductions go over
 * (h, w) first and then over n: libnd4j reduces over (n, h, w) of NCHW on one thread only.
 * Per-channel maps are a broadcast multiply plus an in-place {@code biasadd}, about 0.6x the time
 * of the {@code batchnorm} op (oneDNN's NCHW forward) on [128, 16, 32, 32]. docs/performance-log.md
 * has the measurements.
 */
final class BatchNormKernels {

    private BatchNormKernels() {
    }

    /**
     * y = gamma (x - mean) / sqrt(var + eps) + beta. With {@code training} the statistics are the
     * batch's (mean, biased variance over n, h, w) and are written to {@code mean} and {@code var};
     * otherwise the running ones are used and copied there.
     */
    static void forward(INDArray x, INDArray gamma, INDArray beta, INDArray runningMean, INDArray runningVar,
                        boolean training, double eps, INDArray y, INDArray mean, INDArray var) {
        if (training) {
            INDArray perSample = Nd4j.createUninitialized(DataType.FLOAT, x.size(0), x.size(1));
            exec(DynamicCustomOp.builder("reduce_mean").addInputs(x).addOutputs(perSample).addIntegerArguments(2, 3));
            exec(DynamicCustomOp.builder("reduce_mean").addInputs(perSample).addOutputs(mean).addIntegerArguments(0));
            exec(DynamicCustomOp.builder("reduce_variance").addInputs(x).addOutputs(var)
                    .addBooleanArguments(false, false).addIntegerArguments(0, 2, 3));
        } else {
            mean.assign(runningMean);
            var.assign(runningVar);
        }
        double[] m = mean.toDoubleVector(), v = var.toDoubleVector(), g = gamma.toDoubleVector(), b = beta.toDoubleVector();
        double[] scale = new double[m.length], shift = new double[m.length];
        for (int c = 0; c < m.length; c++) {
            scale[c] = g[c] / Math.sqrt(v[c] + eps);
            shift[c] = b[c] - m[c] * scale[c];
        }
        affine(x, scale, shift, y);
    }

    /**
     * Gradients of {@link #forward} given dL/dy = {@code g}, with the statistics it used. In
     * training mode they are the batch's own, so dx includes the paths through them; with running
     * statistics, which are constants, dx = g gamma / sqrt(var + eps). With x̂ = (x - mean) s,
     * s = 1/sqrt(var + eps) and n elements per channel:
     * <pre>
     *   dbeta = Σ g    dgamma = Σ g x̂ = s (Σ g x - mean Σ g)
     *   dx    = gamma s (g - (x̂ dgamma + dbeta) / n)     (training)
     * </pre>
     */
    static void backward(INDArray x, INDArray gamma, INDArray mean, INDArray var, INDArray g, boolean training,
                         double eps, INDArray dx, INDArray dGamma, INDArray dBeta) {
        long channels = x.size(1);
        INDArray perSample = Nd4j.createUninitialized(DataType.FLOAT, x.size(0), channels);
        exec(DynamicCustomOp.builder("reduce_sum").addInputs(g).addOutputs(perSample).addIntegerArguments(2, 3));
        exec(DynamicCustomOp.builder("reduce_sum").addInputs(perSample).addOutputs(dBeta).addIntegerArguments(0));
        // Σ g·x in one pass over both tensors, never writing g·x out
        INDArray sumGx = Nd4j.createUninitialized(DataType.FLOAT, channels);
        Nd4j.exec(new Dot(g, x, sumGx, 0, 2, 3));

        double[] m = mean.toDoubleVector(), v = var.toDoubleVector(), gam = gamma.toDoubleVector();
        double[] sumG = dBeta.toDoubleVector(), gx = sumGx.toDoubleVector();
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
        dGamma.assign(channelVector(dg));
        if (training) {
            affine(x, p, q, dx);
            exec(DynamicCustomOp.builder("subtract").addInputs(g, dx).addOutputs(dx));
            multiplyChannels(dx, a, dx);
        } else {
            multiplyChannels(g, a, dx);
        }
    }

    /** out = x · scale[c] + shift[c], per channel c of NCHW x; out may be x. */
    private static void affine(INDArray x, double[] scale, double[] shift, INDArray out) {
        multiplyChannels(x, scale, out);
        exec(DynamicCustomOp.builder("biasadd").addInputs(out, channelVector(shift)).addOutputs(out)
                .addBooleanArguments(true));
    }

    /**
     * out = x · factor[c]. As [N·C, H·W] rows times a column of N·C factors when both arrays are
     * plain C-ordered: libnd4j broadcasts [1, C, 1, 1] over small images slowly (on [128, 128, 4, 4]
     * 0.152 ms against 0.051; on [128, 16, 32, 32] 0.384 against 0.368).
     */
    private static void multiplyChannels(INDArray x, double[] factor, INDArray out) {
        long n = x.size(0), c = x.size(1);
        if (plain(x) && plain(out)) {
            float[] perChannel = floats(factor), column = new float[(int) (n * c)];
            for (int i = 0; i < n; i++) System.arraycopy(perChannel, 0, column, (int) (i * c), (int) c);
            exec(DynamicCustomOp.builder("multiply").addInputs(x.reshape(n * c, -1), Nd4j.createFromArray(column).reshape(-1, 1))
                    .addOutputs(out.reshape(n * c, -1)));
        } else {
            exec(DynamicCustomOp.builder("multiply").addInputs(x, channelVector(factor).reshape(1, -1, 1, 1)).addOutputs(out));
        }
    }

    /** C-ordered with default strides from offset 0: its reshape is a view of the same memory. */
    private static boolean plain(INDArray a) {
        return a.ordering() == 'c' && a.offset() == 0 && Shape.hasDefaultStridesForShape(a);
    }

    private static INDArray channelVector(double[] values) {
        return Nd4j.createFromArray(floats(values));
    }

    private static float[] floats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        return f;
    }

    private static void exec(DynamicCustomOp.DynamicCustomOpsBuilder op) {
        Nd4j.exec(op.build());
    }
}
