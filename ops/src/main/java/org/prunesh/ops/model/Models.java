package org.prunesh.ops.model;

import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/** Builds the SameDiff graph for a {@link ModelSpec} and a data shape. */
public final class Models {

    private Models() {
    }

    /**
     * @param sampleShape one sample's shape: [features] or [channels, height, width]
     * @param labelSmoothing applied in the training loss only (evaluation computes plain cross-entropy)
     */
    public static Network build(ModelSpec spec, long[] sampleShape, int classes, long seed, double labelSmoothing) {
        SameDiff sd = SameDiff.create();
        long features = 1;
        for (long d : sampleShape) features *= d;
        SDVariable input = sd.placeHolder(Network.INPUT, DataType.FLOAT, -1, features);
        SDVariable label = sd.placeHolder(Network.LABEL, DataType.FLOAT, -1, classes);
        GraphBuilder g = new GraphBuilder(sd, seed);

        SDVariable logits;
        if (spec instanceof ModelSpec.Mlp mlp) {
            logits = mlp(g, mlp, input, features, classes);
        } else if (spec instanceof ModelSpec.LeNet5 lenet) {
            logits = lenet5(g, sd, lenet, input, image(spec, sampleShape), classes);
        } else {
            logits = cnn(g, sd, (ModelSpec.Cnn) spec, input, image(spec, sampleShape), classes);
        }
        sd.updateVariableNameAndReference(logits, Network.LOGITS);
        sd.loss().softmaxCrossEntropy(Network.LOSS, label, logits, null,
                LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, labelSmoothing);
        sd.setLossVariables(Network.LOSS);
        return new Network(sd, spec, sampleShape.clone(), classes, labelSmoothing, g.params());
    }

    /**
     * A separate graph with the same architecture and a copy of the current weights. Gradients
     * outside training are taken on such a copy: calling calculateGradients on a graph that is
     * then trained with fit() makes training diverge in SameDiff M2.1 (measured: NaN in two epochs).
     */
    public static Network copyOf(Network net) {
        Network copy = build(net.spec(), net.sampleShape(), net.classes(), 0, net.labelSmoothing());
        for (ParamInfo p : net.params()) copy.array(p.name()).assign(net.array(p.name()));
        return copy;
    }

    private static long[] image(ModelSpec spec, long[] sampleShape) {
        if (sampleShape.length != 3) {
            throw new IllegalArgumentException("model " + spec.name()
                    + " needs image data (channels x height x width); this data set has flat samples of "
                    + sampleShape[0] + " features; use model mlp");
        }
        return sampleShape;
    }

    private static SDVariable mlp(GraphBuilder g, ModelSpec.Mlp spec, SDVariable x, long features, int classes) {
        long in = features;
        int i = 1;
        for (int h : spec.hidden()) {
            int out = ModelSpec.scaled(h, spec.width());
            x = g.relu(g.dense("fc" + i++, x, in, out));
            in = out;
        }
        return g.dense("fc" + i, x, in, classes);
    }

    private static SDVariable lenet5(GraphBuilder g, SameDiff sd, ModelSpec.LeNet5 spec, SDVariable input,
                                     long[] shape, int classes) {
        int c1 = ModelSpec.scaled(6, spec.width());
        int c2 = ModelSpec.scaled(16, spec.width());
        SDVariable x = sd.reshape(input, -1, shape[0], shape[1], shape[2]);
        // 28x28 inputs are padded (SAME) as in LeNet-5's original 32x32 framing; 32x32 inputs are not.
        PaddingMode first = shape[1] < 32 ? PaddingMode.SAME : PaddingMode.VALID;
        x = g.maxPool2(g.relu(g.conv("conv1", x, shape[0], c1, 5, first)));
        long h = (first == PaddingMode.SAME ? shape[1] : shape[1] - 4) / 2;
        long w = (first == PaddingMode.SAME ? shape[2] : shape[2] - 4) / 2;
        x = g.maxPool2(g.relu(g.conv("conv2", x, c1, c2, 5, PaddingMode.VALID)));
        h = (h - 4) / 2;
        w = (w - 4) / 2;
        long flat = c2 * h * w;
        x = sd.reshape(x, -1, flat);
        int f1 = ModelSpec.scaled(120, spec.width());
        int f2 = ModelSpec.scaled(84, spec.width());
        x = g.relu(g.dense("fc1", x, flat, f1));
        x = g.relu(g.dense("fc2", x, f1, f2));
        return g.dense("fc3", x, f2, classes);
    }

    private static SDVariable cnn(GraphBuilder g, SameDiff sd, ModelSpec.Cnn spec, SDVariable input,
                                  long[] shape, int classes) {
        int a = ModelSpec.scaled(32, spec.width());
        int b = ModelSpec.scaled(64, spec.width());
        SDVariable x = sd.reshape(input, -1, shape[0], shape[1], shape[2]);
        x = g.relu(g.conv("conv1", x, shape[0], a, 3, PaddingMode.SAME));
        x = g.maxPool2(g.relu(g.conv("conv2", x, a, a, 3, PaddingMode.SAME)));
        x = g.relu(g.conv("conv3", x, a, b, 3, PaddingMode.SAME));
        x = g.maxPool2(g.relu(g.conv("conv4", x, b, b, 3, PaddingMode.SAME)));
        long flat = b * (shape[1] / 4) * (shape[2] / 4);
        x = sd.reshape(x, -1, flat);
        int f = ModelSpec.scaled(256, spec.width());
        x = g.relu(g.dense("fc1", x, flat, f));
        return g.dense("fc2", x, f, classes);
    }
}
