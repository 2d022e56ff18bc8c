package org.prunesh.ops.schedule;

import java.util.List;
import java.util.Objects;

/** Sparsity 0 before step {@code at}, s_f from it on; masks are updated only at {@code at}. */
public record OneShotSchedule(StepClock clock, long at, double to) implements SparsitySchedule {

    public OneShotSchedule {
        Objects.requireNonNull(clock, "clock");
        if (at < 0) {
            throw new IllegalArgumentException("one-shot step must not be negative, got " + at);
        }
        Resolution.requireSparsity("to", to);
    }

    @Override
    public String name() {
        return "oneshot";
    }

    @Override
    public double targetAt(long step) {
        return step >= at ? to : 0.0;
    }

    @Override
    public List<Long> pruningSteps() {
        return List.of(at);
    }

    @Override
    public boolean isPruningStep(long step) {
        return step == at;
    }

    @Override
    public long start() {
        return at;
    }

    @Override
    public long end() {
        return at;
    }
}
