package org.prunesh.ops.model;

import java.util.List;

/**
 * A network's structure as data, for counting and for structured pruning: its layers with
 * static shapes, its stages of blocks, and its coupled channel groups.
 *
 * <p>A channel group is a set of channels that must be cut together: {@code producers} are the
 * layers whose output channels are the group (convolution or dense weights along their output
 * dimension, and the batch norms that follow them), {@code consumers} the layers whose input
 * channels are the group. A residual stream is one group (every block's last conv and BN, the
 * stage's projection shortcut, and the stem when it feeds an identity shortcut); a block's
 * internal convolutions each form a group of their own. A dense consumer after a flatten sees
 * each channel {@code height x width} times.
 */
public record Architecture(List<Layer> layers, List<Stage> stages, List<ChannelGroup> groups) {

    public Architecture {
        layers = List.copyOf(layers);
        stages = List.copyOf(stages);
        groups = List.copyOf(groups);
    }

    public enum Kind { CONV, DENSE, NORM }

    /**
     * One layer that owns parameters. For DENSE layers kernel and stride are 1 and the spatial
     * sizes 1; for NORM layers in and out channels are equal.
     *
     * @param index position in forward order, from 0 (the same index as its {@link ParamInfo}s)
     */
    public record Layer(String name, Kind kind, int index, long inChannels, long outChannels, int kernel,
                        int stride, long inHeight, long inWidth, long outHeight, long outWidth) {

        /**
         * Multiply-accumulates for one sample: k·k·in·out·H_out·W_out for a convolution, in·out for a
         * dense layer. Batch norm, activations, pooling and residual additions are not counted, the
         * convention of the published figures this is compared with.
         */
        public long macs() {
            return switch (kind) {
                case CONV -> (long) kernel * kernel * inChannels * outChannels * outHeight * outWidth;
                case DENSE -> inChannels * outChannels;
                case NORM -> 0;
            };
        }
    }

    /**
     * A stage: blocks at one resolution (ResNet {@code layer2}, a VGG segment between pools; a
     * network without stages has one, {@code layers}). A ResNet's stem and classifier belong to
     * no stage; they appear in {@link #layers()} and in the groups.
     */
    public record Stage(String name, List<Block> blocks) {
        public Stage {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * @param layers          the block's layers in forward order, shortcut layers last
     * @param identityShortcut true for a residual block whose shortcut is the identity: it can be
     *                        dropped from a depth subnet without changing any shape
     */
    public record Block(String name, List<String> layers, boolean residual, boolean identityShortcut) {
        public Block {
            layers = List.copyOf(layers);
        }
    }

    public record ChannelGroup(String name, long channels, List<String> producers, List<String> consumers) {
        public ChannelGroup {
            producers = List.copyOf(producers);
            consumers = List.copyOf(consumers);
        }
    }

    public Layer layer(String name) {
        for (Layer l : layers) if (l.name().equals(name)) return l;
        throw new IllegalArgumentException("no layer " + name);
    }

    /** Total multiply-accumulates of a dense forward pass for one sample. */
    public long macs() {
        return layers.stream().mapToLong(Layer::macs).sum();
    }
}
