package org.prunesh.ops.schedule;

import java.util.Objects;

/**
 * s_t = s_f + (s_i − s_f)(1 − (t − t0)/(t1 − t0))^e on [t0, t1]; s_i before t0 (no pruning happens
 * there) and s_f after t1. With e &gt; 1 it prunes fast while many redundant weights remain and slows
 * down near the final sparsity.
 */
public record CubicSchedule(StepClock clock, StepGrid grid, double from, double to, double exponent)
        implements GridSchedule {

    public CubicSchedule {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(grid, "grid");
        Resolution.requireOrdered(from, to);
        requireExponent(exponent);
    }

    static void requireExponent(double exponent) {
        if (!(exponent > 0) || Double.isInfinite(exponent)) {
            throw new IllegalArgumentException("cubic exponent must be positive and finite, got " + exponent);
        }
    }

    @Override
    public String name() {
        return "cubic";
    }

    @Override
    public double targetAt(long step) {
        if (step >= grid.end()) {
            return to;
        }
        if (step <= grid.start()) {
            return from;
        }
        return to + (from - to) * Math.pow(1 - progress(step), exponent);
    }
}
