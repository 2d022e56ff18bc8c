package org.prunesh.ops.model;

import org.prunesh.ops.model.GraphBuilder.Act;

import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR ResNets with PyTorch module names: {@code conv1}/{@code bn1} stem, blocks
 * {@code layer<s>.<b>.conv1 ... bn2} (bottlenecks up to {@code conv3}/{@code bn3}), projection
 * shortcuts {@code layer<s>.<b>.shortcut.0} (1x1 conv, stride of the block) and
 * {@code shortcut.1} (batch norm), classifier {@code fc}. Convolutions have no bias.
 */
final class ResNets {

    private ResNets() {
    }

    /** Basic-block ResNet of depth 6n+2 on a 32x32-or-larger input. */
    static Models.Built basic(GraphBuilder g, ModelSpec.ResNet spec, Act input, int classes) {
        return basic(g, Layout.of(spec), input, classes);
    }

    /**
     * Channel counts of a basic-block ResNet, possibly a subnet of a full one: {@code stream.get(s)}
     * channels in stage s's residual stream (stage 0's includes the stem), and per stage one entry
     * per block for the block's internal width. A subnet keeps the first blocks of each stage, so
     * its layer names are the full network's.
     */
    record Layout(List<Integer> stream, List<List<Integer>> inner) {
        Layout {
            stream = List.copyOf(stream);
            inner = inner.stream().map(List::copyOf).toList();
        }

        static Layout of(ModelSpec.ResNet spec) {
            List<Integer> stream = new ArrayList<>();
            List<List<Integer>> inner = new ArrayList<>();
            for (int base : new int[]{16, 32, 64}) {
                int c = ModelSpec.scaled(base, spec.width());
                stream.add(c);
                inner.add(java.util.Collections.nCopies(spec.blocksPerStage(), c));
            }
            return new Layout(stream, inner);
        }
    }

    static Models.Built basic(GraphBuilder g, Layout layout, Act input, int classes) {
        Streams streams = new Streams();
        Act x = stem(g, input, layout.stream().get(0), streams);
        List<Architecture.Stage> stages = new ArrayList<>();
        for (int s = 0; s < layout.stream().size(); s++) {
            String stage = "layer" + (s + 1);
            int width = layout.stream().get(s);
            List<Architecture.Block> blocks = new ArrayList<>();
            for (int b = 0; b < layout.inner().get(s).size(); b++) {
                int stride = s > 0 && b == 0 ? 2 : 1;
                String name = stage + "." + b;
                int internal = layout.inner().get(s).get(b);
                boolean projection = stride != 1 || x.channels() != width;
                streams.consumedBy(name + ".conv1");
                Act h = conv(g, name, "1", x, internal, 3, stride, true);
                streams.internal(name + ".conv1", internal, name, "1", name + ".conv2");
                h = conv(g, name, "2", h, width, 3, 1, false);
                x = shortcutAndAdd(g, name, x, h, stride, projection, stage, streams, "2");
                blocks.add(block(name, projection, "1", "2"));
            }
            stages.add(new Architecture.Stage(stage, blocks));
        }
        return head(g, x, classes, stages, streams);
    }

    /** ResNet-50, CIFAR form: bottlenecks [3, 4, 6, 3], expansion 4. */
    static Models.Built resnet50(GraphBuilder g, ModelSpec.ResNet50 spec, Act input, int classes) {
        int[] counts = {3, 4, 6, 3};
        int[] planes = {64, 128, 256, 512};
        Streams streams = new Streams();
        Act x = stem(g, input, ModelSpec.scaled(64, spec.width()), streams);
        List<Architecture.Stage> stages = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            String stage = "layer" + (s + 1);
            int p = ModelSpec.scaled(planes[s], spec.width());
            List<Architecture.Block> blocks = new ArrayList<>();
            for (int b = 0; b < counts[s]; b++) {
                int stride = s > 0 && b == 0 ? 2 : 1;
                String name = stage + "." + b;
                boolean projection = stride != 1 || x.channels() != 4L * p;
                streams.consumedBy(name + ".conv1");
                Act h = conv(g, name, "1", x, p, 1, 1, true);
                streams.internal(name + ".conv1", p, name, "1", name + ".conv2");
                h = conv(g, name, "2", h, p, 3, stride, true);
                streams.internal(name + ".conv2", p, name, "2", name + ".conv3");
                h = conv(g, name, "3", h, 4 * p, 1, 1, false);
                x = shortcutAndAdd(g, name, x, h, stride, projection, stage, streams, "3");
                blocks.add(block(name, projection, "1", "2", "3"));
            }
            stages.add(new Architecture.Stage(stage, blocks));
        }
        return head(g, x, classes, stages, streams);
    }

    private static Act stem(GraphBuilder g, Act input, int channels, Streams streams) {
        Act x = g.batchNormRelu("bn1", g.conv("conv1", input, channels, 3, 1, 1, false));
        streams.start(channels, "conv1", "bn1");
        return x;
    }

    /** conv{i} then bn{i} of a block, with ReLU unless it is the block's last convolution. */
    private static Act conv(GraphBuilder g, String block, String i, Act x, int out, int kernel, int stride,
                            boolean relu) {
        Act conv = g.conv(block + ".conv" + i, x, out, kernel, stride, kernel / 2, false);
        return relu ? g.batchNormRelu(block + ".bn" + i, conv) : g.batchNorm(block + ".bn" + i, conv);
    }

    private static Act shortcutAndAdd(GraphBuilder g, String name, Act x, Act h, int stride, boolean projection,
                                      String stage, Streams streams, String last) {
        Act shortcut = x;
        if (projection) {
            streams.consumedBy(name + ".shortcut.0");
            streams.close();
            shortcut = g.batchNorm(name + ".shortcut.1", g.conv(name + ".shortcut.0", x, (int) h.channels(), 1, stride, 0, false));
            streams.start(h.channels(), name + ".shortcut.0", name + ".shortcut.1");
        }
        streams.produced(stage, name + ".conv" + last, name + ".bn" + last);
        return g.addRelu(h, shortcut);
    }

    private static Architecture.Block block(String name, boolean projection, String... convs) {
        List<String> layers = new ArrayList<>();
        for (String i : convs) {
            layers.add(name + ".conv" + i);
            layers.add(name + ".bn" + i);
        }
        if (projection) {
            layers.add(name + ".shortcut.0");
            layers.add(name + ".shortcut.1");
        }
        return new Architecture.Block(name, layers, true, !projection);
    }

    private static Models.Built head(GraphBuilder g, Act x, int classes, List<Architecture.Stage> stages,
                                     Streams streams) {
        streams.consumedBy("fc");
        streams.close();
        Act logits = g.dense("fc", g.globalAvgPool(x), classes);
        return new Models.Built(logits, stages, streams.groups);
    }

    /**
     * Collects channel groups: the residual stream open at the current point of the network
     * (named after the stage whose blocks write it, or {@code stem}) and each block's internal
     * groups.
     */
    private static final class Streams {
        final List<Architecture.ChannelGroup> groups = new ArrayList<>();
        private long channels;
        private String stage;
        private List<String> producers;
        private List<String> consumers;

        void start(long channels, String... producers) {
            this.channels = channels;
            this.stage = null;
            this.producers = new ArrayList<>(List.of(producers));
            this.consumers = new ArrayList<>();
        }

        void produced(String stage, String... layers) {
            this.stage = stage;
            producers.addAll(List.of(layers));
        }

        void consumedBy(String layer) {
            consumers.add(layer);
        }

        void close() {
            String name = stage == null ? "stem" : stage + ".stream";
            groups.add(new Architecture.ChannelGroup(name, channels, producers, consumers));
        }

        void internal(String name, long channels, String block, String i, String consumer) {
            groups.add(new Architecture.ChannelGroup(name, channels,
                    List.of(block + ".conv" + i, block + ".bn" + i), List.of(consumer)));
        }
    }
}
