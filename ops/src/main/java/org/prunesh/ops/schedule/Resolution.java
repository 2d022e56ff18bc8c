package org.prunesh.ops.schedule;

/** The checks shared by every {@link ScheduleSpec}, with messages phrased in the script's terms. */
final class Resolution {

    private Resolution() {
    }

    /** A sparsity target must be in [0, 1): a fully pruned network cannot be trained. */
    static void requireSparsity(String what, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException("sparsity '" + what + "' must be in [0, 1), got " + value);
        }
    }

    static void requireOrdered(double from, double to) {
        requireSparsity("from", from);
        requireSparsity("to", to);
        if (from > to) {
            throw new IllegalArgumentException(
                    "sparsity 'from' (" + from + ") must not exceed 'to' (" + to + "): a schedule only prunes more");
        }
    }

    /**
     * Converts the window to steps, checks it, clamps it into the run and builds its grid. The
     * interval converts like a point: {@code every 1.5 epochs} is 1.5 epochs' steps and
     * {@code every 10%} a tenth of the run's steps, each rounded to a step and at least 1.
     */
    static StepGrid grid(StepPoint start, StepPoint end, StepPoint every, StepClock clock) {
        long t0 = start.toSteps(clock);
        long t1 = end.toSteps(clock);
        if (t1 < t0) {
            throw new IllegalArgumentException("schedule end (" + end.describe() + " = step " + t1
                    + ") is before its start (" + start.describe() + " = step " + t0 + ")");
        }
        long delta = every.toSteps(clock);
        if (delta < 1) {
            throw new IllegalArgumentException("pruning interval 'every " + every.describe() + "' is " + delta
                    + " steps; it must be at least 1 step");
        }
        return new StepGrid(clock.clamp(t0), clock.clamp(t1), delta);
    }

    /** " start 1 epoch end 70% every 100 steps": the window of a gridded schedule as written. */
    static String window(StepPoint start, StepPoint end, StepPoint every) {
        return " start " + start.describe() + " end " + end.describe() + " every " + every.describe();
    }
}
