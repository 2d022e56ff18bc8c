package org.prunesh.ops.prune.regrow;

import org.prunesh.ops.prune.Anneal;

import java.util.Objects;

/**
 * When regrowth happens and how large it is, on the optimizer-step clock (steps already resolved
 * from epochs or percent). Regrowth happens at {@code start}, {@code start + every}, … up to and
 * including {@code end}; its fraction decays from {@code fraction} at {@code start} by
 * {@link Anneal} to {@code end}. {@code end} may lie after the sparsity schedule's end: GraNet keeps
 * pruning-and-regrowing once the target sparsity is reached.
 *
 * @param fraction share of each layer's active weights dropped (and as many regrown) at {@code start}
 */
public record RegrowthPlan(long start, long end, long every, double fraction, Anneal anneal) {

    public RegrowthPlan {
        Objects.requireNonNull(anneal, "anneal");
        if (start < 0) {
            throw new IllegalArgumentException("regrowth start must be a step >= 0, got " + start);
        }
        if (end < start) {
            throw new IllegalArgumentException("regrowth end (step " + end + ") is before its start (step " + start + ")");
        }
        if (every < 1) {
            throw new IllegalArgumentException("regrowth must happen every 1 or more steps, got " + every);
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("regrowth fraction must be in [0, 1], got " + fraction);
        }
    }

    public boolean isRegrowStep(long step) {
        return step >= start && step <= end && (step - start) % every == 0;
    }

    /**
     * The fraction at {@code step}; steps outside [start, end] are clamped to it, so the value
     * before the window is {@code fraction} and after it is the annealed end value.
     */
    public double fractionAt(long step) {
        long t = Math.max(start, Math.min(end, step));
        double progress = end == start ? 0 : (double) (t - start) / (end - start);
        return fraction * anneal.factor(progress);
    }

    /** How many regrowth steps the window holds. */
    public long count() {
        return (end - start) / every + 1;
    }

    public String describe() {
        return "regrow every " + every + (every == 1 ? " step" : " steps") + " from step " + start + " to " + end
                + " (" + count() + " updates), drop fraction " + fraction + " " + anneal.description()
                + "; per layer, the lowest-|w| active weights are dropped and as many inactive ones"
                + " with the largest |gradient| are regrown at zero";
    }
}
