package org.prunesh.ops.model;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.train.SessionStepper;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The new models train a few steps, one fit per mini-batch as the trainer does, without NaN. */
class ModelTrainingTest {

    @Test
    void newModelsTrainAtSmallWidthOn32x32Batches() {
        List<ModelSpec> specs = List.of(new ModelSpec.ResNet(20, 0.25), new ModelSpec.ResNet50(0.0625),
                new ModelSpec.Vgg19(0.0625), new ModelSpec.Vgg19(0.0625));
        // the last one sees Fashion-MNIST's shape, padded to 32x32 inside the graph
        List<long[]> shapes = List.of(new long[]{3, 32, 32}, new long[]{3, 32, 32}, new long[]{3, 32, 32},
                new long[]{1, 28, 28});
        for (int m = 0; m < specs.size(); m++) {
            ModelSpec spec = specs.get(m);
            long[] shape = shapes.get(m);
            Network net = Models.build(spec, shape, 10, 7, 0.1);
            INDArray x = Nd4j.rand(DataType.FLOAT, 8, shape[0] * shape[1] * shape[2]).subi(0.5);
            INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 10);
            for (int i = 0; i < 8; i++) y.putScalar(i, i % 10, 1);
            INDArray firstBefore = net.array(net.params().get(0).name()).dup();
            String bn = net.batchNorm().layers().get(0).name();

            net.graph().setTrainingConfig(new TrainingConfig.Builder().updater(new Sgd(0.05))
                    .dataSetFeatureMapping(Network.INPUT).dataSetLabelMapping(Network.LABEL).build());
            SessionStepper stepper = new SessionStepper(net.graph());
            for (int step = 0; step < 3; step++) stepper.step(new DataSet(x, y), step);

            assertNotEquals(firstBefore, net.array(net.params().get(0).name()), spec.name());
            for (ParamInfo p : net.params()) assertFinite(net.array(p.name()), spec.name() + " " + p.name());
            for (String b : net.buffers()) assertFinite(net.array(b), spec.name() + " " + b);
            assertNotEquals(Nd4j.zeros(DataType.FLOAT, net.array(bn + ".running_mean").length()),
                    net.array(bn + ".running_mean"), spec.name());

            net.graph().getSessions().clear();
            INDArray eval = net.graph().output(Map.of(Network.INPUT, x), Network.LOGITS).get(Network.LOGITS);
            assertFalse(net.batchNorm().training());
            assertFinite(eval, spec.name() + " logits");
            assertEquals(8, eval.size(0));
            net.batchNorm().force(BatchNormState.Mode.TRAIN);
            net.graph().getSessions().clear();
            INDArray train = net.graph().output(Map.of(Network.INPUT, x), Network.LOGITS).get(Network.LOGITS);
            // three steps of running averages are far from the batch statistics
            assertNotEquals(eval, train, spec.name());
        }
    }

    private static void assertFinite(INDArray a, String what) {
        for (double v : a.dup().data().asDouble()) assertTrue(Double.isFinite(v), what + " has " + v);
    }
}
