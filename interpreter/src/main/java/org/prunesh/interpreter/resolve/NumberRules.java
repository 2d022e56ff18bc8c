package org.prunesh.interpreter.resolve;

import org.prunesh.ops.prune.Decimals;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.Quantity;

import java.math.BigDecimal;

/**
 * Range checks on numbers as written. {@code subject} is how the message names the value, e.g.
 * {@code 'lr'} or {@code a hidden layer size}; every message ends with the offending text.
 */
final class NumberRules {

    static final long MAX_INT = Integer.MAX_VALUE;

    private final Problems problems;

    NumberRules(Problems problems) {
        this.problems = problems;
    }

    /** A whole number in [min, max]. */
    void whole(Num n, String subject, long min, long max) {
        if (!finite(n)) {
            return;
        }
        BigDecimal exact = n.exact();
        if (!n.isWhole() || exact.compareTo(BigDecimal.valueOf(min)) < 0) {
            fail(n, subject + " must be a whole number >= " + min);
        } else if (exact.compareTo(BigDecimal.valueOf(max)) > 0) {
            fail(n, subject + " must be at most " + max);
        }
    }

    void above(Num n, String subject, double low) {
        if (finite(n) && !(n.value() > low)) {
            fail(n, subject + " must be above " + plain(low));
        }
    }

    void atLeast(Num n, String subject, double low) {
        if (finite(n) && !(n.value() >= low)) {
            fail(n, subject + " must be at least " + plain(low));
        }
    }

    /** In (low, high]. */
    void aboveAtMost(Num n, String subject, double low, double high) {
        if (finite(n) && !(n.value() > low && n.value() <= high)) {
            fail(n, subject + " must be above " + plain(low) + " and at most " + plain(high));
        }
    }

    /** In [0, 1], written as a plain number: a probability that may be 0 or 1. */
    void probability(Num n, String subject) {
        if (finite(n) && !(n.value() >= 0 && n.value() <= 1)) {
            fail(n, subject + " must be at least 0 and at most 1");
        }
    }

    /** In [0, 1), written as a plain number (no percent allowed by the grammar). */
    void unitInterval(Num n, String subject) {
        if (finite(n) && !(n.value() >= 0 && n.value() < 1)) {
            fail(n, subject + " must be at least 0 and below 1");
        }
    }

    /** In (0, 1), written as a plain number. */
    void openUnit(Num n, String subject) {
        if (finite(n) && !(n.value() > 0 && n.value() < 1)) {
            fail(n, subject + " must be above 0 and below 1");
        }
    }

    /** A density or pool ratio that may be everything or nothing: a fraction in [0, 1] or a percent in [0%, 100%]. */
    void closedFraction(Num n, String subject) {
        if (finite(n) && !(n.fraction() >= 0 && n.fraction() <= 1)) {
            fail(n, subject + " must be at least 0 and at most 1 (0% to 100%)");
        }
    }

    /** A share that must take something: a fraction in (0, 1] or a percent in (0%, 100%]. */
    void share(Num n, String subject) {
        if (finite(n) && !(n.fraction() > 0 && n.fraction() <= 1)) {
            fail(n, subject + " must be above 0 and at most 1 (above 0% to 100%)");
        }
    }

    /** A sparsity: a fraction in [0, 1) or a percent in [0%, 100%). */
    void fraction(Num n, String subject) {
        if (finite(n) && !(n.fraction() >= 0 && n.fraction() < 1)) {
            fail(n, subject + " must be at least 0 and below 1 (0% to below 100%)");
        }
    }

    /**
     * A point in training time (start, end, at) or, when {@code interval}, the pruning interval
     * (every), which must be positive. Steps are whole; epochs may be fractional; percents are of
     * the whole run.
     *
     * @return true when the quantity is in range
     */
    boolean quantity(Quantity q, String subject, boolean interval) {
        int before = problems.count();
        Num n = q.amount();
        if (!finite(n)) {
            return false;
        }
        switch (q.unit()) {
            case STEPS -> whole(n, subject + " in steps", interval ? 1 : 0, Long.MAX_VALUE);
            case EPOCHS -> {
                if (interval) {
                    above(n, subject + " in epochs", 0);
                } else {
                    atLeast(n, subject + " in epochs", 0);
                }
            }
            case PERCENT -> {
                boolean low = interval ? n.value() > 0 : n.value() >= 0;
                if (!low || n.value() > 100) {
                    fail(n, subject + " must be a percent " + (interval ? "above 0%" : "from 0%") + " to 100%");
                }
            }
        }
        return problems.count() == before;
    }

    /** A window runs forwards; the ends are compared only when both use one unit (lowering compares the rest). */
    void window(Quantity start, Quantity end) {
        if (start.unit() == end.unit() && end.amount().value() < start.amount().value()) {
            problems.error(end.span(), "'end' (" + written(end) + ") is before 'start' (" + written(start) + ")");
        }
    }

    /** True when {@code n} is a sparsity in [0, 1); out-of-range ones are reported on their own. */
    static boolean isSparsity(Num n) {
        return n.fraction() >= 0 && n.fraction() < 1;
    }

    /** True when {@code n} is in [0, 1] as a fraction. */
    static boolean isClosedFraction(Num n) {
        return n.fraction() >= 0 && n.fraction() <= 1;
    }

    /** A quantity as the user wrote it: {@code 10 steps}, {@code 1 epoch}, {@code 50%}. */
    static String written(Quantity q) {
        String text = q.amount().text();
        return switch (q.unit()) {
            case PERCENT -> text;
            case STEPS -> text + (text.equals("1") ? " step" : " steps");
            case EPOCHS -> text + (text.equals("1") ? " epoch" : " epochs");
        };
    }

    private boolean finite(Num n) {
        if (Double.isFinite(n.value())) {
            return true;
        }
        problems.error(n.span(), "number '" + n.text() + "' is too large");
        return false;
    }

    private void fail(Num n, String message) {
        problems.error(n.span(), message + ", found '" + n.text() + "'");
    }

    /** A number as messages write it: ops' one formatter of plain decimals. */
    static String plain(double value) {
        return Decimals.plain(value);
    }

    static String plain(BigDecimal value) {
        return Decimals.plain(value);
    }
}
