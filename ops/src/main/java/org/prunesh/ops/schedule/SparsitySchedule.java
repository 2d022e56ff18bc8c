package org.prunesh.ops.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * A resolved sparsity schedule: a pure function of the optimizer step. Steps count completed
 * optimizer updates (step 0 is before the first update). Masks are updated only at
 * {@link #pruningSteps()}; after {@link #end()} they are frozen.
 */
public interface SparsitySchedule {

    /** The schedule kind, e.g. {@code cubic}. */
    String name();

    /** The clock the schedule was resolved against. */
    StepClock clock();

    /** Target sparsity over the prunable weights at {@code step}. */
    double targetAt(long step);

    /** The steps at which masks are updated, ascending and distinct. */
    List<Long> pruningSteps();

    /** Whether masks are updated at {@code step}; cheap, since the trainer asks at every step. */
    boolean isPruningStep(long step);

    /** The first pruning step (0 when there is none). */
    long start();

    /** The last pruning step (0 when there is none). */
    long end();

    /** (step, epoch, target) at every pruning step. */
    default List<SchedulePoint> points() {
        List<Long> steps = pruningSteps();
        List<SchedulePoint> points = new ArrayList<>(steps.size());
        for (long step : steps) {
            points.add(new SchedulePoint(step, clock().epochAt(step), targetAt(step)));
        }
        return List.copyOf(points);
    }
}
