package org.prunesh.ops.schedule;

import java.util.List;
import java.util.Objects;

/** Target 0 throughout and no pruning step; {@link #start()} and {@link #end()} are 0. */
public record NoPruningSchedule(StepClock clock) implements SparsitySchedule {

    public NoPruningSchedule {
        Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public double targetAt(long step) {
        return 0.0;
    }

    @Override
    public List<Long> pruningSteps() {
        return List.of();
    }

    @Override
    public boolean isPruningStep(long step) {
        return false;
    }

    @Override
    public long start() {
        return 0;
    }

    @Override
    public long end() {
        return 0;
    }
}
