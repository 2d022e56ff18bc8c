package org.prunesh.ops.train;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * The learning rate the trainer sets before each step, read by the updater when it applies the
 * step. An ISchedule so that ND4J's own updaters (Adam) read it too; SameDiff's iteration and epoch
 * counters are ignored: the trainer owns the step clock (LrSchedule), and a resumed run continues it.
 * Clones share the value, so the copy SameDiff keeps still sees the trainer's changes.
 */
final class CurrentLr implements ISchedule {

    private volatile double value;

    CurrentLr(double initial) {
        this.value = initial;
    }

    void set(double lr) {
        this.value = lr;
    }

    double get() {
        return value;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return value;
    }

    @Override
    public ISchedule clone() {
        return this;
    }
}
