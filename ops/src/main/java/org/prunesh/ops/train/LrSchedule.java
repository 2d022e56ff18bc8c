package org.prunesh.ops.train;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.prunesh.ops.schedule.StepClock;
import org.prunesh.ops.schedule.StepPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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

    /** The linear warm-up's length (steps, epochs or percent of training); none when zero steps. */
    StepPoint warmup();

    /** The rate for the step that is about to run, {@code t} steps having completed. */
    default double lrAt(double baseLr, long t, long stepsPerEpoch, int epochs) {
        int epoch = (int) Math.min(epochs - 1, t / stepsPerEpoch);
        double lr = baseLr * factor(epoch, epochs);
        long w = warmup().toSteps(new StepClock(stepsPerEpoch, stepsPerEpoch * epochs));
        return t < w ? lr * (t + 1) / w : lr;
    }

    StepPoint NO_WARMUP = new StepPoint.Steps(0);

    /** A schedule of the same kind with another warm-up. */
    LrSchedule withWarmup(StepPoint warmup);

    /** The decay as a script writes it, e.g. {@code multistep milestones [50%, 75%] gamma 0.1}. */
    String describe();

    record Constant(StepPoint warmup) implements LrSchedule {
        public static final Constant NONE = new Constant(NO_WARMUP);

        @Override
        public LrSchedule withWarmup(StepPoint w) {
            return new Constant(w);
        }

        @Override
        public String describe() {
            return "constant";
        }

        @Override
        public double factor(int epoch, int epochs) {
            return 1;
        }
    }

    /**
     * Multiply by gamma at each milestone: an epoch (the 0-based epoch at which the new rate starts)
     * or a percent of the epochs, rounded to the nearest epoch boundary.
     */
    record MultiStep(List<StepPoint> milestones, double gamma, StepPoint warmup) implements LrSchedule {
        public MultiStep {
            milestones = List.copyOf(milestones);
            for (StepPoint m : milestones) {
                if (m instanceof StepPoint.Steps) {
                    throw new IllegalArgumentException("lr milestones are epochs or percent, got " + m.describe());
                }
            }
            if (!(gamma > 0)) throw new IllegalArgumentException("gamma must be positive, got " + gamma);
        }

        /** Milestones at whole epochs: {@code epochs(2, 3)}. */
        public static List<StepPoint> epochs(int... e) {
            List<StepPoint> out = new ArrayList<>();
            for (int x : e) out.add(new StepPoint.Epochs(x));
            return out;
        }

        @Override
        public double factor(int epoch, int epochs) {
            int passed = 0;
            for (StepPoint m : milestones) if (epoch >= milestoneEpoch(m, epochs)) passed++;
            return Math.pow(gamma, passed);
        }

        private static long milestoneEpoch(StepPoint m, int epochs) {
            return m instanceof StepPoint.Percent p ? Math.round(p.percent() / 100 * epochs)
                    : Math.round(((StepPoint.Epochs) m).epochs());
        }

        @Override
        public LrSchedule withWarmup(StepPoint w) {
            return new MultiStep(milestones, gamma, w);
        }

        @Override
        public String describe() {
            return "multistep milestones [" + milestones.stream().map(StepPoint::describe)
                    .collect(Collectors.joining(", ")) + "] gamma " + gamma;
        }
    }

    /** Cosine from the base rate down to {@code minFactor}·base over all epochs. */
    record Cosine(double minFactor, StepPoint warmup) implements LrSchedule {
        @Override
        public double factor(int epoch, int epochs) {
            return minFactor + (1 - minFactor) * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
        }

        @Override
        public LrSchedule withWarmup(StepPoint w) {
            return new Cosine(minFactor, w);
        }

        @Override
        public String describe() {
            return "cosine";
        }
    }
}
