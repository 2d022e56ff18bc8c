package org.prunesh.ops.stp;

import org.prunesh.ops.prune.Decimals;

/**
 * The MACs fractions a search may choose from, both ends inclusive: at most the budget and, so
 * that the KD score (which rewards size only weakly) cannot settle on a subnet that leaves part
 * of the budget unused, at least {@code min}.
 *
 * @param min the lowest MACs fraction, in [0, max]
 * @param max the budget, in (0, 1]
 */
public record FlopsBand(double min, double max) {

    /**
     * The default lower end, as a share of the budget. Measured on the example space
     * (ResNet-20 w0.5, depth 1..3 and widths 0.25..1 step 0.125 per stage) at a budget of 35%:
     * 703 of its 9,261 archs lie in [0.9·B, B] (see SearchBandTest), so a search of 128
     * candidates still chooses among many distinct archs, and every one it returns uses at least
     * 90% of the budget (issue 16's acceptance).
     */
    public static final double DEFAULT_MIN_SHARE = 0.9;

    public FlopsBand {
        if (!(max > 0 && max <= 1)) {
            throw new IllegalArgumentException("budget " + Decimals.plain(max) + " is not a fraction in (0, 1]");
        }
        if (!(min >= 0 && min <= max)) {
            throw new IllegalArgumentException("the lowest MACs fraction " + Decimals.plain(min) + " is not in [0, "
                    + Decimals.plain(max) + "]");
        }
    }

    /** [share·budget, budget]. */
    public static FlopsBand of(double budget, double minShare) {
        if (!(minShare >= 0 && minShare <= 1)) {
            throw new IllegalArgumentException("the lowest share of the budget " + Decimals.plain(minShare)
                    + " is not in [0, 1]");
        }
        return new FlopsBand(minShare * budget, budget);
    }

    /** Everything up to the budget: the search before issue 16. */
    public static FlopsBand under(double budget) {
        return new FlopsBand(0, budget);
    }

    public boolean contains(double fraction) {
        return fraction >= min && fraction <= max;
    }

    @Override
    public String toString() {
        return "[" + ArchSpace.brief(min) + ", " + ArchSpace.brief(max) + "] of the MACs";
    }
}
