package org.prunesh.ops.stp;

import org.prunesh.ops.prune.Decimals;
import org.prunesh.ops.schedule.StepClock;
import org.prunesh.ops.schedule.StepPoint;

/**
 * Stimulative training as a script writes it, with its points of training still as written
 * ({@code until 50%}, {@code after 2 epochs}): they become steps only on the step clock of the run
 * that uses them, as a {@code ScheduleSpec}'s do. {@link Stimulus} is what it lowers to.
 *
 * @param subnets     subnets distilled per step, 1 to {@link Stimulus#MAX_SUBNETS}
 * @param sampler     where the subnets come from
 * @param order       which channels a width keeps during training
 */
public record StimulusSpec(int subnets, double lambda, double temperature, Sampler sampler, Order order) {

    /** Where the subnets of each step come from. */
    public sealed interface Sampler {
        Sampling lower(StepClock clock);

        String describe();
    }

    /** Mutating expansion reaching [0.75·B, B] at {@code until}; without {@code ceiling} only the floor moves. */
    public record Mutate(StepPoint until, boolean ceiling) implements Sampler {
        public Sampling lower(StepClock clock) {
            return new Sampling.Expansion(share(until, clock), ceiling);
        }

        public String describe() {
            return "expansion mutate until " + until.describe() + (ceiling ? "" : " uncapped");
        }
    }

    /**
     * Uniform draws from [min·B, B], or from [min·B, 1] when not {@code capped}; {@code expansion off}
     * is min 0 uncapped, the whole space.
     */
    public record Uniform(double min, boolean capped) implements Sampler {
        public static final Uniform WHOLE_SPACE = new Uniform(0, false);

        public Sampling lower(StepClock clock) {
            return new Sampling.Uniform(min, capped);
        }

        public String describe() {
            return equals(WHOLE_SPACE) ? "expansion off"
                    : "expansion uniform min " + Decimals.plain(min) + (capped ? "" : " uncapped");
        }
    }

    /** Which channels a width keeps while training. */
    public sealed interface Order {
        /** @param refreshSteps how often a ranking order re-ranks, from the space's {@code refresh} */
        WidthOrder lower(Importance importance, long refreshSteps, StepClock clock);

        String describe();
    }

    /** The first channels in index order for the whole of training, as in ST's code. */
    public record Fixed() implements Order {
        public WidthOrder lower(Importance importance, long refreshSteps, StepClock clock) {
            return new WidthOrder.Fixed();
        }

        public String describe() {
            return "order fixed";
        }
    }

    /** Ranked by the space's importance every {@code refresh} for the whole of training. */
    public record Reranked() implements Order {
        public WidthOrder lower(Importance importance, long refreshSteps, StepClock clock) {
            return new WidthOrder.Reranked(importance, refreshSteps);
        }

        public String describe() {
            return "order reranked";
        }
    }

    /** Ranked as {@link Reranked} until {@code after}, then frozen. */
    public record Frozen(StepPoint after) implements Order {
        public WidthOrder lower(Importance importance, long refreshSteps, StepClock clock) {
            return new WidthOrder.FrozenAfter(importance, refreshSteps, freezeStep(clock));
        }

        /** The first step that no longer re-ranks. */
        public long freezeStep(StepClock clock) {
            return Math.round(share(after, clock) * clock.totalSteps());
        }

        public String describe() {
            return "order frozen after " + after.describe();
        }
    }

    /** The point's share of training, exact (not rounded to a step), kept in (0, 1]. */
    private static double share(StepPoint point, StepClock clock) {
        return Math.min(1, Math.max(1e-9, point.share(clock)));
    }
}
