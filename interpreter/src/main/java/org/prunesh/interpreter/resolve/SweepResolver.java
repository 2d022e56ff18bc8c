package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.CellFilter;
import org.prunesh.interpreter.ast.Ident;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.Str;
import org.prunesh.interpreter.ast.SweepVar;
import org.prunesh.interpreter.ast.Sweeps;
import org.prunesh.interpreter.ast.Value;
import org.prunesh.interpreter.diag.Span;
import org.prunesh.interpreter.exec.Step;
import org.prunesh.interpreter.exec.SweepCell;
import org.prunesh.interpreter.exec.SweepPlan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep: its variables checked, then one {@link SweepCell} per assignment, each resolved from
 * the state before the sweep (with the cell's seed), as it will run.
 */
final class SweepResolver {

    private final Handlers h;

    SweepResolver(Handlers handlers) {
        this.h = handlers;
    }

    State sweep(Stmt.Sweep sweep, State before, List<Step> out) {
        if (!valid(sweep)) return before;
        List<SweepCell> cells = new ArrayList<>();
        State after = before;
        for (Map<String, Value> assignment : Sweeps.combinations(sweep)) {
            Long seed = assignment.get(Sweeps.SEED) instanceof Num n ? n.longValue() : null;
            State current = seed == null ? before : before.withPlanned(before.planned().withSeed(seed));
            List<Step> body = new ArrayList<>();
            for (Stmt inner : Sweeps.body(sweep, assignment)) current = h.handle(inner, current, body);
            cells.add(new SweepCell(cells.size(), Sweeps.label(assignment), CellFilter.texts(assignment), seed, body));
            after = current;
        }
        if (h.problems.count() == 0) out.add(new Step.Sweep(new SweepPlan(cells), sweep.span()));
        return after;       // the last cell's settings, as after a local run of the sweep
    }

    private boolean valid(Stmt.Sweep sweep) {
        Set<String> seen = new HashSet<>();
        boolean valid = true;
        for (SweepVar v : sweep.vars()) {
            if (!seen.add(v.name().text())) {
                h.problems.error(v.name().span(), "sweep variable '" + v.name().text() + "' is given twice");
                valid = false;
            }
            for (Value value : v.values()) {
                if (v.name().text().equals(Sweeps.SEED)) {
                    if (value instanceof Num n) {
                        h.numbers.whole(n, "a seed", 0, Long.MAX_VALUE);
                    } else {
                        h.problems.error(span(value), "seed takes whole numbers, found '" + Sweeps.text(value) + "'");
                        valid = false;
                    }
                } else if (!(value instanceof Ident)) {
                    h.problems.error(span(value), "sweep variable '" + v.name().text() + "' takes names (of "
                            + "definitions, scores, scopes, models...), found '" + Sweeps.text(value)
                            + "'; only 'seed' takes numbers");
                    valid = false;
                }
            }
        }
        for (Stmt inner : sweep.body()) {
            if (inner instanceof Stmt.Sweep nested) {
                h.problems.error(nested.span(), "sweeps do not nest: give the inner sweep's variables to the outer one");
                valid = false;
            }
        }
        return valid;
    }

    private static Span span(Value v) {
        if (v instanceof Ident i) return i.name().span();
        if (v instanceof Num n) return n.span();
        return ((Str) v).span();
    }
}
