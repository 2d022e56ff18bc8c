package org.prunesh.ops.schedule;

import java.util.Objects;

/**
 * The density d = 1 − s decays geometrically on [t0, t1]: d_t = d_i·(d_f/d_i)^p with
 * p = (t − t0)/(t1 − t0), so each equal stretch of time removes the same fraction of the weights
 * still left. s_i before t0 (no pruning happens there) and s_f from t1 on. Both densities are
 * positive because a sparsity target is below 1, so the ratio is always defined.
 */
public record ExpSchedule(StepClock clock, StepGrid grid, double from, double to) implements GridSchedule {

    public ExpSchedule {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(grid, "grid");
        Resolution.requireOrdered(from, to);
    }

    @Override
    public String name() {
        return "exp";
    }

    @Override
    public double targetAt(long step) {
        // The ends are returned as written: 1 − (1 − s) need not give s back in floating point.
        if (step >= grid.end()) {
            return to;
        }
        if (step <= grid.start()) {
            return from;
        }
        double initial = 1 - from;
        double density = initial * Math.pow((1 - to) / initial, progress(step));
        return 1 - density;
    }
}
