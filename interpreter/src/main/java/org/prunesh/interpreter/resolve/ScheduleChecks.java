package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.OptionKey;
import org.prunesh.interpreter.ast.Options;
import org.prunesh.interpreter.ast.PointExpr;
import org.prunesh.interpreter.ast.Quantity;
import org.prunesh.interpreter.ast.ScheduleExpr;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks of a schedule expression: its kind or defined name, options, points and their order. */
final class ScheduleChecks extends CheckRules {

    ScheduleChecks(Problems problems) {
        super(problems);
    }

    /**
     * Checks {@code schedule} and returns its final sparsity when it is known and valid: the
     * {@code to} of a kind, the last point of {@code points}, or what a defined name stands for.
     * A schedule that prunes nothing has none.
     */
    Optional<Target> check(ScheduleExpr schedule, State st) {
        Name kind = schedule.kind();
        Options given = schedule.options();
        options.noRepeats(given);
        boolean isKind = Vocabulary.SCHEDULE_KINDS.contains(kind.text());
        if (isKind) {
            options.applicable(given, Vocabulary.SCHEDULE_OPTIONS, kind.text());
            options.required(given, Vocabulary.SCHEDULE_OPTIONS, kind);
            pointList(schedule);
        } else if (st.is(kind, DefKind.ARCH)) {
            problems.error(kind.span(), "'" + kind.text() + "' is an architecture; expected a schedule");
        } else if (st.is(kind, DefKind.SCHEDULE)) {
            if (schedule.hasPoints()) {
                problems.error(schedule.pointsSpan(), "'" + kind.text() + "' is a defined schedule and takes no points");
            }
            given.all().stream().findFirst().ifPresent(first -> problems.error(first.keySpan(),
                    "'" + kind.text() + "' is a defined schedule and takes no options"));
        } else if (!st.is(kind, DefKind.SELECTION)) {
            names.known(kind, Vocabulary.SCHEDULE_KINDS, st.defined(DefKind.SCHEDULE), "");
        } else {
            problems.error(kind.span(), "'" + kind.text() + "' is a selection; expected a schedule");
        }
        given.number(OptionKey.FROM).ifPresent(n -> numbers.fraction(n, "sparsity 'from'"));
        given.number(OptionKey.TO).ifPresent(n -> numbers.fraction(n, "sparsity 'to'"));
        given.number(OptionKey.EXPONENT).ifPresent(n -> numbers.above(n, "'exponent'", 0));
        for (OptionKey point : List.of(OptionKey.START, OptionKey.END, OptionKey.AT)) {
            given.quantity(point).ifPresent(q -> numbers.quantity(q, "'" + point.text() + "'", false));
        }
        given.quantity(OptionKey.EVERY).ifPresent(q -> numbers.quantity(q, "'every'", true));
        ordered(given);
        if (isKind) {
            return target(schedule);
        }
        BigDecimal defined = st.scheduleTarget(kind.text());
        return Optional.ofNullable(defined).map(t -> new Target(t, kind.span(), NumberRules.plain(t)));
    }

    private Optional<Target> target(ScheduleExpr schedule) {
        String kind = schedule.kind().text();
        if (kind.equals(Vocabulary.NO_SCHEDULE)) {
            return Optional.empty();
        }
        if (kind.equals(Vocabulary.POINTS)) {
            List<PointExpr> points = schedule.points();
            return points.isEmpty() || !NumberRules.isSparsity(points.get(points.size() - 1).sparsity())
                    ? Optional.empty() : Optional.of(Target.of(points.get(points.size() - 1).sparsity()));
        }
        return schedule.options().number(OptionKey.TO).filter(NumberRules::isSparsity).map(Target::of);
    }

    /** {@code points} needs its list and no other kind has one. */
    private void pointList(ScheduleExpr schedule) {
        boolean isPoints = schedule.kind().text().equals(Vocabulary.POINTS);
        if (isPoints && !schedule.hasPoints()) {
            problems.error(schedule.kind().span(),
                    "schedule points needs a list of (step, sparsity) points, such as [(0, 0.5), (2 epochs, 0.9)]");
        } else if (!isPoints && schedule.hasPoints()) {
            problems.error(schedule.pointsSpan(), "a list of points applies only to schedule points");
        }
        points(schedule.points());
    }

    /**
     * Each point in range; steps strictly increasing among points written in the same unit (lowering
     * compares the others once it knows the step clock); sparsities never decreasing.
     */
    private void points(List<PointExpr> points) {
        Map<Quantity.Unit, Quantity> latest = new EnumMap<>(Quantity.Unit.class);
        Num highest = null;
        for (PointExpr point : points) {
            Quantity at = point.at();
            Quantity before = latest.get(at.unit());
            if (numbers.quantity(at, "a point's step", false)) {
                if (before != null && at.amount().value() <= before.amount().value()) {
                    problems.error(at.span(), "the points must be in increasing order of step: "
                            + NumberRules.written(at) + " is not after " + NumberRules.written(before));
                } else {
                    latest.put(at.unit(), at);
                }
            }
            Num sparsity = point.sparsity();
            numbers.fraction(sparsity, "a point's sparsity");
            if (!NumberRules.isSparsity(sparsity)) {
                continue;
            }
            if (highest != null && sparsity.exactFraction().compareTo(highest.exactFraction()) < 0) {
                problems.error(sparsity.span(), "the sparsities of the points must not decrease: "
                        + sparsity.text() + " comes after " + highest.text());
            } else {
                highest = sparsity;
            }
        }
    }

    /** A schedule only prunes more, and its window runs forwards (when both ends use one unit). */
    private void ordered(Options given) {
        Optional<Num> from = given.number(OptionKey.FROM);
        Optional<Num> to = given.number(OptionKey.TO);
        if (from.isPresent() && to.isPresent() && NumberRules.isSparsity(from.get()) && NumberRules.isSparsity(to.get())
                && from.get().fraction() > to.get().fraction()) {
            problems.error(from.get().span(), "'from' (" + from.get().text() + ") must not be above 'to' ("
                    + to.get().text() + ")");
        }
        Optional<Quantity> start = given.quantity(OptionKey.START);
        Optional<Quantity> end = given.quantity(OptionKey.END);
        if (start.isPresent() && end.isPresent()) {
            numbers.window(start.get(), end.get());
        }
    }
}
