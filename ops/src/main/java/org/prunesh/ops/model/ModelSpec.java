package org.prunesh.ops.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/** A network architecture as a script names it; {@code width} multiplies every hidden width. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ModelSpec.Mlp.class, name = "mlp"),
        @JsonSubTypes.Type(value = ModelSpec.LeNet5.class, name = "lenet5"),
        @JsonSubTypes.Type(value = ModelSpec.Cnn.class, name = "cnn"),
        @JsonSubTypes.Type(value = ModelSpec.ResNet.class, name = "resnet"),
        @JsonSubTypes.Type(value = ModelSpec.ResNet50.class, name = "resnet50"),
        @JsonSubTypes.Type(value = ModelSpec.Vgg19.class, name = "vgg19"),
        @JsonSubTypes.Type(value = ModelSpec.SubnetResNet.class, name = "resnet-subnet"),
        @JsonSubTypes.Type(value = ModelSpec.SubnetVgg19.class, name = "vgg19-subnet")})
public sealed interface ModelSpec {

    double width();

    String name();

    /** Fully connected ReLU network; {@code hidden} are the widths at width 1. */
    record Mlp(List<Integer> hidden, double width) implements ModelSpec {
        public static final List<Integer> DEFAULT_HIDDEN = List.of(300, 100);

        public Mlp {
            hidden = List.copyOf(hidden);
        }

        @Override
        public String name() {
            return "mlp";
        }
    }

    /** LeNet-5: conv 6@5x5, pool, conv 16@5x5, pool, fc 120, fc 84, classifier. */
    record LeNet5(double width) implements ModelSpec {
        @Override
        public String name() {
            return "lenet5";
        }
    }

    /** A small CIFAR-style CNN: 2x conv 32@3x3, pool, 2x conv 64@3x3, pool, fc 256, classifier. */
    record Cnn(double width) implements ModelSpec {
        @Override
        public String name() {
            return "cnn";
        }
    }

    /**
     * CIFAR ResNet of He et al. (2016), depth 6n+2: a 3x3 stem of 16 channels, three stages of n
     * basic blocks at 16, 32 and 64 channels (stride 2 entering stages 2 and 3), global average
     * pooling and {@code fc}. Shortcuts that change shape are projections (option B: 1x1 conv and
     * batch norm), so each stage's residual stream is one channel group.
     */
    record ResNet(int depth, double width) implements ModelSpec {
        public ResNet {
            if (depth < 8 || (depth - 2) % 6 != 0) {
                throw new IllegalArgumentException("a CIFAR ResNet has depth 6n+2 (20, 32, 44, 56, 110), not " + depth);
            }
        }

        /** Basic blocks per stage. */
        public int blocksPerStage() {
            return (depth - 2) / 6;
        }

        @Override
        public String name() {
            return "resnet" + depth;
        }
    }

    /**
     * ResNet-50 in its CIFAR form: 3x3 stem of 64 channels without max-pool, bottleneck blocks
     * [3, 4, 6, 3] at widths 64, 128, 256, 512 (output 4x), stride on the 3x3 convolution,
     * projection shortcuts where the shape changes, global average pooling and {@code fc}.
     */
    record ResNet50(double width) implements ModelSpec {
        @Override
        public String name() {
            return "resnet50";
        }
    }

    /**
     * VGG-19 with batch norm, CIFAR form: 3x3 convolutions (no bias, each followed by batch norm
     * and ReLU) in the configuration 64,64,M,128,128,M,256x4,M,512x4,M,512x4,M, then one linear
     * classifier from the flattened features (512 at 32x32 inputs).
     */
    record Vgg19(double width) implements ModelSpec {
        @Override
        public String name() {
            return "vgg19";
        }
    }

    /**
     * A basic-block ResNet extracted from a larger one ({@code depth}, {@code width} name the
     * parent): {@code stream.get(s)} channels in stage s's residual stream and, per stage, one
     * internal width per kept block (the first blocks of the stage are the ones kept).
     */
    record SubnetResNet(int depth, double width, List<Integer> stream, List<List<Integer>> inner) implements ModelSpec {
        public SubnetResNet {
            stream = List.copyOf(stream);
            inner = inner.stream().map(List::copyOf).toList();
            if (stream.size() != inner.size()) {
                throw new IllegalArgumentException("one internal-width list per stage: " + stream.size() + " stages, "
                        + inner.size() + " lists");
            }
        }

        @Override
        public String name() {
            return "resnet" + depth + "-subnet";
        }
    }

    /**
     * A VGG-19 cut from a larger one ({@code width} names the parent): {@code channels} of its 16
     * convolutions in forward order, the pools where VGG-19 has them.
     */
    record SubnetVgg19(double width, List<Integer> channels) implements ModelSpec {
        public SubnetVgg19 {
            channels = List.copyOf(channels);
            if (channels.size() != 16) {
                throw new IllegalArgumentException("VGG-19 has 16 convolutions, not " + channels.size());
            }
        }

        @Override
        public String name() {
            return "vgg19-subnet";
        }
    }

    /** Scales a width-1 channel count, keeping at least one channel. */
    static int scaled(int channels, double width) {
        return Math.max(1, (int) Math.round(channels * width));
    }
}
