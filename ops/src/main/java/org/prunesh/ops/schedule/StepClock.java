package org.prunesh.ops.schedule;

/**
 * Converts training time to optimizer steps. A step counts completed optimizer updates: step 0 is
 * before the first update, step {@code totalSteps} is after the last one.
 *
 * @param stepsPerEpoch optimizer updates per pass over the training set, at least 1
 * @param totalSteps    optimizer updates in the whole run, at least 0
 */
public record StepClock(long stepsPerEpoch, long totalSteps) {

    public StepClock {
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("steps per epoch must be at least 1, got " + stepsPerEpoch);
        }
        if (totalSteps < 0) {
            throw new IllegalArgumentException("total steps must not be negative, got " + totalSteps);
        }
    }

    /** The clock of a run over {@code trainSamples} samples in batches of {@code batchSize}; the last batch may be short. */
    public static StepClock of(long trainSamples, int batchSize, int epochs) {
        if (trainSamples < 1) {
            throw new IllegalArgumentException("the training set must hold at least 1 sample, got " + trainSamples);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must not be negative, got " + epochs);
        }
        long perEpoch = (trainSamples + batchSize - 1) / batchSize;
        return new StepClock(perEpoch, Math.multiplyExact(perEpoch, (long) epochs));
    }

    /** The training time at {@code step}, in (fractional) epochs. */
    public double epochAt(long step) {
        return (double) step / stepsPerEpoch;
    }

    /** Clamps a step into the run, [0, totalSteps]. */
    public long clamp(long step) {
        return Math.max(0, Math.min(totalSteps, step));
    }
}
