package org.prunesh.ops.model.samediff;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch-norm kernels on planes of 7x9 = 63 values, which the vector passes cover as whole
 * vectors plus a scalar tail (FusedBatchNormTest's 2x2 planes fit no vector), against a
 * double-precision reference. Channel 1 sits at 1000 ± 2: the one-pass variance must not cancel.
 * Inputs are x[i] = offset[c] + ((i·37) mod 101) / 25 - 2, dL/dy = ((i·53) mod 89) / 30 - 1.5, as floats.
 */
class VectorBatchNormTest {

    private static final int N = 3, C = 4, HW = 63;
    private static final double EPS = 1e-5;
    private static final double[] OFFSET = {0, 1000, -0.5, 3};
    private static final double[] GAMMA = {1.5, -0.5, 2, 0.75};
    private static final double[] BETA = {0.1, 0.2, -0.3, 0};

    @Test
    void theVectorPathIsTheOneTested() {
        assertTrue(BatchNormKernels.VECTOR, "tests run with --add-modules jdk.incubator.vector");
    }

    @Test
    void trainingStepMatchesTheReferenceWithAndWithoutRelu() {
        for (boolean relu : new boolean[]{false, true}) {
            for (int threads : new int[]{1, 2}) {
                check(relu, threads, true);
            }
        }
    }

    /** The native passes, used when the Vector API module is absent, compute the same. */
    @Test
    void theNativeFallbackMatchesTheReferenceToo() {
        check(false, 1, false);
        check(true, 1, false);
    }

    private static void check(boolean relu, int threads, boolean vector) {
        int before = ChannelParallel.threads();
        ChannelParallel.threads(threads);
        try {
            double[] x = new double[N * C * HW], g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                // rounded to float, as the kernels see them
                x[i] = (float) (OFFSET[i / HW % C] + ((i * 37) % 101) / 25.0 - 2);
                g[i] = (float) (((i * 53) % 89) / 30.0 - 1.5);
            }
            INDArray xa = array(x).reshape(N, C, 7, 9), ga = array(g).reshape(N, C, 7, 9);
            INDArray y = xa.ulike(), mean = Nd4j.create(DataType.FLOAT, C), var = Nd4j.create(DataType.FLOAT, C);
            INDArray dx = xa.ulike(), dGamma = Nd4j.create(DataType.FLOAT, C), dBeta = Nd4j.create(DataType.FLOAT, C);
            INDArray rm = Nd4j.zeros(DataType.FLOAT, C), rv = Nd4j.ones(DataType.FLOAT, C);
            if (vector) {
                BatchNormKernels.forward(xa, array(GAMMA), array(BETA), rm, rv, true, EPS, relu, y, mean, var);
                BatchNormKernels.backward(xa, array(GAMMA), mean, var, ga, relu ? y : null, true, EPS, dx, dGamma, dBeta);
            } else {
                BatchNormKernels.forwardNative(xa, array(GAMMA), array(BETA), rm, rv, true, EPS, relu, y, mean, var);
                BatchNormKernels.backwardNative(xa, array(GAMMA), mean, var, ga, relu ? y : null, true, EPS, dx, dGamma, dBeta);
            }

            Reference ref = new Reference(x, g, relu);
            String what = (vector ? "vector, " : "native, ") + (relu ? "relu, " : "") + threads + " threads: ";
            assertArrayEquals(ref.mean, mean.toDoubleVector(), 1e-4, what + "mean");
            assertArrayEquals(ref.var, var.toDoubleVector(), 1e-4, what + "var");
            assertArrayEquals(ref.y, y.dup().data().asDouble(), 1e-4, what + "y");
            // The mean reaches the backward op as a float, 2.5e-5 off on the channel at 1000, which moves
            // dgamma by that times Σ g (1.3e-4); the native path's s (Σ g x - mean Σ g) cancels (2e-3).
            assertArrayEquals(ref.dGamma, dGamma.toDoubleVector(), vector ? 2e-4 : 5e-3, what + "dgamma");
            assertArrayEquals(ref.dBeta, dBeta.toDoubleVector(), 1e-4, what + "dbeta");
            assertArrayEquals(ref.dx, dx.dup().data().asDouble(), 1e-5, what + "dx");
            assertEquals(relu, ref.masked > 0, "the ReLU case must mask some values");
        } finally {
            ChannelParallel.threads(before);
        }
    }

    /** Batch norm (+ ReLU) forward and backward from the definitions, in double precision. */
    private static final class Reference {
        final double[] mean = new double[C], var = new double[C], dGamma = new double[C], dBeta = new double[C];
        final double[] y, dx;
        int masked;

        Reference(double[] x, double[] g, boolean relu) {
            y = new double[x.length];
            dx = new double[x.length];
            double m = N * HW;
            for (int c = 0; c < C; c++) {
                for (int i : indices(c)) mean[c] += x[i] / m;
                for (int i : indices(c)) var[c] += (x[i] - mean[c]) * (x[i] - mean[c]) / m;
                double sigma = Math.sqrt(var[c] + EPS);
                double[] gm = new double[x.length];
                double meanG = 0, meanGx = 0;
                for (int i : indices(c)) {
                    double xHat = (x[i] - mean[c]) / sigma, bn = GAMMA[c] * xHat + BETA[c];
                    y[i] = relu ? Math.max(bn, 0) : bn;
                    gm[i] = relu && bn <= 0 ? 0 : g[i];
                    if (relu && bn <= 0) masked++;
                    dBeta[c] += gm[i];
                    dGamma[c] += gm[i] * xHat;
                    meanG += gm[i] / m;
                    meanGx += gm[i] * xHat / m;
                }
                for (int i : indices(c)) {
                    double xHat = (x[i] - mean[c]) / sigma;
                    dx[i] = GAMMA[c] / sigma * (gm[i] - meanG - xHat * meanGx);
                }
            }
        }

        private static int[] indices(int c) {
            int[] out = new int[N * HW];
            for (int n = 0, k = 0; n < N; n++) {
                for (int p = 0; p < HW; p++) out[k++] = (n * C + c) * HW + p;
            }
            return out;
        }
    }

    private static INDArray array(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        return Nd4j.createFromArray(f);
    }
}
