package org.prunesh.ops.model;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.prunesh.ops.model.samediff.InputConv2D;
import org.prunesh.ops.model.samediff.JavaKernel;
import org.prunesh.ops.model.samediff.Relayout;
import org.prunesh.ops.model.samediff.Relu;
import org.prunesh.ops.train.SessionStepper;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portable graph (stock SameDiff ops only, what a CUDA backend gets) and the fast graph (CPU
 * kernels) take the same training step: one Nesterov step on a batch of 6 from the same seed, then
 * every parameter and running statistic within 1e-5, on every model family.
 */
class PortableGraphTest {

    /**
     * The examples' learning rate. The graphs sum in different orders (one batch norm layer alone:
     * gradients 5e-6 apart, relative), and 16 batch norms backward amplify that: VGG-19's first
     * weights' gradients end up about 1e-4 apart, so a step of lr 0.1 would differ by 1.2e-5.
     */
    private static final double LR = 0.05;

    @Test
    void mlpStepsAgree() {
        assertSameSteps(new ModelSpec.Mlp(List.of(16, 8), 1.0), new long[]{12});
    }

    @Test
    void lenet5StepsAgree() {
        assertSameSteps(new ModelSpec.LeNet5(0.5), new long[]{1, 28, 28});
    }

    /** At full width the second convolution (16 channels, with a bias) writes the blocked layout. */
    @Test
    void lenet5FullWidthStepsAgree() {
        assertSameSteps(new ModelSpec.LeNet5(1.0), new long[]{1, 28, 28});
    }

    /** Convolutions with biases at 16 and 32 channels: blocked outputs whose bias gradients are summed per channel. */
    @Test
    void cnnStepsAgree() {
        assertSameSteps(new ModelSpec.Cnn(0.5), new long[]{3, 16, 16});
    }

    @Test
    void resnet20StepsAgree() {
        assertSameSteps(new ModelSpec.ResNet(20, 0.25), new long[]{3, 32, 32});
    }

    @Test
    void vgg19StepsAgree() {
        assertSameSteps(new ModelSpec.Vgg19(0.0625), new long[]{3, 32, 32});
    }

    @Test
    void thePortableGraphHasNoProjectOps() {
        Network portable = Models.build(new ModelSpec.ResNet(20, 0.25), new long[]{3, 32, 32}, 10, 1, 0, null,
                GraphKind.PORTABLE);
        Network fast = Models.build(new ModelSpec.ResNet(20, 0.25), new long[]{3, 32, 32}, 10, 1, 0, null,
                GraphKind.FAST);
        assertFalse(java.util.Arrays.stream(portable.graph().ops()).anyMatch(PortableGraphTest::projectOp));
        assertTrue(java.util.Arrays.stream(fast.graph().ops()).anyMatch(op -> op instanceof JavaKernel));
        // stage 3's 16 channels are kept in the blocked layout: one copy out of it, before the pooling
        assertEquals(1, java.util.Arrays.stream(fast.graph().ops()).filter(op -> op instanceof Relayout).count());
        assertFalse(java.util.Arrays.stream(Models.copyOf(portable).graph().ops()).anyMatch(PortableGraphTest::projectOp),
                "a copy keeps the kind");
    }

    @Test
    void thePropertyForcesTheKind() {
        String before = System.getProperty(GraphKind.PROPERTY);
        try {
            System.setProperty(GraphKind.PROPERTY, "portable");
            assertEquals(GraphKind.PORTABLE, GraphKind.current());
            System.setProperty(GraphKind.PROPERTY, "fast");
            assertEquals(GraphKind.FAST, GraphKind.current());
            System.clearProperty(GraphKind.PROPERTY);
            assertEquals(GraphKind.FAST, GraphKind.current(), "the CPU backend builds the fast graph");
        } finally {
            if (before == null) System.clearProperty(GraphKind.PROPERTY);
            else System.setProperty(GraphKind.PROPERTY, before);
        }
    }

    private static boolean projectOp(DifferentialFunction op) {
        return op instanceof JavaKernel || op instanceof InputConv2D || op instanceof Relu;
    }

    private static void assertSameSteps(ModelSpec spec, long[] shape) {
        Network fast = trainable(Models.build(spec, shape, 10, 3, 0, null, GraphKind.FAST));
        Network portable = trainable(Models.build(spec, shape, 10, 3, 0, null, GraphKind.PORTABLE));
        DataSet batch = batch(shape);
        SessionStepper fastSteps = new SessionStepper(fast.graph()), portableSteps = new SessionStepper(portable.graph());
        fastSteps.step(batch, 0);
        portableSteps.step(batch, 0);
        for (ParamInfo p : fast.params()) {
            assertArrayEquals(floats(portable.array(p.name())), floats(fast.array(p.name())), 1e-5f, p.name());
        }
        for (String b : fast.buffers()) {
            assertArrayEquals(floats(portable.array(b)), floats(fast.array(b)), 1e-5f, b);
        }
    }

    private static Network trainable(Network net) {
        net.graph().setTrainingConfig(new TrainingConfig.Builder().updater(new Nesterovs(LR, 0.9))
                .dataSetFeatureMapping(Network.INPUT).dataSetLabelMapping(Network.LABEL).build());
        return net;
    }

    /** Six samples of uniform noise in [-1, 1) from a fixed seed, classes 1, 4, 7, 0, 3, 6. */
    private static DataSet batch(long[] shape) {
        SplittableRandom random = new SplittableRandom(17);
        int features = 1;
        for (long d : shape) features *= (int) d;
        int n = 6;
        float[][] x = new float[n][features];
        float[][] y = new float[n][10];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < features; j++) x[i][j] = (float) (random.nextDouble() * 2 - 1);
            y[i][(3 * i + 1) % 10] = 1f;
        }
        return new DataSet(Nd4j.createFromArray(x), Nd4j.createFromArray(y));
    }

    private static float[] floats(INDArray a) {
        return a.dup().data().asFloat();
    }
}
