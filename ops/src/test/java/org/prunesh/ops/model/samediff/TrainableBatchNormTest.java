package org.prunesh.ops.model.samediff;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Training-mode batch norm (batch statistics, biased variance) against a double-precision
 * reference computed here, on a literal [2, 3, 2, 2] input. The loss is Σ y·c for a literal c, so
 * dL/dy = c and the reference gradients are the textbook ones:
 * dβ = Σ c, dγ = Σ c·x̂, dx = γ/σ · (c − mean(c) − x̂·mean(c·x̂)), with σ = sqrt(var + eps).
 */
class TrainableBatchNormTest {

    private static final int N = 2, C = 3, H = 2, W = 2;
    private static final double EPS = 1e-5;
    private static final double[] X = {
            1, 2, 3, 4, -1, 0, 2, 5, 0.5, 0.5, 1.5, -2,
            3, -2, 0, 1, 4, 4, 1, -3, 2, -1, 0.25, 6};
    private static final double[] C_WEIGHTS = {
            0.3, -1, 2, 0.5, 1, 1, -0.5, 0.25, 3, -2, 0.1, 0,
            -0.7, 0.4, 1.5, -1.2, 0.6, -0.3, 2.5, 1, -1, 0.8, 0.2, -0.4};
    private static final double[] GAMMA = {1.5, -0.5, 2};
    private static final double[] BETA = {0.1, 0.2, -0.3};

    @Test
    void forwardAndGradientsMatchADoublePrecisionReference() {
        check(false);
    }

    /** The form the model builders use: 1/(elements per channel) given as a graph scalar. */
    @Test
    void withTheCountGivenTheGradientsStillMatch() {
        check(true);
    }

    private static void check(boolean givenCount) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", floats(X).reshape(N, C, H, W));
        SDVariable gamma = sd.var("gamma", floats(GAMMA));
        SDVariable beta = sd.var("beta", floats(BETA));
        SDVariable[] moments = sd.math().moments(x, new int[]{0, 2, 3}, false);
        SDVariable mean = GradientBarrier.of(sd, "mean", moments[0]);
        SDVariable var = GradientBarrier.of(sd, "var", moments[1]);
        SDVariable y = givenCount
                ? new TrainableBatchNorm(sd, x, mean, var, gamma, beta, EPS, 4,
                        sd.constant("inverseCount", Nd4j.scalar(1f / (N * H * W)))).outputVariable()
                : new TrainableBatchNorm(sd, x, mean, var, gamma, beta, EPS, 4).outputVariable();
        SDVariable c = sd.constant("c", floats(C_WEIGHTS).reshape(N, C, H, W));
        sd.setLossVariables(y.mul(c).sum().rename("loss"));

        Reference ref = new Reference();
        assertArrayEquals(ref.y, doubles(y.eval()), 1e-5, "y");
        Map<String, INDArray> grads = sd.calculateGradients(Map.of(), "x", "gamma", "beta");
        assertArrayEquals(ref.dx, doubles(grads.get("x")), 1e-5, "dx");
        assertArrayEquals(ref.dGamma, doubles(grads.get("gamma")), 1e-5, "dgamma");
        assertArrayEquals(ref.dBeta, doubles(grads.get("beta")), 1e-5, "dbeta");
    }

    /** Straight from the definitions, in double precision. */
    private static final class Reference {
        final double[] y = new double[X.length];
        final double[] dx = new double[X.length];
        final double[] dGamma = new double[C];
        final double[] dBeta = new double[C];

        Reference() {
            int m = N * H * W;
            for (int ch = 0; ch < C; ch++) {
                double mean = 0, var = 0;
                for (int i : indices(ch)) mean += X[i];
                mean /= m;
                for (int i : indices(ch)) var += (X[i] - mean) * (X[i] - mean);
                var /= m;
                double sigma = Math.sqrt(var + EPS);
                double meanC = 0, meanCx = 0;
                for (int i : indices(ch)) {
                    double xHat = (X[i] - mean) / sigma;
                    y[i] = GAMMA[ch] * xHat + BETA[ch];
                    dBeta[ch] += C_WEIGHTS[i];
                    dGamma[ch] += C_WEIGHTS[i] * xHat;
                    meanC += C_WEIGHTS[i] / m;
                    meanCx += C_WEIGHTS[i] * xHat / m;
                }
                for (int i : indices(ch)) {
                    double xHat = (X[i] - mean) / sigma;
                    dx[i] = GAMMA[ch] / sigma * (C_WEIGHTS[i] - meanC - xHat * meanCx);
                }
            }
        }

        /** Flat NCHW indices of channel {@code ch}. */
        private static int[] indices(int ch) {
            int[] out = new int[N * H * W];
            int k = 0;
            for (int n = 0; n < N; n++) {
                for (int p = 0; p < H * W; p++) out[k++] = (n * C + ch) * H * W + p;
            }
            return out;
        }
    }

    private static INDArray floats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        return Nd4j.createFromArray(f);
    }

    private static double[] doubles(INDArray a) {
        return a.dup('c').data().asDouble();
    }
}
