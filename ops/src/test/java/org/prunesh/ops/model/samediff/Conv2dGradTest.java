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
import static org.prunesh.ops.model.samediff.InputConv2DTest.floats;
import static org.prunesh.ops.model.samediff.InputConv2DTest.values;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A convolution with a trainable input, its output through {@link ConvForward} and both
 * gradients through {@link Conv2dGrad} (oneDNN's direct algorithm), against a direct evaluation in
 * double precision, g = dL/dy given by the loss Σ y·c for literal c:
 * <pre>
 *   y[n, o, r, q]     = b[o] + Σ_{i,kh,kw} x[n, i, r·s + kh·d - p, q·s + kw·d - p] · W[kh, kw, i, o]
 *   dx[n, i, r, q]    = Σ_{o,kh,kw} W[kh, kw, i, o] · g[n, o, (r + p - kh·d) / s, (q + p - kw·d) / s]   (where exact)
 *   dW[kh, kw, i, o]  = Σ_{n,r,q} x[n, i, r·s + kh·d - p, q·s + kw·d - p] · g[n, o, r, q]
 * </pre>
 * and against libnd4j's {@code conv2d_bp}, which {@code -Dprunesh.conv=native} keeps (the path of
 * the other backends).
 */
class Conv2dGradTest {

    @Test
    void threeByThreeStrideOnePadded() {
        check(3, 1, 1, 1, false);
    }

    @Test
    void threeByThreeStrideTwoPaddedWithBias() {
        check(3, 2, 1, 1, true);
    }

    @Test
    void fiveByFiveUnpadded() {
        check(5, 1, 0, 1, false);
    }

    /** libnd4j's forward conv2d refuses dilation on this backend, so the kernel is called directly. */
    @Test
    void dilated() {
        int k = 3, s = 1, p = 2, d = 2, oh = 7, ow = 6;
        INDArray dx = Nd4j.create(DataType.FLOAT, N, CI, H, W), dw = Nd4j.create(DataType.FLOAT, k, k, CI, CO);
        ConvBackward.gradients(floats(values(N * CI * H * W, 0.37)).reshape(N, CI, H, W),
                floats(values(k * k * CI * CO, 0.13)).reshape(k, k, CI, CO),
                floats(values(N * CO * oh * ow, 0.61)).reshape(N, CO, oh, ow),
                new long[]{k, k, s, s, p, p, d, d, 0, 0, 0}, dx, dw);
        compare(k, s, p, d, Map.of("x", dx, "w", dw));
    }

    /** A 1x1 convolution from 1 to 2 channels on integers: every sum exact. */
    @Test
    void theBiasGradientIsTheOutputGradientSummedPerChannel() {
        INDArray x = floats(new double[]{1, 2, 3, 4}).reshape(1, 1, 2, 2);
        INDArray w = floats(new double[]{1, -1}).reshape(1, 1, 1, 2);
        INDArray g = floats(new double[]{1, 2, 3, 4, -5, 6, 7, 8}).reshape(1, 2, 2, 2);
        INDArray dx = Nd4j.create(DataType.FLOAT, 1, 1, 2, 2), dw = Nd4j.create(DataType.FLOAT, 1, 1, 1, 2);
        INDArray db = Nd4j.create(DataType.FLOAT, 2);
        ConvBackward.gradients(x, w, g, new long[]{1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0}, dx, dw, db, false, false);
        assertArrayEquals(new float[]{10, 16}, db.data().asFloat());
        assertArrayEquals(new float[]{30, 60}, dw.data().asFloat());
        assertArrayEquals(new float[]{6, -4, -4, -4}, dx.data().asFloat());
    }

    @Test
    void nativePathComputesTheSameGradients() {
        Map<String, INDArray> ours = gradients(3, 1, 1, 1, true, false);
        Map<String, INDArray> stock;
        System.setProperty(OneDnn.PROPERTY, "native");
        try {
            stock = gradients(3, 1, 1, 1, true, true);
        } finally {
            System.clearProperty(OneDnn.PROPERTY);
        }
        for (String v : new String[]{"x", "w", "b"}) {
            assertArrayEquals(stock.get(v).dup('c').data().asFloat(), ours.get(v).dup('c').data().asFloat(), 1e-5f, v);
        }
    }

    private static final int N = 2, CI = 3, CO = 4, H = 7, W = 6;

    private static void check(int k, int s, int p, int d, boolean bias) {
        compare(k, s, p, d, gradients(k, s, p, d, bias, false));
    }

    private static void compare(int k, int s, int p, int d, Map<String, INDArray> grads) {
        boolean bias = grads.containsKey("b");
        int ke = (k - 1) * d + 1, oh = (H + 2 * p - ke) / s + 1, ow = (W + 2 * p - ke) / s + 1;
        double[] x = values(N * CI * H * W, 0.37), c = values(N * CO * oh * ow, 0.61), wt = values(k * k * CI * CO, 0.13);
        double[] dx = new double[x.length], dW = new double[wt.length], dB = new double[CO];
        for (int n = 0; n < N; n++) for (int o = 0; o < CO; o++) for (int r = 0; r < oh; r++) for (int q = 0; q < ow; q++) {
            double gv = c[((n * CO + o) * oh + r) * ow + q];
            dB[o] += gv;
            for (int i = 0; i < CI; i++) for (int kh = 0; kh < k; kh++) for (int kw = 0; kw < k; kw++) {
                int xr = r * s + kh * d - p, xq = q * s + kw * d - p;
                if (xr < 0 || xr >= H || xq < 0 || xq >= W) continue;
                int xi = ((n * CI + i) * H + xr) * W + xq, wi = ((kh * k + kw) * CI + i) * CO + o;
                dx[xi] += wt[wi] * gv;
                dW[wi] += x[xi] * gv;
            }
        }
        assertArrayEquals(dx, grads.get("x").dup('c').data().asDouble(), 1e-4, "dx");
        assertArrayEquals(dW, grads.get("w").dup('c').data().asDouble(), 1e-4, "dW");
        if (bias) assertArrayEquals(dB, grads.get("b").dup('c').data().asDouble(), 1e-4, "db");
    }

    /** The gradients of x, w (and b), checking which op computed them. */
    private static Map<String, INDArray> gradients(int k, int s, int p, int d, boolean bias, boolean stock) {
        int ke = (k - 1) * d + 1, oh = (H + 2 * p - ke) / s + 1, ow = (W + 2 * p - ke) / s + 1;
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.var("x", floats(values(N * CI * H * W, 0.37)).reshape(N, CI, H, W));
        SDVariable weights = sd.var("w", floats(values(k * k * CI * CO, 0.13)).reshape(k, k, CI, CO));
        SDVariable b = bias ? sd.var("b", floats(values(CO, 0.29))) : null;
        Conv2DConfig config = Conv2DConfig.builder().kH(k).kW(k).sH(s).sW(s).pH(p).pW(p).dH(d).dW(d)
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
        SDVariable y = new InputConv2D(sd, in, weights, b, config, H, W).outputVariable();
        assertArrayEquals(forward(k, s, p, d, bias, oh, ow), y.eval().dup('c').data().asDouble(), 1e-4, "y");
        sd.setLossVariables(y.mul(sd.constant(floats(values(N * CO * oh * ow, 0.61)).reshape(N, CO, oh, ow))).sum());
        Map<String, INDArray> grads = bias ? sd.calculateGradients(Map.of(), "x", "w", "b") : sd.calculateGradients(Map.of(), "x", "w");
        String expected = stock ? "conv2d_bp" : Conv2dGrad.NAME;
        assertTrue(sd.getFunction("grad").getOps().values().stream().anyMatch(o -> o.getOp().opName().equals(expected)),
                "the gradient uses " + expected);
        return grads;
    }

    /** y[n, o, r, q] = b[o] + Σ_{i,kh,kw} x[n, i, r·s + kh·d - p, q·s + kw·d - p] · W[kh, kw, i, o]. */
    private static double[] forward(int k, int s, int p, int d, boolean bias, int oh, int ow) {
        double[] x = values(N * CI * H * W, 0.37), wt = values(k * k * CI * CO, 0.13), b = values(CO, 0.29);
        double[] y = new double[N * CO * oh * ow];
        for (int n = 0; n < N; n++) for (int o = 0; o < CO; o++) for (int r = 0; r < oh; r++) for (int q = 0; q < ow; q++) {
            double sum = bias ? (float) b[o] : 0;
            for (int i = 0; i < CI; i++) for (int kh = 0; kh < k; kh++) for (int kw = 0; kw < k; kw++) {
                int xr = r * s + kh * d - p, xq = q * s + kw * d - p;
                if (xr < 0 || xr >= H || xq < 0 || xq >= W) continue;
                sum += (float) x[((n * CI + i) * H + xr) * W + xq] * (float) wt[((kh * k + kw) * CI + i) * CO + o];
            }
            y[((n * CO + o) * oh + r) * ow + q] = sum;
        }
        return y;
    }
}
