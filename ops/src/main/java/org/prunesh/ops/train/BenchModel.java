package org.prunesh.ops.train;

import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.prune.Decimals;

import java.util.List;

/**
 * A network the training benchmark measures: architecture, width, the sample shape it trains on and
 * the class count. LeNet-5 trains on Fashion-MNIST's 1x28x28, every other network on CIFAR's 3x32x32;
 * ten classes throughout.
 */
public record BenchModel(ModelSpec spec, long[] sampleShape, int classes) {

    public static final int CLASSES = 10;

    /** What issue 7 measures: ResNet-20 at widths 1 and 0.5, VGG-19-bn at 0.25, LeNet-5. */
    public static final List<BenchModel> STANDARD = List.of(
            of("resnet20", 1), of("resnet20", 0.5), of("vgg19", 0.25), of("lenet5", 1));

    public BenchModel {
        sampleShape = sampleShape.clone();
    }

    @Override
    public long[] sampleShape() {
        return sampleShape.clone();
    }

    /** The network named as scripts name it ({@code resnet20}, {@code vgg19}, ...) at a width. */
    public static BenchModel of(String name, double width) {
        if (!(width > 0)) {
            throw new IllegalArgumentException("width of '" + name + "' must be positive, got " + width);
        }
        ModelSpec spec = switch (name) {
            case "lenet5" -> new ModelSpec.LeNet5(width);
            case "cnn" -> new ModelSpec.Cnn(width);
            case "vgg19" -> new ModelSpec.Vgg19(width);
            case "resnet50" -> new ModelSpec.ResNet50(width);
            default -> {
                if (name.startsWith("resnet") && name.length() > "resnet".length()
                        && name.substring("resnet".length()).chars().allMatch(Character::isDigit)) {
                    yield new ModelSpec.ResNet(Integer.parseInt(name.substring("resnet".length())), width);
                }
                throw new IllegalArgumentException("unknown model '" + name
                        + "'; expected lenet5, cnn, vgg19, resnet50 or resnetN (N = 6n+2: 20, 32, 56, 110)");
            }
        };
        long[] shape = spec instanceof ModelSpec.LeNet5 ? new long[]{1, 28, 28} : new long[]{3, 32, 32};
        return new BenchModel(spec, shape, CLASSES);
    }

    /**
     * {@code NAME} or {@code NAME:WIDTH}, e.g. {@code resnet20:0.5}; without a width, {@code defaultWidth}.
     */
    public static BenchModel parse(String text, double defaultWidth) {
        int colon = text.indexOf(':');
        if (colon < 0) return of(text.trim(), defaultWidth);
        String widthText = text.substring(colon + 1).trim();
        double width;
        try {
            width = Double.parseDouble(widthText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("width in '" + text + "' is not a number: '" + widthText + "'");
        }
        return of(text.substring(0, colon).trim(), width);
    }

    /** The network with He-normal weights from {@code seed}, no label smoothing. */
    public Network build(long seed) {
        return Models.build(spec, sampleShape, classes, seed, 0);
    }

    /** {@code resnet20 w0.5}. */
    public String label() {
        return spec.name() + " w" + Decimals.plain(spec.width());
    }

    /** The sample shape as {@code CxHxW}. */
    public String shapeText() {
        StringBuilder out = new StringBuilder();
        for (long d : sampleShape) out.append(out.isEmpty() ? "" : "x").append(d);
        return out.toString();
    }
}
