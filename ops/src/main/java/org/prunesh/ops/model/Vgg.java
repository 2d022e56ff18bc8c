package org.prunesh.ops.model;

import org.prunesh.ops.model.GraphBuilder.Act;

import java.util.ArrayList;
import java.util.List;

/**
 * VGG-19 with batch norm in its CIFAR form, named as PyTorch's {@code nn.Sequential} would:
 * {@code features.<i>} for convolution i and its batch norm at i+1 (ReLU at i+2, max-pool one
 * index), then {@code classifier}. Convolutions have no bias: the batch norm after each one
 * would cancel it.
 */
final class Vgg {

    /** Channels at width 1; 0 marks a 2x2 max-pool. */
    static final int[] CONFIG_19 = {64, 64, 0, 128, 128, 0, 256, 256, 256, 256, 0,
            512, 512, 512, 512, 0, 512, 512, 512, 512, 0};

    private Vgg() {
    }

    /** The 16 convolutions' channels of VGG-19 at a width. */
    static List<Integer> channels(double width) {
        List<Integer> out = new ArrayList<>();
        for (int v : CONFIG_19) if (v != 0) out.add(ModelSpec.scaled(v, width));
        return out;
    }

    /** VGG-19 with {@code channels} in its 16 convolutions ({@link #channels} for the full network). */
    static Models.Built vgg19(GraphBuilder g, List<Integer> channels, Act input, int classes) {
        List<Architecture.Stage> stages = new ArrayList<>();
        List<Architecture.ChannelGroup> groups = new ArrayList<>();
        List<Architecture.Block> blocks = new ArrayList<>();
        Act x = input;
        int index = 0;
        int conv = 0;
        String previousConv = null;
        String previousNorm = null;
        for (int v : CONFIG_19) {
            if (v == 0) {
                x = g.maxPool2(x);
                stages.add(new Architecture.Stage("stage" + (stages.size() + 1), blocks));
                blocks = new ArrayList<>();
                index++;
                continue;
            }
            String name = "features." + index;
            String norm = "features." + (index + 1);
            if (previousConv != null) groups.add(group(previousConv, previousNorm, x.channels(), name));
            x = g.relu(g.batchNorm(norm, g.conv(name, x, channels.get(conv++), 3, 1, 1, false)));
            blocks.add(new Architecture.Block(name, List.of(name, norm), false, false));
            previousConv = name;
            previousNorm = norm;
            index += 3;
        }
        groups.add(group(previousConv, previousNorm, x.channels(), "classifier"));
        Act logits = g.dense("classifier", g.flatten(x), classes);
        return new Models.Built(logits, stages, groups);
    }

    private static Architecture.ChannelGroup group(String conv, String norm, long channels, String consumer) {
        return new Architecture.ChannelGroup(conv, channels, List.of(conv, norm), List.of(consumer));
    }
}
