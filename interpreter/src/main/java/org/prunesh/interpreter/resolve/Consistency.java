package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.diag.Span;

import java.math.BigDecimal;

/**
 * Rules between statements: an N:M pattern prunes exactly 1 - N/M, a per-layer density floor
 * must leave room for the target density (and a cap must reach it), and regrowth works only on
 * unstructured weights. Each rule is checked when the second of its two statements arrives and
 * reported there.
 */
final class Consistency {

    private final Problems problems;

    Consistency(Problems problems) {
        this.problems = problems;
    }

    /** A new final sparsity (schedule or {@code prune now}), reported at it, against the pattern in force. */
    void target(Target target, PruningSetup.Nm nm, String what) {
        if (nm != null && !nm.reaches(target.sparsity())) {
            problems.error(target.span(), "with granularity nm " + nm.text() + " the " + what + " must be "
                    + nm.shownSparsity() + " (1 - " + nm.n() + "/" + nm.m() + "), found '" + target.text() + "'");
        }
    }

    /** A new final sparsity, reported at it, against the density bounds in force. */
    void target(Target target, BigDecimal floor, BigDecimal cap) {
        bounds(target.sparsity(), floor, cap, target.span(), target.span());
    }

    /** A new N:M pattern, at {@code at}, against the schedule's final sparsity. */
    void pattern(PruningSetup.Nm nm, Span at, BigDecimal target) {
        if (target != null && !nm.reaches(target)) {
            problems.error(at, "nm " + nm.text() + " needs a final sparsity of " + nm.shownSparsity() + " (1 - "
                    + nm.n() + "/" + nm.m() + "), but the schedule prunes to " + NumberRules.plain(target));
        }
    }

    /** New density bounds, reported at them, against a final sparsity (none when null). */
    void bounds(Num floor, Num cap, BigDecimal target) {
        if (target == null) {
            return;
        }
        bounds(target, floor == null ? null : floor.exactFraction(), cap == null ? null : cap.exactFraction(),
                floor == null ? null : floor.span(), cap == null ? null : cap.span());
    }

    private void bounds(BigDecimal sparsity, BigDecimal floor, BigDecimal cap, Span floorAt, Span capAt) {
        BigDecimal density = BigDecimal.ONE.subtract(sparsity);
        String targetText = " the target density " + NumberRules.plain(density) + " (sparsity "
                + NumberRules.plain(sparsity) + ")";
        if (floor != null && floor.compareTo(density) > 0) {
            problems.error(floorAt, "a floor of " + NumberRules.plain(floor) + " is above" + targetText);
        }
        if (cap != null && cap.compareTo(density) < 0) {
            problems.error(capAt, "a cap of " + NumberRules.plain(cap) + " is below" + targetText);
        }
    }

    /** Regrowth, at {@code at}, against the granularity in force (or the other way round). */
    void regrowth(String regrow, String granularity, Span at, boolean regrowIsNew) {
        if (regrow == null || granularity == null || granularity.equals(Vocabulary.UNSTRUCTURED)) {
            return;
        }
        String message = regrowIsNew
                ? "regrow " + regrow + " cannot be used with granularity " + granularity
                : "granularity " + granularity + " cannot be used with regrow " + regrow;
        problems.error(at, message + ": regrowth needs granularity unstructured");
    }
}
