package org.prunesh.ops.model.samediff;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The weight-only gradient of a convolution of a placeholder (and both gradients on a 2x2 input),
 * with oneDNN and with {@code -Dprunesh.conv=native} (forward convolutions), against a direct evaluation of
 * dW[kh, kw, i, o] = Σ x[n, i, h + kh - p, w + kw - p] · g[n, o, h, w] in double precision, with
 * g = dL/dy given by the loss Σ y·c for literal c.
 */
class InputConv2DTest {

    @Test
    void threeByThreePaddedWithoutBias() {
        both(() -> check(3, 1, false));
    }

    @Test
    void fiveByFiveUnpaddedWithBias() {
        both(() -> check(5, 0, true));
    }

    /** Through oneDNN ({@link Conv2dGrad}) and, as without it, through forward convolutions. */
    private static void both(Runnable test) {
        test.run();
        System.setProperty(OneDnn.PROPERTY, "native");
        try {
            test.run();
        } finally {
            System.clearProperty(OneDnn.PROPERTY);
        }
    }

    private static void check(int k, int p, boolean bias) {
        int n = 2, ci = 3, co = 2, h = 6, w = 5;
        int oh = h + 2 * p - k + 1, ow = w + 2 * p - k + 1;
        double[] x = values(n * ci * h * w, 0.37), c = values(n * co * oh * ow, 0.61);
        SameDiff sd = SameDiff.create();
        SDVariable weights = sd.var("w", Nd4j.rand(DataType.FLOAT, k, k, ci, co));
        SDVariable b = bias ? sd.var("b", Nd4j.rand(DataType.FLOAT, co)) : null;
        Conv2DConfig config = Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).pH(p).pW(p)
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
        // the flat input reshaped, as the model builders feed images
        SDVariable image = sd.placeHolder("in", DataType.FLOAT, -1, ci * h * w).reshape(-1, ci, h, w);
        SDVariable y = new InputConv2D(sd, image, weights, b, config, h, w).outputVariable();
        sd.setLossVariables(y.mul(sd.constant(floats(c).reshape(n, co, oh, ow))).sum());

        INDArray input = floats(x).reshape(n, ci * h * w);
        Map<String, INDArray> grads = bias ? sd.calculateGradients(Map.of("in", input), "w", "b")
                : sd.calculateGradients(Map.of("in", input), "w");
        double[] dW = new double[k * k * ci * co];
        double[] dB = new double[co];
        for (int kh = 0; kh < k; kh++) for (int kw = 0; kw < k; kw++) for (int i = 0; i < ci; i++) for (int o = 0; o < co; o++) {
            double s = 0;
            for (int s0 = 0; s0 < n; s0++) for (int r = 0; r < oh; r++) for (int q = 0; q < ow; q++) {
                int xr = r + kh - p, xq = q + kw - p;
                if (xr < 0 || xr >= h || xq < 0 || xq >= w) continue;
                s += x[((s0 * ci + i) * h + xr) * w + xq] * c[((s0 * co + o) * oh + r) * ow + q];
            }
            dW[((kh * k + kw) * ci + i) * co + o] = s;
        }
        for (int o = 0; o < co; o++) for (int s0 = 0; s0 < n; s0++) for (int r = 0; r < oh * ow; r++) dB[o] += c[(s0 * co + o) * oh * ow + r];
        assertArrayEquals(dW, grads.get("w").dup('c').data().asDouble(), 1e-4, "dW");
        if (bias) assertArrayEquals(dB, grads.get("b").dup('c').data().asDouble(), 1e-4, "db");
        // and it was computed without conv2d_bp, which would also compute the input's gradient
        assertFalse(sd.getFunction("grad").getOps().values().stream().anyMatch(o -> o.getOp().opName().equals("conv2d_bp")));
    }

    /**
     * A trainable input of 2x2 pixels: both gradients through forward convolutions, dx against
     * dx[n, i, r, q] = Σ W[kh, kw, i, o] · g[n, o, r + p - kh, q + p - kw].
     */
    @Test
    void smallActivationGetsBothGradientsFromForwardConvolutions() {
        both(InputConv2DTest::smallActivation);
    }

    private static void smallActivation() {
        int n = 3, ci = 4, co = 5, k = 3, p = 1, h = 2, w = 2;
        double[] x = values(n * ci * h * w, 0.29), c = values(n * co * h * w, 0.53), wt = values(k * k * ci * co, 0.17);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.var("x", floats(x).reshape(n, ci, h, w));
        SDVariable weights = sd.var("w", floats(wt).reshape(k, k, ci, co));
        Conv2DConfig config = Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).pH(p).pW(p)
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
        SDVariable y = new InputConv2D(sd, in, weights, null, config, h, w).outputVariable();
        sd.setLossVariables(y.mul(sd.constant(floats(c).reshape(n, co, h, w))).sum());
        Map<String, INDArray> grads = sd.calculateGradients(Map.of(), "x", "w");

        double[] dx = new double[x.length], dW = new double[wt.length];
        for (int s0 = 0; s0 < n; s0++) for (int i = 0; i < ci; i++) for (int r = 0; r < h; r++) for (int q = 0; q < w; q++) {
            for (int o = 0; o < co; o++) for (int kh = 0; kh < k; kh++) for (int kw = 0; kw < k; kw++) {
                int gr = r + p - kh, gq = q + p - kw;
                if (gr < 0 || gr >= h || gq < 0 || gq >= w) continue;
                double gv = c[((s0 * co + o) * h + gr) * w + gq];
                dx[((s0 * ci + i) * h + r) * w + q] += wt[((kh * k + kw) * ci + i) * co + o] * gv;
                dW[((kh * k + kw) * ci + i) * co + o] += x[((s0 * ci + i) * h + r) * w + q] * gv;
            }
        }
        assertArrayEquals(dx, grads.get("x").dup('c').data().asDouble(), 1e-4, "dx");
        assertArrayEquals(dW, grads.get("w").dup('c').data().asDouble(), 1e-4, "dW");
        assertFalse(sd.getFunction("grad").getOps().values().stream().anyMatch(o -> o.getOp().opName().equals("conv2d_bp")));
    }

    /** A fixed, irregular sequence in [-1, 1). */
    static double[] values(int size, double step) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) v[i] = ((i * step) % 2.0) - 1.0;
        return v;
    }

    static INDArray floats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        return Nd4j.createFromArray(f);
    }
}
