package org.prunesh.ops.model;

import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SameDiff;
import org.prunesh.ops.model.samediff.InputConv2D;
import org.prunesh.ops.model.samediff.JavaKernel;
import org.prunesh.ops.model.samediff.Relu;
import org.nd4j.linalg.api.buffer.DataType;
import org.prunesh.ops.model.GraphBuilder.Act;
import org.prunesh.ops.model.samediff.GradientBarrier;

import java.util.ArrayList;
import java.util.List;

/** Builds the SameDiff graph for a {@link ModelSpec} and a data shape. */
public final class Models {

    /**
     * The CIFAR ResNets and VGG need 32x32 inputs (VGG's five pools); smaller images, such as
     * Fashion-MNIST's 28x28, are zero-padded to 32x32 inside the graph (symmetrically, 2 pixels
     * each side). With normalised inputs zero is the mean pixel.
     */
    public static final int CIFAR_SIZE = 32;

    /** What a model function hands back besides the layers the builder recorded. */
    record Built(Act logits, List<Architecture.Stage> stages, List<Architecture.ChannelGroup> groups) {
    }

    private Models() {
    }

    /**
     * @param sampleShape one sample's shape: [features] or [channels, height, width]
     * @param labelSmoothing applied in the training loss only (evaluation computes plain cross-entropy)
     */
    public static Network build(ModelSpec spec, long[] sampleShape, int classes, long seed, double labelSmoothing) {
        return build(spec, sampleShape, classes, seed, labelSmoothing, null);
    }

    /**
     * @param slimming channel masks and stimulative-training branches (basic-block ResNets only), or
     *                 null for a plain network
     */
    public static Network build(ModelSpec spec, long[] sampleShape, int classes, long seed, double labelSmoothing,
                                Slimming slimming) {
        return build(spec, sampleShape, classes, seed, labelSmoothing, slimming, GraphKind.current());
    }

    /** @param kind fast (CPU kernels) or portable (stock ops only) graph; the others use {@link GraphKind#current()} */
    public static Network build(ModelSpec spec, long[] sampleShape, int classes, long seed, double labelSmoothing,
                                Slimming slimming, GraphKind kind) {
        SameDiff sd = SameDiff.create();
        long features = 1;
        for (long d : sampleShape) features *= d;
        SDVariable input = sd.placeHolder(Network.INPUT, DataType.FLOAT, -1, features);
        SDVariable label = sd.placeHolder(Network.LABEL, DataType.FLOAT, -1, classes);
        GraphBuilder g = new GraphBuilder(sd, seed, kind);
        Act flat = new Act(input, features, 1, 1);
        ResNets.Layout layout = basicLayout(spec);
        if (slimming != null && layout == null) {
            throw new IllegalArgumentException("stimulative training and subnet search need a basic-block ResNet "
                    + "(resnet20, resnet32, resnet56, resnet110), not " + spec.name());
        }
        g.slimmable(slimming != null);

        Built built;
        Act resnetInput = null;
        if (spec instanceof ModelSpec.Mlp mlp) {
            built = plain(g, mlp(g, mlp, flat, classes));
        } else if (spec instanceof ModelSpec.LeNet5 lenet) {
            built = plain(g, lenet5(g, lenet, image(g, spec, input, sampleShape), classes));
        } else if (spec instanceof ModelSpec.Cnn cnn) {
            built = plain(g, cnn(g, cnn, image(g, spec, input, sampleShape), classes));
        } else if (layout != null) {
            resnetInput = g.padTo(image(g, spec, input, sampleShape), CIFAR_SIZE);
            built = ResNets.basic(g, layout, resnetInput, classes);
        } else if (spec instanceof ModelSpec.ResNet50 resnet50) {
            built = ResNets.resnet50(g, resnet50, g.padTo(image(g, spec, input, sampleShape), CIFAR_SIZE), classes);
        } else {
            List<Integer> channels = spec instanceof ModelSpec.SubnetVgg19 v ? v.channels() : Vgg.channels(spec.width());
            built = Vgg.vgg19(g, channels, g.padTo(image(g, spec, input, sampleShape), CIFAR_SIZE), classes);
        }
        SDVariable logits = built.logits().var();
        sd.updateVariableNameAndReference(logits, Network.LOGITS);
        boolean branches = slimming != null && slimming.subnets() > 0;
        SDVariable crossEntropy = sd.loss().softmaxCrossEntropy(branches ? Slimming.CROSS_ENTROPY : Network.LOSS,
                label, logits, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, labelSmoothing);
        if (branches) {
            SDVariable total = crossEntropy;
            SDVariable teacher = GradientBarrier.of(sd, "teacher", logits);
            for (int k = 1; k <= slimming.subnets(); k++) {
                g.branch(k);
                SDVariable student = ResNets.basic(g, layout, resnetInput, classes).logits().var();
                sd.updateVariableNameAndReference(student, Slimming.logitsName(k));
                total = total.add(distillation(sd, k, teacher, student, slimming));
            }
            g.branch(0);
            sd.updateVariableNameAndReference(total, Network.LOSS);
        }
        sd.setLossVariables(Network.LOSS);
        Architecture architecture = new Architecture(g.layers(), built.stages(), built.groups());
        return new Network(sd, spec, sampleShape.clone(), classes, labelSmoothing, g.params(), architecture,
                g.batchNorm(), slimming);
    }

    /** lambda·T²·KL(softmax(teacher/T) ‖ softmax(student/T)), averaged over the batch. */
    static SDVariable distillation(SameDiff sd, int k, SDVariable teacher, SDVariable student, Slimming s) {
        double t = s.temperature();
        SDVariable logP = logSoftmax(sd, teacher.div(t));
        SDVariable logQ = logSoftmax(sd, student.div(t));
        SDVariable perSample = sd.math().exp(logP).mul(logP.sub(logQ)).sum(1);
        return perSample.mean().mul(Slimming.distillName(k), s.lambda() * t * t);
    }

    /**
     * Log-softmax over classes, composed: M2.1's LogSoftMax op with a dimension argument cannot be
     * cloned for the gradient graph (its property restore fails on the Integer dimension).
     */
    private static SDVariable logSoftmax(SameDiff sd, SDVariable z) {
        SDVariable shifted = z.sub(z.max(true, 1));
        return shifted.sub(sd.math().log(sd.math().exp(shifted).sum(true, 1)));
    }

    /** The channel layout of a basic-block ResNet or its subnet, or null for other models. */
    static ResNets.Layout basicLayout(ModelSpec spec) {
        if (spec instanceof ModelSpec.ResNet r) return ResNets.Layout.of(r);
        if (spec instanceof ModelSpec.SubnetResNet r) return new ResNets.Layout(r.stream(), r.inner());
        return null;
    }

    /**
     * A separate graph with the same architecture and a copy of the current weights and
     * batch-norm statistics. Gradients outside training are taken on such a copy: calling
     * calculateGradients on a graph that is then trained with fit() makes training diverge in
     * SameDiff M2.1 (measured: NaN in two epochs).
     */
    public static Network copyOf(Network net) {
        return copyOf(net, net.slimming());
    }

    /** A copy built with other {@link Slimming} (null: none), e.g. masks only for subnet search. */
    public static Network copyOf(Network net, Slimming slimming) {
        Network copy = build(net.spec(), net.sampleShape(), net.classes(), 0, net.labelSmoothing(), slimming,
                kindOf(net.graph()));
        for (ParamInfo p : net.params()) copy.array(p.name()).assign(net.array(p.name()));
        for (String b : net.buffers()) copy.array(b).assign(net.array(b));
        copy.batchNorm().force(net.batchNorm().forced());
        return copy;
    }

    /** Fast when the graph has any of this project's ops (every fast network has a ReLU at least). */
    private static GraphKind kindOf(SameDiff sd) {
        for (DifferentialFunction op : sd.ops()) {
            if (op instanceof JavaKernel || op instanceof Relu || op instanceof InputConv2D) {
                return GraphKind.FAST;
            }
        }
        return GraphKind.PORTABLE;
    }

    private static Act image(GraphBuilder g, ModelSpec spec, SDVariable input, long[] sampleShape) {
        if (sampleShape.length != 3) {
            throw new IllegalArgumentException("model " + spec.name()
                    + " needs image data (channels x height x width); this data set has flat samples of "
                    + sampleShape[0] + " features; use model mlp");
        }
        SDVariable x = g.graph().reshape(input, -1, sampleShape[0], sampleShape[1], sampleShape[2]);
        return new Act(x, sampleShape[0], sampleShape[1], sampleShape[2]);
    }

    /**
     * Stages and groups of a network without residual connections: one block per layer, each
     * layer's output channels a group consumed by the next layer.
     */
    private static Built plain(GraphBuilder g, Act logits) {
        List<Architecture.Layer> layers = g.layers();
        List<Architecture.Block> blocks = new ArrayList<>();
        List<Architecture.ChannelGroup> groups = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Architecture.Layer l = layers.get(i);
            blocks.add(new Architecture.Block(l.name(), List.of(l.name()), false, false));
            if (i + 1 < layers.size()) {
                groups.add(new Architecture.ChannelGroup(l.name(), l.outChannels(), List.of(l.name()),
                        List.of(layers.get(i + 1).name())));
            }
        }
        return new Built(logits, List.of(new Architecture.Stage("layers", blocks)), groups);
    }

    private static Act mlp(GraphBuilder g, ModelSpec.Mlp spec, Act x, int classes) {
        int i = 1;
        for (int h : spec.hidden()) {
            x = g.relu(g.dense("fc" + i++, x, ModelSpec.scaled(h, spec.width())));
        }
        return g.dense("fc" + i, x, classes);
    }

    private static Act lenet5(GraphBuilder g, ModelSpec.LeNet5 spec, Act x, int classes) {
        // 28x28 inputs are padded (2 pixels) as in LeNet-5's original 32x32 framing; 32x32 inputs are not.
        int firstPadding = x.height() < CIFAR_SIZE ? 2 : 0;
        x = g.maxPool2(g.relu(g.conv("conv1", x, ModelSpec.scaled(6, spec.width()), 5, 1, firstPadding, true)));
        x = g.maxPool2(g.relu(g.conv("conv2", x, ModelSpec.scaled(16, spec.width()), 5, 1, 0, true)));
        x = g.flatten(x);
        x = g.relu(g.dense("fc1", x, ModelSpec.scaled(120, spec.width())));
        x = g.relu(g.dense("fc2", x, ModelSpec.scaled(84, spec.width())));
        return g.dense("fc3", x, classes);
    }

    private static Act cnn(GraphBuilder g, ModelSpec.Cnn spec, Act x, int classes) {
        int a = ModelSpec.scaled(32, spec.width());
        int b = ModelSpec.scaled(64, spec.width());
        x = g.relu(g.conv("conv1", x, a, 3, 1, 1, true));
        x = g.maxPool2(g.relu(g.conv("conv2", x, a, 3, 1, 1, true)));
        x = g.relu(g.conv("conv3", x, b, 3, 1, 1, true));
        x = g.maxPool2(g.relu(g.conv("conv4", x, b, 3, 1, 1, true)));
        x = g.flatten(x);
        x = g.relu(g.dense("fc1", x, ModelSpec.scaled(256, spec.width())));
        return g.dense("fc2", x, classes);
    }
}
