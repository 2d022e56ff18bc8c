package org.prunesh.ops.model.samediff;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batch norm on the blocked layouts against the same kernels on NCHW: 3 samples, 5x7 planes, 32
 * channels (two blocks of nChw16c) and 24 (three of nChw8c, whose planes of 35 pixels end in a
 * half-used vector). Channel 1 sits at 1000 ± 2, so the statistics must be centred as the
 * NCHW pass centres them. Per-channel sums are added in another order, so values agree to float
 * rounding (relative 2e-6; the gradient sums, which cancel, 5e-5 absolute), not bit for bit; the
 * blocked passes agree with themselves bit for bit on 1 and 2 threads.
 */
class BlockedBatchNormTest {

    private static final int N = 3, H = 5, W = 7, HW = H * W;
    /** Channels of the case running, and their block. */
    private int C = 32, B = 16;
    private static final double EPS = 1e-5;

    @Test
    void theBlockedPassesAreTheOnesTested() {
        assertTrue(BlockedBatchNorm.SUPPORTED, "the machines this runs on have AVX-512: 16-float vectors");
    }

    /** Index of (n, c, p) in nChw16c or nChw8c. */
    private int blocked(int n, int c, int p) {
        return ((n * (C / B) + c / B) * HW + p) * B + c % B;
    }

    private int plain(int n, int c, int p) {
        return (n * C + c) * HW + p;
    }

    private float[] toBlocked(float[] nchw) {
        float[] out = new float[nchw.length];
        for (int n = 0; n < N; n++) for (int c = 0; c < C; c++) for (int p = 0; p < HW; p++) out[blocked(n, c, p)] = nchw[plain(n, c, p)];
        return out;
    }

    private float[] toPlain(float[] blockedValues) {
        float[] out = new float[blockedValues.length];
        for (int n = 0; n < N; n++) for (int c = 0; c < C; c++) for (int p = 0; p < HW; p++) out[plain(n, c, p)] = blockedValues[blocked(n, c, p)];
        return out;
    }

    /** y, mean, var, dx, dgamma, dbeta of one training step, on NCHW values given in {@code x} and {@code g}. */
    private float[][] step(float[] x, float[] g, boolean relu, boolean isBlocked) {
        float[] gamma = new float[C], beta = new float[C];
        for (int c = 0; c < C; c++) {
            gamma[c] = (float) (0.5 + c / 16.0);
            beta[c] = (float) (0.1 * (c % 5) - 0.2);
        }
        INDArray xa = Nd4j.createFromArray(isBlocked ? toBlocked(x) : x).reshape(N, C, H, W);
        INDArray ga = Nd4j.createFromArray(isBlocked ? toBlocked(g) : g).reshape(N, C, H, W);
        INDArray y = xa.ulike(), dx = xa.ulike();
        INDArray mean = Nd4j.create(DataType.FLOAT, C), var = Nd4j.create(DataType.FLOAT, C);
        INDArray dGamma = Nd4j.create(DataType.FLOAT, C), dBeta = Nd4j.create(DataType.FLOAT, C);
        INDArray gam = Nd4j.createFromArray(gamma), bet = Nd4j.createFromArray(beta);
        BatchNormKernels.forward(xa, gam, bet, Nd4j.zeros(DataType.FLOAT, C), Nd4j.ones(DataType.FLOAT, C), true, EPS,
                relu, y, mean, var, isBlocked);
        BatchNormKernels.backward(xa, gam, mean, var, ga, relu ? y : null, true, EPS, dx, dGamma, dBeta, isBlocked);
        float[] yv = y.data().asFloat(), dxv = dx.data().asFloat();
        return new float[][]{isBlocked ? toPlain(yv) : yv, mean.data().asFloat(), var.data().asFloat(),
                isBlocked ? toPlain(dxv) : dxv, dGamma.data().asFloat(), dBeta.data().asFloat()};
    }

    @Test
    void aTrainingStepOnBlockedActivationsEqualsTheNchwOne() {
        trainingStep(32);
        assertTrue(ActivationLayout.block(32) == 16);
    }

    @Test
    void aTrainingStepOnEightChannelBlocksEqualsTheNchwOne() {
        trainingStep(24);
        assertTrue(ActivationLayout.block(24) == 8);
    }

    private void trainingStep(int channels) {
        C = channels;
        B = ActivationLayout.block(channels);
        float[] x = new float[N * C * HW], g = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            int c = i / HW % C;
            x[i] = (float) ((c == 1 ? 1000 : c * 0.25) + ((i * 37) % 101) / 25.0 - 2);
            g[i] = (float) (((i * 53) % 89) / 30.0 - 1.5);
        }
        int before = ChannelParallel.threads();
        try {
            for (boolean relu : new boolean[]{false, true}) {
                ChannelParallel.threads(1);
                float[][] plain = step(x, g, relu, false), one = step(x, g, relu, true);
                ChannelParallel.threads(2);
                float[][] two = step(x, g, relu, true);
                String[] names = {"y", "mean", "var", "dx", "dgamma", "dbeta"};
                for (int k = 0; k < names.length; k++) {
                    assertArrayEquals(one[k], two[k], 0f, names[k] + ": blocked, 1 thread against 2");
                    for (int i = 0; i < plain[k].length; i++) {
                        // dgamma and dbeta add 105 products of size up to 3 that cancel: float rounding of the terms
                        float tolerance = k >= 4 ? 5e-5f : 2e-6f * Math.max(1f, Math.abs(plain[k][i]));
                        if (Math.abs(plain[k][i] - one[k][i]) > tolerance) {
                            throw new AssertionError(names[k] + "[" + i + "] relu=" + relu + ": NCHW " + plain[k][i]
                                    + ", blocked " + one[k][i]);
                        }
                    }
                }
            }
        } finally {
            ChannelParallel.threads(before);
        }
    }
}
