package org.prunesh.ops.train;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * The learning rate as a pure function of the optimizer step, with an optional linear warm-up.
 * Decays follow PyTorch's schedulers as CIFAR recipes use them: they change the rate at epoch
 * boundaries (MultiStepLR, CosineAnnealingLR stepped once per epoch), so a step inside epoch e uses
 * the epoch-e rate. Warm-up is per step: lr·(t+1)/W for the first W steps, then the decayed rate.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LrSchedule.Constant.class, name = "constant"),
        @JsonSubTypes.Type(value = LrSchedule.MultiStep.class, name = "multistep"),
        @JsonSubTypes.Type(value = LrSchedule.Cosine.class, name = "cosine")})
public sealed interface LrSchedule {

    /** The decay factor for the epoch (0-based) out of {@code epochs}. */
    double factor(int epoch, int epochs);

    /** Steps of linear warm-up; 0 for none. */
    long warmupSteps();

    /** The rate for the step that is about to run, {@code t} steps having completed. */
    default double lrAt(double baseLr, long t, long stepsPerEpoch, int epochs) {
        int epoch = (int) Math.min(epochs - 1, t / stepsPerEpoch);
        double lr = baseLr * factor(epoch, epochs);
        long w = warmupSteps();
        return t < w ? lr * (t + 1) / w : lr;
    }

    record Constant(long warmupSteps) implements LrSchedule {
        public static final Constant NONE = new Constant(0);

        @Override
        public double factor(int epoch, int epochs) {
            return 1;
        }
    }

    /** Multiply by gamma at each milestone epoch (0-based epoch index at which the new rate starts). */
    record MultiStep(List<Integer> milestones, double gamma, long warmupSteps) implements LrSchedule {
        public MultiStep {
            milestones = List.copyOf(milestones);
            for (int i = 1; i < milestones.size(); i++) {
                if (milestones.get(i) <= milestones.get(i - 1)) {
                    throw new IllegalArgumentException("lr milestones must increase, got " + milestones);
                }
            }
            if (!(gamma > 0)) throw new IllegalArgumentException("gamma must be positive, got " + gamma);
        }

        @Override
        public double factor(int epoch, int epochs) {
            int passed = 0;
            for (int m : milestones) if (epoch >= m) passed++;
            return Math.pow(gamma, passed);
        }
    }

    /** Cosine from the base rate down to {@code minFactor}·base over all epochs. */
    record Cosine(double minFactor, long warmupSteps) implements LrSchedule {
        @Override
        public double factor(int epoch, int epochs) {
            return minFactor + (1 - minFactor) * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
        }
    }
}
