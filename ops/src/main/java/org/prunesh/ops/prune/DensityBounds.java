package org.prunesh.ops.prune;

/**
 * A per-layer density floor and cap: after a pruning step every layer keeps at least {@code min}
 * and at most {@code max} of its weights (of its filters, for channel pruning). A layer already
 * below the floor stays as it is: pruned weights are never revived.
 *
 * <p>In counts, a layer of n units keeps at least {@code ceil(min·n)} and at most
 * {@code floor(max·n)}: the floor is a guarantee (0.02 of a 20-weight layer keeps 1, not 0), so
 * rounding may keep a few more weights than the target. Where the two round to conflicting counts
 * (min = max = 0.5 on 3 units), the floor wins.
 */
public record DensityBounds(double min, double max) {

    /** No floor, no cap. */
    public static final DensityBounds NONE = new DensityBounds(0, 1);

    /** Relative slack for deciding that a product such as 0.07·100 is the integer it means. */
    private static final double SLACK = 1e-9;

    public DensityBounds {
        if (!(min >= 0 && min <= max && max <= 1)) {
            throw new IllegalArgumentException("density bounds need 0 <= min <= max <= 1, got min " + min
                    + " and max " + max);
        }
    }

    public static DensityBounds floor(double min) {
        return new DensityBounds(min, 1);
    }

    public boolean isNone() {
        return min == 0 && max == 1;
    }

    /**
     * Throws {@link IllegalArgumentException} when no assignment of per-layer densities within the
     * bounds averages to {@code 1 − sparsity}: with one floor and one cap for every layer, exactly when
     * the target density lies outside {@code [min, max]}.
     */
    public void requireFeasible(double sparsity) {
        double density = 1 - sparsity;
        if (min > density + SLACK) {
            throw new IllegalArgumentException("target sparsity " + Decimals.brief(sparsity) + " leaves a density of "
                    + Decimals.brief(density) + ", below the per-layer density floor " + Decimals.plain(min)
                    + ": the floor cannot hold in every layer");
        }
        if (max < density - SLACK) {
            throw new IllegalArgumentException("target sparsity " + Decimals.brief(sparsity) + " leaves a density of "
                    + Decimals.brief(density) + ", above the per-layer density cap " + Decimals.plain(max)
                    + ": every layer at its cap would still prune past the target");
        }
    }

    /**
     * The sparsity a pruning step aims at: the schedule's target, or more where the cap demands it.
     * Early in a gradual schedule the target density is above any cap below 1; the cap wins then,
     * and every layer is pruned to it (past the schedule's target).
     */
    public double capped(double sparsity) {
        return Math.max(sparsity, 1 - max);
    }

    /** The fewest units a layer of {@code n} keeps, {@code ceil(min·n)}. */
    public long minKeep(long n) {
        double x = min * n;
        return Math.min(n, (long) Math.ceil(x - SLACK * Math.max(1, x)));
    }

    /** The most units a layer of {@code n} keeps, {@code floor(max·n)}, but never below {@link #minKeep}. */
    public long maxKeep(long n) {
        double x = max * n;
        return Math.max(minKeep(n), Math.min(n, (long) Math.floor(x + SLACK * Math.max(1, x))));
    }
}
