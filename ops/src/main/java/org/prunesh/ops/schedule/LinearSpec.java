package org.prunesh.ops.schedule;

import org.prunesh.ops.prune.Decimals;

import java.util.Objects;

/** {@code linear from s_i to s_f start t0 end t1 every Δ}. */
public record LinearSpec(double from, double to, StepPoint start, StepPoint end, StepPoint every)
        implements ScheduleSpec {

    @Override
    public double finalSparsity() {
        return to;
    }


    public LinearSpec {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(every, "every");
        Resolution.requireOrdered(from, to);
    }

    @Override
    public LinearSchedule resolve(StepClock clock) {
        return new LinearSchedule(clock, Resolution.grid(start, end, every, clock), from, to);
    }

    @Override
    public String describe() {
        return "linear from " + Decimals.plain(from) + " to " + Decimals.plain(to)
                + Resolution.window(start, end, every);
    }
}
