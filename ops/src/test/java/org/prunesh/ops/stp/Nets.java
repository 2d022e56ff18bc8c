package org.prunesh.ops.stp;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.model.Architecture.Kind;
import org.prunesh.ops.model.Architecture.Layer;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.model.ParamKind;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The networks the STP tests run on. */
final class Nets {

    private Nets() {
    }

    /** ResNet-20 at full width on 32x32 inputs: streams of 16, 32, 64 channels, 3 blocks per stage. */
    static Architecture resnet20() {
        return Models.build(new ModelSpec.ResNet(20, 1), new long[]{3, 32, 32}, 10, 1, 0).architecture();
    }

    /**
     * A two-block residual network small enough to write its weights out: a 1x1 stem of 3 channels,
     * stage layer1 of two identity blocks (1x1 convolutions, 2 inner channels), a dense classifier
     * of 2 classes, all at 1x1 pixels.
     */
    static Architecture mini() {
        List<Layer> layers = List.of(
                new Layer("conv1", Kind.CONV, 0, 1, 3, 1, 1, 1, 1, 1, 1),
                new Layer("bn1", Kind.NORM, 1, 3, 3, 1, 1, 1, 1, 1, 1),
                new Layer("layer1.0.conv1", Kind.CONV, 2, 3, 2, 1, 1, 1, 1, 1, 1),
                new Layer("layer1.0.bn1", Kind.NORM, 3, 2, 2, 1, 1, 1, 1, 1, 1),
                new Layer("layer1.0.conv2", Kind.CONV, 4, 2, 3, 1, 1, 1, 1, 1, 1),
                new Layer("layer1.0.bn2", Kind.NORM, 5, 3, 3, 1, 1, 1, 1, 1, 1),
                new Layer("layer1.1.conv1", Kind.CONV, 6, 3, 2, 1, 1, 1, 1, 1, 1),
                new Layer("layer1.1.bn1", Kind.NORM, 7, 2, 2, 1, 1, 1, 1, 1, 1),
                new Layer("layer1.1.conv2", Kind.CONV, 8, 2, 3, 1, 1, 1, 1, 1, 1),
                new Layer("layer1.1.bn2", Kind.NORM, 9, 3, 3, 1, 1, 1, 1, 1, 1),
                new Layer("fc", Kind.DENSE, 10, 3, 2, 1, 1, 1, 1, 1, 1));
        List<Architecture.Stage> stages = List.of(new Architecture.Stage("layer1", List.of(
                block("layer1.0"), block("layer1.1"))));
        List<Architecture.ChannelGroup> groups = List.of(
                new Architecture.ChannelGroup("layer1.0.conv1", 2, List.of("layer1.0.conv1", "layer1.0.bn1"),
                        List.of("layer1.0.conv2")),
                new Architecture.ChannelGroup("layer1.1.conv1", 2, List.of("layer1.1.conv1", "layer1.1.bn1"),
                        List.of("layer1.1.conv2")),
                new Architecture.ChannelGroup("layer1.stream", 3, List.of("conv1", "bn1", "layer1.0.conv2",
                        "layer1.0.bn2", "layer1.1.conv2", "layer1.1.bn2"),
                        List.of("layer1.0.conv1", "layer1.1.conv1", "fc")));
        return new Architecture(layers, stages, groups);
    }

    /** {@code net} with random batch-norm parameters and statistics, so that every slice of them matters. */
    static Network withBatchNorms(Network net) {
        SplittableRandom r = new SplittableRandom(11);
        for (ParamInfo p : net.params()) {
            if (p.kind() == ParamKind.NORM) net.array(p.name()).assign(random(r, net.array(p.name()).shape(), 0.5, 1.5));
        }
        for (String b : net.buffers()) {
            net.array(b).assign(b.endsWith("running_var") ? random(r, net.array(b).shape(), 0.5, 2)
                    : random(r, net.array(b).shape(), -0.3, 0.3));
        }
        return net;
    }

    private static INDArray random(SplittableRandom r, long[] shape, double lo, double hi) {
        int n = 1;
        for (long d : shape) n *= (int) d;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (lo + (hi - lo) * r.nextDouble());
        return Nd4j.create(v, shape, 'c');
    }

    private static Architecture.Block block(String name) {
        return new Architecture.Block(name, List.of(name + ".conv1", name + ".bn1", name + ".conv2", name + ".bn2"),
                true, true);
    }

    /*
     * Weights in the SameDiff layout, output channel last (flat index = row * out + channel).
     * Stream filters, L1 per channel:  conv1 {5, 0, 1}  layer1.0.conv2 {0, 4, 3}  layer1.1.conv2 {2, 2, 2}
     * (alone they would order [0, 2, 1], [1, 2, 0] and anything; summed {7, 6, 6} order [0, 1, 2]).
     * Inner filters: layer1.0.conv1 {3 + 2 + 1, 1 + 0 + 1} = {6, 2}; layer1.1.conv1 {1.5, 1.5}.
     * Stream gammas, |.| per channel: bn1 {.1, .2, .3}, layer1.0.bn2 {.5, .1, .1}, layer1.1.bn2 {0, 0, .05},
     * summed {.6, .3, .45}, order [0, 2, 1].
     */
    static Map<String, float[]> miniWeights() {
        return Map.ofEntries(
                Map.entry("conv1.weight", new float[]{5, 0, 1}),
                Map.entry("bn1.weight", new float[]{0.1f, 0.2f, 0.3f}),
                Map.entry("layer1.0.conv1.weight", new float[]{3, -1, 2, 0, 1, 1}),
                Map.entry("layer1.0.bn1.weight", new float[]{0.5f, 1}),
                Map.entry("layer1.0.conv2.weight", new float[]{0, 4, 1, 0, 0, 2}),
                Map.entry("layer1.0.bn2.weight", new float[]{-0.5f, 0.1f, 0.1f}),
                Map.entry("layer1.1.conv1.weight", new float[]{0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f}),
                Map.entry("layer1.1.bn1.weight", new float[]{1, 1}),
                Map.entry("layer1.1.conv2.weight", new float[]{1, 1, 1, 1, 1, 1}),
                Map.entry("layer1.1.bn2.weight", new float[]{0, 0, 0.05f}),
                Map.entry("fc.weight", new float[]{1, 2, 3, 4, 5, 6}));
    }
}
