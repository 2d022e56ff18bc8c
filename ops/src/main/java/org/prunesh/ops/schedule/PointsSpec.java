package org.prunesh.ops.schedule;

import org.prunesh.ops.prune.Decimals;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code points [(t_1, s_1), (t_2, s_2), ...]}: masks are updated exactly at the listed times, each
 * bringing the prunable weights to its sparsity; the target is 0 before the first point and each
 * point's sparsity holds until the next. Sparsities must not decrease (checked here); times must
 * fall on strictly increasing steps (checked here when two points share a unit, and in
 * {@link #resolve} once the clock is known). Like a window's end, a time past the run is clamped
 * to its last step.
 */
public record PointsSpec(List<Point> points) implements ScheduleSpec {

    @Override
    public double finalSparsity() {
        return points.get(points.size() - 1).sparsity();
    }


    /** One (time, sparsity) pair as written. */
    public record Point(StepPoint at, double sparsity) {

        public Point {
            Objects.requireNonNull(at, "at");
            if (!(sparsity >= 0 && sparsity < 1)) {
                throw new IllegalArgumentException("sparsity of schedule point (" + at.describe() + ", "
                        + Decimals.plain(sparsity) + ") must be in [0, 1)");
            }
        }

        /** The pair as a script writes it, e.g. {@code (50%, 0.8)}. */
        public String describe() {
            return "(" + at.describe() + ", " + Decimals.plain(sparsity) + ")";
        }
    }

    public PointsSpec {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a points schedule needs at least one (time, sparsity) point");
        }
        for (int i = 1; i < points.size(); i++) {
            Point before = points.get(i - 1);
            Point point = points.get(i);
            if (point.sparsity() < before.sparsity()) {
                throw new IllegalArgumentException(label(i, point) + " lowers the sparsity of " + label(i - 1, before)
                        + ": sparsities must not decrease, a schedule only prunes more");
            }
            if (!laterInSameUnit(before.at(), point.at())) {
                throw new IllegalArgumentException(label(i, point) + " is not after " + label(i - 1, before)
                        + ": points must be strictly increasing in time");
            }
        }
    }

    @Override
    public PointsSchedule resolve(StepClock clock) {
        List<Long> steps = new ArrayList<>(points.size());
        List<Double> targets = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            long step = clock.clamp(points.get(i).at().toSteps(clock));
            if (i > 0 && step <= steps.get(i - 1)) {
                throw new IllegalArgumentException(label(i, points.get(i)) + " falls on " + where(points.get(i), clock)
                        + ", not after " + label(i - 1, points.get(i - 1)) + " on " + where(points.get(i - 1), clock)
                        + ": points must be on strictly increasing steps");
            }
            steps.add(step);
            targets.add(points.get(i).sparsity());
        }
        return new PointsSchedule(clock, steps, targets);
    }

    @Override
    public String describe() {
        return "points [" + points.stream().map(Point::describe).collect(Collectors.joining(", ")) + "]";
    }

    /** For two times in the same unit, whether the second is later; times in different units pass. */
    private static boolean laterInSameUnit(StepPoint a, StepPoint b) {
        if (a instanceof StepPoint.Steps x && b instanceof StepPoint.Steps y) return y.n() > x.n();
        if (a instanceof StepPoint.Epochs x && b instanceof StepPoint.Epochs y) return y.epochs() > x.epochs();
        if (a instanceof StepPoint.Percent x && b instanceof StepPoint.Percent y) return y.percent() > x.percent();
        return true;
    }

    /** "schedule point 2 (50%, 0.8)", counting from 1 as a person reads the list. */
    private static String label(int index, Point p) {
        return "schedule point " + (index + 1) + " " + p.describe();
    }

    /** "step 20", or "step 100 (step 120 clamped to the run's 100 steps)". */
    private static String where(Point p, StepClock clock) {
        long raw = p.at().toSteps(clock);
        long step = clock.clamp(raw);
        return step == raw ? "step " + step
                : "step " + step + " (step " + raw + " clamped to the run's " + clock.totalSteps() + " steps)";
    }
}
