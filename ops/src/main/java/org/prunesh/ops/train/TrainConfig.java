package org.prunesh.ops.train;

import org.prunesh.ops.data.Augmentation;

import java.util.Objects;

/**
 * The training recipe.
 *
 * @param weightDecay L2 coefficient added to the gradient before the optimizer (PyTorch's SGD
 *                    {@code weight_decay}); applied to weights, not to biases or norm parameters
 */
public record TrainConfig(int epochs, int batch, Optimizer optimizer, double lr, double momentum,
                          boolean nesterov, double weightDecay, double labelSmoothing,
                          LrSchedule lrSchedule, Augmentation augmentation) {

    /** A constant rate and no augmentation. */
    public TrainConfig(int epochs, int batch, Optimizer optimizer, double lr, double momentum,
                       boolean nesterov, double weightDecay, double labelSmoothing) {
        this(epochs, batch, optimizer, lr, momentum, nesterov, weightDecay, labelSmoothing,
                LrSchedule.Constant.NONE, Augmentation.NONE);
    }

    public enum Optimizer { SGD, ADAM }

    public static final TrainConfig DEFAULT =
            new TrainConfig(10, 128, Optimizer.SGD, 0.1, 0.9, false, 0.0, 0.0);

    public TrainConfig {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        if (batch < 1) throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        if (!(lr > 0)) throw new IllegalArgumentException("lr must be positive, got " + lr);
        Objects.requireNonNull(lrSchedule, "lrSchedule");
        Objects.requireNonNull(augmentation, "augmentation");
    }

    public TrainConfig withEpochs(int e) {
        return new TrainConfig(e, batch, optimizer, lr, momentum, nesterov, weightDecay, labelSmoothing,
                lrSchedule, augmentation);
    }
}
