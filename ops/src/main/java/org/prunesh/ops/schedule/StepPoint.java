package org.prunesh.ops.schedule;

import org.prunesh.ops.prune.Decimals;

/**
 * A point in training time as a script writes it: in steps, epochs or percent of training. It is
 * converted to a step once, against the run's {@link StepClock}.
 */
public sealed interface StepPoint {

    long toSteps(StepClock clock);

    /** The point as a share of the whole run, exact: not rounded to a step (0.5 for {@code 50%}). */
    double share(StepClock clock);

    /** The point as written, e.g. {@code 300 steps}, {@code 2 epochs}, {@code 50%}. */
    String describe();

    /** An exact number of optimizer steps. */
    record Steps(long n) implements StepPoint {
        public Steps {
            if (n < 0) {
                throw new IllegalArgumentException("a step count must not be negative, got " + n);
            }
        }

        @Override
        public long toSteps(StepClock clock) {
            return n;
        }

        @Override
        public double share(StepClock clock) {
            return (double) n / clock.totalSteps();
        }

        @Override
        public String describe() {
            return n + (n == 1 ? " step" : " steps");
        }
    }

    /** Epochs, possibly fractional; rounds half up to a step. */
    record Epochs(double epochs) implements StepPoint {
        public Epochs {
            if (!(epochs >= 0) || Double.isInfinite(epochs)) {
                throw new IllegalArgumentException("epochs must be finite and not negative, got " + epochs);
            }
        }

        @Override
        public long toSteps(StepClock clock) {
            return Math.round(epochs * clock.stepsPerEpoch());
        }

        @Override
        public double share(StepClock clock) {
            return epochs * clock.stepsPerEpoch() / clock.totalSteps();
        }

        @Override
        public String describe() {
            return Decimals.plain(epochs) + (epochs == 1 ? " epoch" : " epochs");
        }
    }

    /** Percent of the whole run, 0 to 100 (as an interval, that share of the run); rounds half up to a step. */
    record Percent(double percent) implements StepPoint {
        public Percent {
            if (!(percent >= 0 && percent <= 100)) {
                throw new IllegalArgumentException("a percentage of training must be in [0, 100], got " + percent);
            }
        }

        @Override
        public long toSteps(StepClock clock) {
            return Math.round(percent / 100 * clock.totalSteps());
        }

        @Override
        public double share(StepClock clock) {
            return percent / 100;
        }

        @Override
        public String describe() {
            return Decimals.plain(percent) + "%";
        }
    }
}
