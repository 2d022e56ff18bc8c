package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.ExcludeItem;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.NmPattern;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.OptionKey;
import org.prunesh.interpreter.ast.ScheduleExpr;
import org.prunesh.interpreter.ast.ScopeExpr;
import org.prunesh.interpreter.ast.SelectExpr;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.Str;
import org.prunesh.ops.prune.Granularity;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks of how a run prunes: the lets that name schedules and selections, scope, granularity, count, exclusions. */
final class PruningChecks extends CheckRules {

    /** The density bounds of a scope that are in range; null where absent or out of range. */
    record Bounds(Num floor, Num cap) {
    }

    /** A granularity as far as the rules between statements care: its name when known, its pattern when valid. */
    record Kind(String name, Granularity.NM nm) {
    }

    private final ScheduleChecks schedules;
    private final SelectionChecks selections;

    PruningChecks(Problems problems, ScheduleChecks schedules, SelectionChecks selections) {
        super(problems);
        this.schedules = schedules;
        this.selections = selections;
    }

    /** Checks a let of a schedule or a selection. An arch literal is ArchChecks' concern, a block Blocks'. */
    void let(Stmt.Let let, State st) {
        names.definable(let.name());
        if (let.value() instanceof ScheduleExpr schedule) {
            schedules.check(schedule, st);
        } else {
            selections.check((SelectExpr) let.value(), st);
        }
    }

    Bounds scope(ScopeExpr scope) {
        names.known(scope.name(), Vocabulary.SCOPES);
        options.noRepeats(scope.options());
        Optional<Num> floor = scope.options().number(OptionKey.MIN_DENSITY);
        Optional<Num> cap = scope.options().number(OptionKey.MAX_DENSITY);
        floor.ifPresent(n -> numbers.closedFraction(n, "'min_density'"));
        cap.ifPresent(n -> numbers.closedFraction(n, "'max_density'"));
        Num validFloor = floor.filter(NumberRules::isClosedFraction).orElse(null);
        Num validCap = cap.filter(NumberRules::isClosedFraction).orElse(null);
        if (validFloor != null && validCap != null && validFloor.exactFraction().compareTo(validCap.exactFraction()) > 0) {
            problems.error(validFloor.span(), "'min_density' (" + validFloor.text() + ") must not be above "
                    + "'max_density' (" + validCap.text() + ")");
        }
        return new Bounds(validFloor, validCap);
    }

    Kind granularity(Stmt.Granularity granularity) {
        Name kind = granularity.kind();
        NmPattern pattern = granularity.pattern();
        Name norm = granularity.norm();
        if (!names.known(kind, Vocabulary.GRANULARITIES)) {
            return new Kind(null, null);
        }
        boolean isNm = kind.text().equals(Vocabulary.NM);
        if (isNm && pattern == null) {
            problems.error(kind.span(), "granularity nm needs a pattern N:M, such as nm 2:4");
        } else if (!isNm && pattern != null) {
            problems.error(pattern.span(), "a pattern N:M applies only to granularity nm");
        }
        if (norm != null && !kind.text().equals(Vocabulary.CHANNEL)) {
            problems.error(norm.span(), "a norm applies only to granularity channel");
        } else if (norm != null) {
            names.known(norm, Vocabulary.NORMS);
        }
        return new Kind(kind.text(), isNm && pattern != null ? nm(pattern) : null);
    }

    /** The pattern when both numbers are whole and N < M, else null (with the reason reported). */
    private Granularity.NM nm(NmPattern pattern) {
        int before = problems.count();
        numbers.whole(pattern.n(), "N", 1, NumberRules.MAX_INT);
        numbers.whole(pattern.m(), "M", 1, NumberRules.MAX_INT);
        if (problems.count() > before) {
            return null;
        }
        if (pattern.n().intValue() >= pattern.m().intValue()) {
            problems.error(pattern.span(), "N must be smaller than M, found 'nm " + pattern.text() + "'");
            return null;
        }
        return new Granularity.NM(pattern.n().intValue(), pattern.m().intValue());
    }

    void count(Stmt.Count count) {
        names.known(count.kind(), Vocabulary.COUNTS);
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
}
