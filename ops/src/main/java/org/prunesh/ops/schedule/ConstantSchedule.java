package org.prunesh.ops.schedule;

import java.util.Objects;

/**
 * The target is s_f at every step; masks are updated on the grid. Repeated updates at a constant
 * target matter when a criterion can change its mind (regrowth) or a run starts from sparse init.
 */
public record ConstantSchedule(StepClock clock, StepGrid grid, double to) implements GridSchedule {

    public ConstantSchedule {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(grid, "grid");
        Resolution.requireSparsity("to", to);
    }

    @Override
    public String name() {
        return "constant";
    }

    @Override
    public double targetAt(long step) {
        return to;
    }
}
