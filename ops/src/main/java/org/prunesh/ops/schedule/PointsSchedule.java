package org.prunesh.ops.schedule;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Masks are updated exactly at {@code steps}; at and after {@code steps[i]} the target is
 * {@code targets[i]} (until the next point), and 0 before the first point.
 *
 * @param steps   strictly increasing pruning steps
 * @param targets the sparsity reached at each step, not decreasing
 */
public record PointsSchedule(StepClock clock, List<Long> steps, List<Double> targets) implements SparsitySchedule {

    public PointsSchedule {
        Objects.requireNonNull(clock, "clock");
        steps = List.copyOf(steps);
        targets = List.copyOf(targets);
        if (steps.isEmpty() || steps.size() != targets.size()) {
            throw new IllegalArgumentException("a points schedule needs as many targets as steps, and at least one; got "
                    + steps.size() + " steps and " + targets.size() + " targets");
        }
        for (int i = 0; i < steps.size(); i++) {
            Resolution.requireSparsity("point " + (i + 1), targets.get(i));
            if (steps.get(i) < 0 || (i > 0 && steps.get(i) <= steps.get(i - 1))) {
                throw new IllegalArgumentException("points schedule steps must be non-negative and strictly increasing, got "
                        + steps);
            }
            if (i > 0 && targets.get(i) < targets.get(i - 1)) {
                throw new IllegalArgumentException("points schedule targets must not decrease, got " + targets);
            }
        }
    }

    @Override
    public String name() {
        return "points";
    }

    @Override
    public double targetAt(long step) {
        int found = Collections.binarySearch(steps, step);
        int last = found >= 0 ? found : -found - 2;   // the last point at or before step
        return last < 0 ? 0.0 : targets.get(last);
    }

    @Override
    public List<Long> pruningSteps() {
        return steps;
    }

    @Override
    public boolean isPruningStep(long step) {
        return Collections.binarySearch(steps, step) >= 0;
    }

    @Override
    public long start() {
        return steps.get(0);
    }

    @Override
    public long end() {
        return steps.get(steps.size() - 1);
    }
}
