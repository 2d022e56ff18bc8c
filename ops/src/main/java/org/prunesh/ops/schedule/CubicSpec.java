package org.prunesh.ops.schedule;

import org.prunesh.ops.prune.Decimals;

import java.util.Objects;

/** Zhu &amp; Gupta's gradual schedule, {@code cubic from s_i to s_f start t0 end t1 every Δ}, exponent settable. */
public record CubicSpec(double from, double to, StepPoint start, StepPoint end, StepPoint every, double exponent)
        implements ScheduleSpec {

    @Override
    public double finalSparsity() {
        return to;
    }


    public CubicSpec {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(every, "every");
        Resolution.requireOrdered(from, to);
        CubicSchedule.requireExponent(exponent);
    }

    @Override
    public CubicSchedule resolve(StepClock clock) {
        return new CubicSchedule(clock, Resolution.grid(start, end, every, clock), from, to, exponent);
    }

    @Override
    public String describe() {
        return "cubic from " + Decimals.plain(from) + " to " + Decimals.plain(to)
                + Resolution.window(start, end, every) + " exponent " + Decimals.plain(exponent);
    }
}
