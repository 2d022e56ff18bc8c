package org.prunesh.interpreter.resolve;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * The pruning settings in force after the statements checked so far, as far as statements are
 * checked against each other: an N:M pattern against the schedule's final sparsity, a density
 * floor or cap against it, regrowth against the granularity. It holds values, not spans: a
 * conflict is reported at whichever of the two statements comes later, and that one is always in
 * the script being checked.
 *
 * @param target          final sparsity of the current schedule; null when it prunes nothing or is not known
 * @param granularity     the current granularity's name; null when the last one given was not known
 * @param nm              the N:M pattern when the granularity is nm and its pattern is valid, else null
 * @param floor           {@code min_density} of the current scope, or null
 * @param cap             {@code max_density} of the current scope, or null
 * @param regrow          the regrowth method in force, or null when regrowth is off
 * @param scheduleTargets final sparsity of each schedule defined with {@code let}, where known
 * @param stp             what the STP statements leave in force (model, space, budget, stimulate, architectures)
 */
public record PruningSetup(BigDecimal target, String granularity, Nm nm, BigDecimal floor, BigDecimal cap,
                           String regrow, Map<String, BigDecimal> scheduleTargets, StpSetup stp) {

    /** What a session starts with: no pruning, unstructured, no bounds, no regrowth, no STP. */
    public static final PruningSetup DEFAULT =
            new PruningSetup(null, Vocabulary.UNSTRUCTURED, null, null, null, null, Map.of(), StpSetup.NONE);

    public PruningSetup {
        scheduleTargets = Map.copyOf(scheduleTargets);
    }

    /** A setup without STP statements. */
    public PruningSetup(BigDecimal target, String granularity, Nm nm, BigDecimal floor, BigDecimal cap,
                        String regrow, Map<String, BigDecimal> scheduleTargets) {
        this(target, granularity, nm, floor, cap, regrow, scheduleTargets, StpSetup.NONE);
    }

    /** A valid N:M pattern, {@code 1 <= n < m}. */
    public record Nm(int n, int m) {

        /** Two sparsities closer than this count as equal, so that 1:3 may be written 0.667. */
        static final BigDecimal TOLERANCE = new BigDecimal("0.0005");

        /** The only final sparsity the pattern reaches, 1 - n/m. */
        public BigDecimal sparsity() {
            return BigDecimal.ONE.subtract(BigDecimal.valueOf(n).divide(BigDecimal.valueOf(m), MathContext.DECIMAL64));
        }

        /** True when {@code sparsity} is 1 - n/m to within {@link #TOLERANCE}. */
        public boolean reaches(BigDecimal sparsity) {
            return sparsity.subtract(sparsity()).abs().compareTo(TOLERANCE) < 0;
        }

        /** 1 - n/m as a message shows it, at most four decimals: 0.5 for 2:4, 0.6667 for 1:3. */
        String shownSparsity() {
            return NumberRules.plain(sparsity().setScale(4, RoundingMode.HALF_UP));
        }

        String text() {
            return n + ":" + m;
        }
    }

    public PruningSetup withTarget(BigDecimal t) {
        return new PruningSetup(t, granularity, nm, floor, cap, regrow, scheduleTargets, stp);
    }

    public PruningSetup withGranularity(String g, Nm pattern) {
        return new PruningSetup(target, g, pattern, floor, cap, regrow, scheduleTargets, stp);
    }

    public PruningSetup withBounds(BigDecimal min, BigDecimal max) {
        return new PruningSetup(target, granularity, nm, min, max, regrow, scheduleTargets, stp);
    }

    public PruningSetup withRegrow(String method) {
        return new PruningSetup(target, granularity, nm, floor, cap, method, scheduleTargets, stp);
    }

    /** Records (or, for null, forgets) the final sparsity of a schedule defined under {@code name}. */
    public PruningSetup withScheduleTarget(String name, BigDecimal t) {
        Map<String, BigDecimal> more = new HashMap<>(scheduleTargets);
        if (t == null) {
            more.remove(name);
        } else {
            more.put(name, t);
        }
        return new PruningSetup(target, granularity, nm, floor, cap, regrow, more, stp);
    }

    public PruningSetup withStp(StpSetup s) {
        return new PruningSetup(target, granularity, nm, floor, cap, regrow, scheduleTargets, s);
    }
}
