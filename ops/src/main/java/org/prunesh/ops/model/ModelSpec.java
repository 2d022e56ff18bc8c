package org.prunesh.ops.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/** A network architecture as a script names it; {@code width} multiplies every hidden width. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ModelSpec.Mlp.class, name = "mlp"),
        @JsonSubTypes.Type(value = ModelSpec.LeNet5.class, name = "lenet5"),
        @JsonSubTypes.Type(value = ModelSpec.Cnn.class, name = "cnn")})
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

    /** Scales a width-1 channel count, keeping at least one channel. */
    static int scaled(int channels, double width) {
        return Math.max(1, (int) Math.round(channels * width));
    }
}
