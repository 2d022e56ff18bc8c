package org.prunesh.ops.schedule;

import org.prunesh.ops.prune.Decimals;

import java.util.Objects;

/** {@code exp from s_i to s_f start t0 end t1 every Δ}: the density decays geometrically from 1 − s_i to 1 − s_f. */
public record ExpSpec(double from, double to, StepPoint start, StepPoint end, StepPoint every) implements ScheduleSpec {

    @Override
    public double finalSparsity() {
        return to;
    }


    public ExpSpec {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(every, "every");
        Resolution.requireOrdered(from, to);
    }

    @Override
    public ExpSchedule resolve(StepClock clock) {
        return new ExpSchedule(clock, Resolution.grid(start, end, every, clock), from, to);
    }

    @Override
    public String describe() {
        return "exp from " + Decimals.plain(from) + " to " + Decimals.plain(to)
                + Resolution.window(start, end, every);
    }
}
