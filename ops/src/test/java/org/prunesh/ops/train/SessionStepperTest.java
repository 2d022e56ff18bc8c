package org.prunesh.ops.train;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.model.samediff.UpdatePasses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SessionStepperTest {

    private static final double LR = 0.1;

    /**
     * The reproduction of M2.1's fit(iterator) fault (docs/samediff-m2.1.md): an MLP 8-16-4, plain
     * SGD, three batches of 64. Three steps on one session must end exactly where SGD computed by
     * hand from gradients of fresh graphs ends; the faulty session was off by up to 0.055.
     */
    @Test
    void stepsOnOneSessionEqualSgdComputedByHand() {
        Network trained = mlp();
        Network hand = mlp();
        SessionStepper stepper = new SessionStepper(trained.graph());
        List<DataSet> batches = batches();
        for (int i = 0; i < batches.size(); i++) {
            DataSet b = batches.get(i);
            stepper.step(b, i);
            Map<String, INDArray> g = Models.copyOf(hand).graph().calculateGradients(
                    Map.of(Network.INPUT, b.getFeatures(), Network.LABEL, b.getLabels()), names(hand));
            for (String p : names(hand)) hand.array(p).subi(g.get(p).mul(LR));
        }
        Network untrained = mlp();
        for (String p : names(hand)) {
            assertArrayEquals(hand.array(p).dup().data().asFloat(), trained.array(p).dup().data().asFloat(), 0f, p);
            assertNotEquals(untrained.array(p), trained.array(p), p + " did not move");
        }
    }

    /**
     * y = x·w·c with a constant c: after c is set to 0 in place, the next step sees it and its
     * gradient for w is zero, so w stays where the first step left it (w = 1 - lr·dL/dw = 1 - 0.1·2·(1·1 - 3)·1 = 1.4).
     */
    @Test
    void constantsAssignedInPlaceBetweenStepsReachTheNextStep() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 1);
        SDVariable y = sd.placeHolder("y", DataType.FLOAT, -1, 1);
        SDVariable w = sd.var("w", Nd4j.ones(DataType.FLOAT, 1, 1));
        SDVariable c = sd.constant("c", Nd4j.scalar(1f));
        SDVariable out = x.mul(w).mul(c);
        sd.loss().meanSquaredError("loss", y, out, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT);
        sd.setLossVariables("loss");
        sd.setTrainingConfig(new TrainingConfig.Builder().updater(new Sgd(LR))
                .dataSetFeatureMapping("x").dataSetLabelMapping("y").build());
        DataSet one = new DataSet(Nd4j.createFromArray(new float[][]{{1f}}), Nd4j.createFromArray(new float[][]{{3f}}));
        SessionStepper stepper = new SessionStepper(sd);

        stepper.step(one, 0);
        assertArrayEquals(new float[]{1.4f}, sd.getArrForVarName("w").dup().data().asFloat(), 1e-6f);
        sd.getArrForVarName("c").assign(0);
        stepper.step(one, 1);
        assertArrayEquals(new float[]{1.4f}, sd.getArrForVarName("w").dup().data().asFloat(), 0f);
        sd.getArrForVarName("c").assign(1);
        stepper.step(one, 2);
        // dL/dw = 2·(1.4 - 3) = -3.2, so w = 1.4 + 0.32
        assertArrayEquals(new float[]{1.72f}, sd.getArrForVarName("w").dup().data().asFloat(), 1e-6f);
    }

    /**
     * Whole steps (convolutions, batch norm, residual adds, linear layers) against SGD computed by
     * hand from gradients of a copy. SameDiff turns each parameter's gradient into its update in
     * place the moment it is computed, so a backward op that read a gradient or a parameter after
     * that point would make the two differ.
     */
    @Test
    void aResNetStepEqualsSgdComputedByHand() {
        assertStepEqualsHandSgd(new ModelSpec.ResNet(20, 0.25), new long[]{3, 32, 32});
    }

    /** VGG-19 ends in 2x2 activations, whose convolutions differentiate through forward convolutions. */
    @Test
    void aVggStepEqualsSgdComputedByHand() {
        assertStepEqualsHandSgd(new ModelSpec.Vgg19(0.0625), new long[]{3, 32, 32});
    }

    @Test
    void aLeNetStepEqualsSgdComputedByHand() {
        assertStepEqualsHandSgd(new ModelSpec.LeNet5(1.0), new long[]{1, 28, 28});
    }

    /**
     * The Java passes (momentum, the parameter's update) against the native calls they replace,
     * which stay the path of other backends: three momentum steps of a ResNet end bit for bit equal.
     */
    @Test
    void momentumStepsWithJavaPassesEqualTheNativeCallsExactly() {
        Network java = resnetWithMomentum();
        Network nat = Models.copyOf(java);
        nat.graph().setTrainingConfig(java.graph().getTrainingConfig());
        DataSet batch = randomBatch(new long[]{3, 32, 32});
        try {
            for (Network net : List.of(java, nat)) {
                UpdatePasses.use(net == java);
                SessionStepper stepper = new SessionStepper(net.graph());
                for (int i = 0; i < 3; i++) stepper.step(batch, i);
            }
        } finally {
            UpdatePasses.use(true);
        }
        for (String p : names(java)) {
            assertArrayEquals(nat.array(p).dup().data().asFloat(), java.array(p).dup().data().asFloat(), 0f, p);
        }
    }

    private static Network resnetWithMomentum() {
        Network net = Models.build(new ModelSpec.ResNet(20, 0.25), new long[]{3, 32, 32}, 10, 5, 0);
        net.graph().setTrainingConfig(new TrainingConfig.Builder().updater(new SgdMomentum(0.05, 0.9, false))
                .dataSetFeatureMapping(Network.INPUT).dataSetLabelMapping(Network.LABEL).build());
        return net;
    }

    private static DataSet randomBatch(long[] shape) {
        SplittableRandom random = new SplittableRandom(11);
        int features = (int) (shape[0] * shape[1] * shape[2]);
        float[][] x = new float[4][features];
        float[][] y = new float[4][10];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < features; j++) x[i][j] = (float) (random.nextDouble() * 2 - 1);
            y[i][(3 * i + 1) % 10] = 1f;
        }
        return new DataSet(Nd4j.createFromArray(x), Nd4j.createFromArray(y));
    }

    private static void assertStepEqualsHandSgd(ModelSpec spec, long[] shape) {
        Network trained = Models.build(spec, shape, 10, 5, 0);
        trained.graph().setTrainingConfig(new TrainingConfig.Builder().updater(new Sgd(LR))
                .dataSetFeatureMapping(Network.INPUT).dataSetLabelMapping(Network.LABEL).build());
        Network hand = Models.copyOf(trained);
        DataSet batch = randomBatch(shape);

        new SessionStepper(trained.graph()).step(batch, 0);
        Map<String, INDArray> g = Models.copyOf(hand).graph().calculateGradients(
                Map.of(Network.INPUT, batch.getFeatures(), Network.LABEL, batch.getLabels()), names(hand));
        for (String p : names(hand)) {
            hand.array(p).subi(g.get(p).mul(LR));
            assertArrayEquals(hand.array(p).dup().data().asFloat(), trained.array(p).dup().data().asFloat(), 1e-6f, p);
        }
    }

    private static Network mlp() {
        Network net = Models.build(new ModelSpec.Mlp(List.of(16), 1.0), new long[]{8}, 4, 3, 0);
        net.graph().setTrainingConfig(new TrainingConfig.Builder().updater(new Sgd(LR))
                .dataSetFeatureMapping(Network.INPUT).dataSetLabelMapping(Network.LABEL).build());
        return net;
    }

    private static String[] names(Network net) {
        return net.params().stream().map(ParamInfo::name).toArray(String[]::new);
    }

    /** Three batches of 64 samples, 8 features, 4 classes, from a fixed seed. */
    private static List<DataSet> batches() {
        SplittableRandom random = new SplittableRandom(7);
        List<DataSet> out = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            float[][] x = new float[64][8];
            float[][] y = new float[64][4];
            for (int i = 0; i < 64; i++) {
                for (int j = 0; j < 8; j++) x[i][j] = (float) (random.nextDouble() * 2 - 1);
                y[i][(i * 7 + b) % 4] = 1f;
            }
            out.add(new DataSet(Nd4j.createFromArray(x), Nd4j.createFromArray(y)));
        }
        return out;
    }
}
