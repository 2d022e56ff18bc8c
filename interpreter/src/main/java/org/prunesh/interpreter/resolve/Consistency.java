package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.diag.Span;
import org.prunesh.ops.prune.Granularity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rules between statements: an N:M pattern prunes exactly 1 - N/M, a per-layer density floor
 * must leave room for the target density (and a cap must reach it), and regrowth works only on
 * unstructured weights. Each rule is checked when the second of its two statements arrives and
 * reported there.
 */
final class Consistency {

    /** Two sparsities closer than this count as equal, so that 1:3 may be written 0.667. */
    private static final BigDecimal TOLERANCE = new BigDecimal("0.0005");

    private final Problems problems;

    Consistency(Problems problems) {
        this.problems = problems;
    }

    /** A new final sparsity (schedule or {@code prune now}), reported at it, against the pattern in force. */
    void target(Target target, Granularity.NM nm, String what) {
        if (nm != null && !reaches(nm, target.sparsity())) {
            problems.conflict(target.span(), "with granularity nm " + nm.n() + ":" + nm.m() + " the " + what
                    + " must be " + shown(nm) + " (1 - " + nm.n() + "/" + nm.m() + "), found '" + target.text() + "'");
        }
    }

    /** A new final sparsity, reported at it, against the density bounds in force. */
    void target(Target target, BigDecimal floor, BigDecimal cap) {
        bounds(target.sparsity(), floor, cap, target.span(), target.span());
    }

    /** A new N:M pattern, at {@code at}, against the schedule's final sparsity. */
    void pattern(Granularity.NM nm, Span at, BigDecimal target) {
        if (target != null && !reaches(nm, target)) {
            problems.conflict(at, "nm " + nm.n() + ":" + nm.m() + " needs a final sparsity of " + shown(nm) + " (1 - "
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
            problems.conflict(floorAt, "a floor of " + NumberRules.plain(floor) + " is above" + targetText);
        }
        if (cap != null && cap.compareTo(density) < 0) {
            problems.conflict(capAt, "a cap of " + NumberRules.plain(cap) + " is below" + targetText);
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
        problems.conflict(at, message + ": regrowth needs granularity unstructured");
    }

    /** True when {@code sparsity} is the only one the pattern reaches, 1 - n/m, to within {@link #TOLERANCE}. */
    private static boolean reaches(Granularity.NM nm, BigDecimal sparsity) {
        return sparsity.subtract(exact(nm)).abs().compareTo(TOLERANCE) < 0;
    }

    /** ops' 1 - n/m, as a decimal (the double's shortest form: 0.6666666666666667 for 1:3). */
    private static BigDecimal exact(Granularity.NM nm) {
        return BigDecimal.valueOf(nm.sparsity());
    }

    /** 1 - n/m as a message shows it, at most four decimals: 0.5 for 2:4, 0.6667 for 1:3. */
    private static String shown(Granularity.NM nm) {
        return NumberRules.plain(exact(nm).setScale(4, RoundingMode.HALF_UP));
    }
}
