package org.prunesh.ops.model;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.prunesh.ops.model.GraphBuilder.Act;
import org.prunesh.ops.train.SessionStepper;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchNormTest {

    /** Two samples, two channels, 1x3 pixels. Channel 0 has mean 4, variance 40/6; channel 1 mean 1, variance 8/6. */
    private static final float[] X = {1, 2, 3, -1, 0, 1, 4, 5, 9, 2, 2, 2};
    private static final long[] SHAPE = {2, 2, 1, 3};
    private static final float[] GAMMA = {2f, 0.5f};
    private static final float[] BETA = {0.1f, -1f};
    private static final double EPS = 1e-5;

    @Test
    void trainingModeNormalisesWithBatchStatistics() {
        Tiny t = new Tiny();
        t.state.force(BatchNormState.Mode.TRAIN);
        double[] mean = {4, 1};
        double[] var = {40.0 / 6, 8.0 / 6};
        assertArrayEquals(normalised(mean, var), t.output(), 1e-5);
        assertTrue(t.state.training());
    }

    @Test
    void evalModeNormalisesWithRunningStatistics() {
        Tiny t = new Tiny();
        t.sd.getArrForVarName("bn.running_mean").assign(Nd4j.createFromArray(1f, -1f));
        t.sd.getArrForVarName("bn.running_var").assign(Nd4j.createFromArray(4f, 0.25f));
        // AUTO: output() is inference, so eval mode without forcing
        assertArrayEquals(normalised(new double[]{1, -1}, new double[]{4, 0.25}), t.output(), 1e-5);
        assertFalse(t.state.training());
        t.state.force(BatchNormState.Mode.EVAL);
        assertArrayEquals(normalised(new double[]{1, -1}, new double[]{4, 0.25}), t.output(), 1e-5);
    }

    @Test
    void runningStatisticsFollowPyTorchAfterEachFitStep() {
        Tiny t = new Tiny();
        t.withClassifier();
        t.fitStep();
        // mean: 0.9*0 + 0.1*batch; var: 0.9*1 + 0.1*batch*n/(n-1) with n = 2*1*3 elements per channel
        assertArrayEquals(new float[]{0.4f, 0.1f}, t.sd.getArrForVarName("bn.running_mean").toFloatVector(), 1e-6f);
        assertArrayEquals(new float[]{(float) (0.9 + 0.1 * 40.0 / 6 * 6 / 5), (float) (0.9 + 0.1 * 8.0 / 6 * 6 / 5)},
                t.sd.getArrForVarName("bn.running_var").toFloatVector(), 1e-6f);
        // an eval-mode output() in between must not leave fit in eval mode
        t.output();
        float[] gamma = t.sd.getArrForVarName("bn.weight").toFloatVector();
        float[] beta = t.sd.getArrForVarName("bn.bias").toFloatVector();
        double[] seen = t.fitStep();
        assertArrayEquals(normalised(new double[]{4, 1}, new double[]{40.0 / 6, 8.0 / 6}, gamma, beta), seen, 1e-5);
        assertArrayEquals(new float[]{0.9f * 0.4f + 0.4f, 0.9f * 0.1f + 0.1f},
                t.sd.getArrForVarName("bn.running_mean").toFloatVector(), 1e-6f);
    }

    @Test
    void recalibrationAveragesBatchStatisticsOverBatches() {
        Tiny t = new Tiny();
        INDArray a = Nd4j.create(X, SHAPE, 'c');
        t.state.recalibrate(List.of(a, a.mul(2)));
        // means (4, 1) and (8, 2); unbiased variances (8, 1.6) and (32, 6.4)
        assertArrayEquals(new float[]{6f, 1.5f}, t.sd.getArrForVarName("bn.running_mean").toFloatVector(), 1e-5f);
        assertArrayEquals(new float[]{20f, 4f}, t.sd.getArrForVarName("bn.running_var").toFloatVector(), 1e-5f);
        assertEquals(BatchNormState.Mode.AUTO, t.state.forced());
        assertArrayEquals(normalised(new double[]{6, 1.5}, new double[]{20, 4}), t.output(), 1e-5);
    }

    @Test
    void gradientsThroughBatchStatisticsMatchFiniteDifferences() throws Exception {
        GraphBuilder g = lossOfBatchNorm();
        SameDiff sd = g.graph();
        String loss = sd.getLossVariables().get(0);
        sd.output(Map.of(), loss); // eval mode first: calculateGradients must switch back
        Map<String, INDArray> grads = sd.calculateGradients(Map.of(), "x", "bn.weight", "bn.bias");
        g.batchNorm().force(BatchNormState.Mode.TRAIN);
        for (String name : new String[]{"x", "bn.weight", "bn.bias"}) {
            INDArray param = sd.getArrForVarName(name);
            float[] analytic = grads.get(name).dup('c').data().asFloat();
            double largest = 0;
            for (int i = 0; i < param.length(); i++) {
                double numeric = centralDifference(sd, loss, param, i, 1e-2);
                // float32 forward passes and h = 1e-2: differences agree to about 1e-3
                assertEquals(numeric, analytic[i], 2e-3, name + "[" + i + "]");
                largest = Math.max(largest, Math.abs(numeric));
            }
            assertTrue(largest > 0.1, name + " gradient is not trivially zero");
        }
    }

    /**
     * sum(r * y^2) for y = bn(x) in training mode, x a variable: a loss that is not linear in y,
     * so that the normalisation's Jacobian matters.
     */
    private static GraphBuilder lossOfBatchNorm() {
        SameDiff sd = SameDiff.create();
        GraphBuilder g = new GraphBuilder(sd, 1);
        SDVariable x = sd.var("x", Nd4j.create(X, SHAPE, 'c'));
        SDVariable y = g.batchNorm("bn", new Act(x, 2, 1, 3)).var();
        sd.getArrForVarName("bn.weight").assign(Nd4j.createFromArray(GAMMA));
        sd.getArrForVarName("bn.bias").assign(Nd4j.createFromArray(BETA));
        float[] r = {0.3f, -0.7f, 1.1f, 0.5f, 0.2f, -0.4f, 0.9f, -1.3f, 0.6f, 0.1f, 0.8f, -0.2f};
        sd.setLossVariables(y.mul(y).mul(sd.constant(Nd4j.create(r, SHAPE, 'c'))).sum());
        return g;
    }

    private static double centralDifference(SameDiff sd, String loss, INDArray param, int i, double h) {
        double original = param.getDouble(i);
        param.putScalar(i, original + h);
        double plus = forward(sd, loss);
        param.putScalar(i, original - h);
        double minus = forward(sd, loss);
        param.putScalar(i, original);
        return (plus - minus) / (2 * h);
    }

    private static double forward(SameDiff sd, String loss) {
        sd.getSessions().clear();
        return sd.output(Map.of(), loss).get(loss).getDouble(0);
    }

    private static double[] normalised(double[] mean, double[] var) {
        return normalised(mean, var, GAMMA, BETA);
    }

    private static double[] normalised(double[] mean, double[] var, float[] gamma, float[] beta) {
        double[] out = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            int c = (i / 3) % 2;
            out[i] = gamma[c] * (X[i] - mean[c]) / Math.sqrt(var[c] + EPS) + beta[c];
        }
        return out;
    }

    /** input -> bn, optionally -> global average pool -> fc -> softmax cross-entropy. */
    private static final class Tiny {
        final SameDiff sd = SameDiff.create();
        final GraphBuilder g = new GraphBuilder(sd, 3);
        final BatchNormState state = g.batchNorm();
        final Act bn;
        SessionStepper stepper;
        long steps;

        Tiny() {
            SDVariable in = sd.placeHolder(Network.INPUT, DataType.FLOAT, -1, 2, 1, 3);
            bn = g.batchNorm("bn", new Act(in, 2, 1, 3));
            sd.getArrForVarName("bn.weight").assign(Nd4j.createFromArray(GAMMA));
            sd.getArrForVarName("bn.bias").assign(Nd4j.createFromArray(BETA));
        }

        void withClassifier() {
            SDVariable label = sd.placeHolder(Network.LABEL, DataType.FLOAT, -1, 2);
            Act logits = g.dense("fc", g.globalAvgPool(bn), 2);
            sd.loss().softmaxCrossEntropy("loss", label, logits.var(), null);
            sd.setLossVariables("loss");
            sd.setTrainingConfig(new TrainingConfig.Builder().updater(new Sgd(0.1))
                    .dataSetFeatureMapping(Network.INPUT).dataSetLabelMapping(Network.LABEL).build());
        }

        /** @return the batch norm's output as the training pass computed it */
        double[] fitStep() {
            if (stepper == null) stepper = new SessionStepper(sd);
            INDArray labels = Nd4j.createFromArray(new float[][]{{1, 0}, {0, 1}});
            double[][] seen = new double[1][];
            BaseListener capture = new BaseListener() {
                @Override
                public boolean isActive(Operation operation) {
                    return true;
                }

                @Override
                public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op,
                                                String varName, INDArray activation) {
                    if (varName.equals("bn")) seen[0] = activation.dup('c').data().asDouble();
                }
            };
            // the trainer's step (SameDiff.fit cannot run Java-kernel ops)
            stepper.step(new DataSet(Nd4j.create(X, SHAPE, 'c'), labels), steps++, capture);
            return seen[0];
        }

        double[] output() {
            sd.getSessions().clear();
            return sd.output(Map.of(Network.INPUT, Nd4j.create(X, SHAPE, 'c')), "bn").get("bn")
                    .dup('c').data().asDouble();
        }
    }
}
