package org.prunesh.ops.schedule;

import org.prunesh.ops.prune.Decimals;

import java.util.Objects;

/** {@code oneshot s_f at t}: a single pruning step. */
public record OneShotSpec(double to, StepPoint at) implements ScheduleSpec {

    @Override
    public double finalSparsity() {
        return to;
    }


    public OneShotSpec {
        Objects.requireNonNull(at, "at");
        Resolution.requireSparsity("to", to);
    }

    @Override
    public OneShotSchedule resolve(StepClock clock) {
        return new OneShotSchedule(clock, clock.clamp(at.toSteps(clock)), to);
    }

    @Override
    public String describe() {
        return "oneshot to " + Decimals.plain(to) + " at " + at.describe();
    }
}
