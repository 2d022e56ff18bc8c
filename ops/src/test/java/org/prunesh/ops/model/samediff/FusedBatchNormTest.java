package org.prunesh.ops.model.samediff;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * {@link FusedBatchNorm} and its gradient against a double-precision reference computed here, on a
 * literal [2, 3, 2, 2] input, in both modes. The loss is Σ y·c for a literal c, so dL/dy = c and
 * the reference gradients are the textbook ones. Training mode (batch statistics, biased
 * variance): dβ = Σ c, dγ = Σ c·x̂, dx = γ/σ · (c − mean(c) − x̂·mean(c·x̂)), σ = sqrt(var + eps).
 * Eval mode (running statistics, constants): the same dβ and dγ, dx = γ/σ · c. With ReLU in the
 * op, y = max(bn(x), 0) and c counts only where y > 0 (the input mixes signs in every channel).
 */
class FusedBatchNormTest {

    static {
        // before any graph exists: SameDiff creates a graph's session when its first variable is set
        JavaKernel.install();
    }

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
    private static final double[] RUNNING_MEAN = {0.5, -1, 2};
    private static final double[] RUNNING_VAR = {4, 0.25, 9};

    @Test
    void trainingModeForwardAndGradientsMatchADoublePrecisionReference() {
        check(true, false);
    }

    @Test
    void evalModeNormalisesWithRunningStatisticsAndTreatsThemAsConstants() {
        check(false, false);
    }

    @Test
    void withReluTrainingModeMatchesTheReferenceMaskedWhereTheOutputIsNotPositive() {
        check(true, true);
    }

    @Test
    void withReluEvalModeMatchesTheReferenceMaskedWhereTheOutputIsNotPositive() {
        check(false, true);
    }

    private static void check(boolean training, boolean relu) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", floats(X).reshape(N, C, H, W));
        SDVariable gamma = sd.var("gamma", floats(GAMMA));
        SDVariable beta = sd.var("beta", floats(BETA));
        int b = training ? 1 : 0;
        SDVariable mode = sd.constant("mode", Nd4j.createFromArray(new float[][]{{b, 0, 1 - b, 0}, {0, b, 0, 1 - b}}));
        SDVariable[] out = new FusedBatchNorm(sd, x, gamma, beta, sd.constant("rm", floats(RUNNING_MEAN)),
                sd.constant("rv", floats(RUNNING_VAR)), mode, EPS, relu, false).outputVariables();
        SDVariable c = sd.constant("c", floats(C_WEIGHTS).reshape(N, C, H, W));
        sd.setLossVariables(out[0].mul(c).sum().rename("loss"));

        Reference ref = new Reference(training, relu);
        Map<String, INDArray> forward = sd.output(Map.of(), out[0].name(), out[1].name(), out[2].name());
        assertArrayEquals(ref.y, doubles(forward.get(out[0].name())), 1e-5, "y");
        assertArrayEquals(ref.mean, doubles(forward.get(out[1].name())), 1e-6, "mean");
        assertArrayEquals(ref.var, doubles(forward.get(out[2].name())), 1e-5, "var");
        Map<String, INDArray> grads = sd.calculateGradients(Map.of(), "x", "gamma", "beta");
        assertArrayEquals(ref.dx, doubles(grads.get("x")), 1e-5, "dx");
        assertArrayEquals(ref.dGamma, doubles(grads.get("gamma")), 1e-5, "dgamma");
        assertArrayEquals(ref.dBeta, doubles(grads.get("beta")), 1e-5, "dbeta");
    }

    /** Straight from the definitions, in double precision. */
    private static final class Reference {
        final double[] y = new double[X.length];
        final double[] dx = new double[X.length];
        final double[] mean = new double[C];
        final double[] var = new double[C];
        final double[] dGamma = new double[C];
        final double[] dBeta = new double[C];

        Reference(boolean training, boolean relu) {
            int m = N * H * W;
            for (int ch = 0; ch < C; ch++) {
                if (training) {
                    for (int i : indices(ch)) mean[ch] += X[i] / m;
                    for (int i : indices(ch)) var[ch] += (X[i] - mean[ch]) * (X[i] - mean[ch]) / m;
                } else {
                    mean[ch] = RUNNING_MEAN[ch];
                    var[ch] = RUNNING_VAR[ch];
                }
                double sigma = Math.sqrt(var[ch] + EPS);
                double meanC = 0, meanCx = 0;
                double[] g = new double[X.length];
                for (int i : indices(ch)) {
                    double xHat = (X[i] - mean[ch]) / sigma;
                    double bn = GAMMA[ch] * xHat + BETA[ch];
                    y[i] = relu ? Math.max(bn, 0) : bn;
                    g[i] = relu && bn <= 0 ? 0 : C_WEIGHTS[i];
                    dBeta[ch] += g[i];
                    dGamma[ch] += g[i] * xHat;
                    meanC += g[i] / m;
                    meanCx += g[i] * xHat / m;
                }
                for (int i : indices(ch)) {
                    double xHat = (X[i] - mean[ch]) / sigma;
                    dx[i] = GAMMA[ch] / sigma * (training ? g[i] - meanC - xHat * meanCx : g[i]);
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
