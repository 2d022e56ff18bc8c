package org.prunesh.ops.schedule;

import org.prunesh.ops.prune.Decimals;

import java.util.Objects;

/** {@code constant s_f start t0 end t1 every Δ}: the same target at every pruning step. */
public record ConstantSpec(double to, StepPoint start, StepPoint end, StepPoint every) implements ScheduleSpec {

    @Override
    public double finalSparsity() {
        return to;
    }


    public ConstantSpec {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(every, "every");
        Resolution.requireSparsity("to", to);
    }

    @Override
    public ConstantSchedule resolve(StepClock clock) {
        return new ConstantSchedule(clock, Resolution.grid(start, end, every, clock), to);
    }

    @Override
    public String describe() {
        return "constant to " + Decimals.plain(to) + Resolution.window(start, end, every);
    }
}
