package org.prunesh.interpreter.check;

import org.prunesh.interpreter.ast.ExcludeItem;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.Options;
import org.prunesh.interpreter.ast.Quantity;
import org.prunesh.interpreter.ast.ScheduleExpr;
import org.prunesh.interpreter.ast.SelectExpr;
import org.prunesh.interpreter.ast.StageExpr;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.Str;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks of how a run prunes: schedules, selections, scope, exclusions and the lets that name them. */
final class PruningChecks {

    private final Problems problems;
    private final NumberRules numbers;
    private final NameRules names;
    private final OptionRules options;

    PruningChecks(Problems problems) {
        this.problems = problems;
        this.numbers = new NumberRules(problems);
        this.names = new NameRules(problems);
        this.options = new OptionRules(problems);
    }

    /** Checks a let and returns the context with its name defined. */
    CheckContext let(Stmt.Let let, CheckContext context) {
        String name = let.name().text();
        for (Vocabulary.Words taken : List.of(Vocabulary.SCHEDULE_KINDS, Vocabulary.SCORES)) {
            if (taken.contains(name)) {
                problems.error(let.name().span(),
                        "cannot define '" + name + "': it is already the name of a " + taken.kind());
            }
        }
        if (let.value() instanceof ScheduleExpr schedule) {
            schedule(schedule, context);
            return context.define(name, DefKind.SCHEDULE);
        }
        select((SelectExpr) let.value(), context);
        return context.define(name, DefKind.SELECTION);
    }

    void schedule(ScheduleExpr schedule, CheckContext context) {
        Name kind = schedule.kind();
        Options given = schedule.options();
        options.noRepeats(given);
        if (Vocabulary.SCHEDULE_KINDS.contains(kind.text())) {
            options.applicable(given, Vocabulary.SCHEDULE_OPTIONS, kind.text());
            options.required(given, Vocabulary.SCHEDULE_OPTIONS, kind);
        } else if (isDefined(kind, DefKind.SCHEDULE, context)) {
            given.all().stream().findFirst().ifPresent(first -> problems.error(first.key().span(),
                    "'" + kind.text() + "' is a defined schedule and takes no options"));
        } else if (!isDefined(kind, DefKind.SELECTION, context)) {
            names.known(kind, Vocabulary.SCHEDULE_KINDS, defined(DefKind.SCHEDULE, context), "");
        } else {
            problems.error(kind.span(), "'" + kind.text() + "' is a selection; expected a schedule");
        }
        given.number("from").ifPresent(n -> numbers.fraction(n, "sparsity 'from'"));
        given.number("to").ifPresent(n -> numbers.fraction(n, "sparsity 'to'"));
        given.number("exponent").ifPresent(n -> numbers.above(n, "'exponent'", 0));
        for (String point : List.of("start", "end", "at")) {
            given.quantity(point).ifPresent(q -> numbers.quantity(q, "'" + point + "'", false));
        }
        given.quantity("every").ifPresent(q -> numbers.quantity(q, "'every'", true));
        ordered(given);
    }

    /** A schedule only prunes more, and its window runs forwards (when both ends use one unit). */
    private void ordered(Options given) {
        Optional<Num> from = given.number("from");
        Optional<Num> to = given.number("to");
        if (from.isPresent() && to.isPresent() && isSparsity(from.get()) && isSparsity(to.get())
                && from.get().fraction() > to.get().fraction()) {
            problems.error(from.get().span(), "'from' (" + from.get().text() + ") must not be above 'to' ("
                    + to.get().text() + ")");
        }
        Optional<Quantity> start = given.quantity("start");
        Optional<Quantity> end = given.quantity("end");
        if (start.isPresent() && end.isPresent() && start.get().unit() == end.get().unit()
                && end.get().amount().value() < start.get().amount().value()) {
            problems.error(end.get().span(), "'end' (" + written(end.get()) + ") is before 'start' ("
                    + written(start.get()) + ")");
        }
    }

    void select(SelectExpr select, CheckContext context) {
        List<StageExpr> stages = select.stages();
        StageExpr only = stages.get(0);
        if (stages.size() == 1 && only.ratio() == null) {
            Name name = only.score();
            if (Vocabulary.SCORES.contains(name.text()) || isDefined(name, DefKind.SELECTION, context)) {
                return;
            }
            if (isDefined(name, DefKind.SCHEDULE, context)) {
                problems.error(name.span(), "'" + name.text() + "' is a schedule; expected a selection");
            } else {
                names.known(name, Vocabulary.SCORES, defined(DefKind.SELECTION, context), "");
            }
            return;
        }
        for (int i = 0; i < stages.size(); i++) {
            stage(stages.get(i), i == stages.size() - 1, context);
        }
    }

    private void stage(StageExpr stage, boolean last, CheckContext context) {
        Name score = stage.score();
        if (!Vocabulary.SCORES.contains(score.text())) {
            if (isDefined(score, DefKind.SELECTION, context)) {
                problems.error(score.span(), "'" + score.text()
                        + "' is a selection and cannot be a stage of a chain; expected a score");
            } else if (isDefined(score, DefKind.SCHEDULE, context)) {
                problems.error(score.span(), "'" + score.text() + "' is a schedule; expected a score");
            } else {
                names.known(score, Vocabulary.SCORES);
            }
        }
        if (last && stage.ratio() != null) {
            problems.error(stage.ratio().span(), "the last stage takes no 'ratio': add 'then <score>' after it");
        } else if (!last && stage.ratio() == null) {
            problems.error(score.span(), "'" + score.text() + "' needs a 'ratio' before 'then'");
        } else if (stage.ratio() != null) {
            numbers.fraction(stage.ratio(), "'ratio'");
        }
    }

    void scope(Stmt.Scope scope) {
        names.known(scope.scope(), Vocabulary.SCOPES);
    }

    void exclude(Stmt.Exclude exclude) {
        Set<String> seen = new HashSet<>();
        for (ExcludeItem item : exclude.items()) {
            String shown;
            if (item instanceof Name name) {
                shown = "'" + name.text() + "'";
                names.known(name, Vocabulary.EXCLUSIONS, List.of(), ", or a quoted name glob");
                if (name.text().equals(Vocabulary.EXCLUDE_NONE) && exclude.items().size() > 1) {
                    problems.error(name.span(), "'none' clears all exclusions and must stand alone");
                }
            } else {
                Str glob = (Str) item;
                shown = "\"" + glob.value() + "\"";
                if (glob.value().isEmpty()) {
                    problems.error(glob.span(), "an exclusion glob must not be empty");
                }
            }
            if (!seen.add(shown)) {
                problems.error(item.span(), shown + " is listed twice");
            }
        }
    }

    /** Out-of-range sparsities are reported on their own; comparing them would only repeat that. */
    private static boolean isSparsity(Num n) {
        return n.fraction() >= 0 && n.fraction() < 1;
    }

    private static boolean isDefined(Name name, DefKind kind, CheckContext context) {
        return context.definitions().get(name.text()) == kind;
    }

    private static List<String> defined(DefKind kind, CheckContext context) {
        return context.definitions().entrySet().stream()
                .filter(e -> e.getValue() == kind).map(e -> e.getKey()).sorted().toList();
    }

    /** A quantity as the user wrote it: {@code 10 steps}, {@code 1 epoch}, {@code 50%}. */
    private static String written(Quantity q) {
        String text = q.amount().text();
        return switch (q.unit()) {
            case PERCENT -> text;
            case STEPS -> text + (text.equals("1") ? " step" : " steps");
            case EPOCHS -> text + (text.equals("1") ? " epoch" : " epochs");
        };
    }
}
