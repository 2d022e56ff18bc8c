package org.prunesh.ops.schedule;

import java.util.Objects;

/** s_t = s_i + (s_f − s_i)(t − t0)/(t1 − t0) on [t0, t1]; s_i before t0 and s_f after t1. */
public record LinearSchedule(StepClock clock, StepGrid grid, double from, double to) implements GridSchedule {

    public LinearSchedule {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(grid, "grid");
        Resolution.requireOrdered(from, to);
    }

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public double targetAt(long step) {
        if (step >= grid.end()) {
            return to;
        }
        if (step <= grid.start()) {
            return from;
        }
        return from + (to - from) * progress(step);
    }
}
