package org.prunesh.ops.train;

import java.util.Locale;

/**
 * Where a training run stopped because a number stopped being finite: the loss of a step, or a
 * weight after a pruning step. The run stops at the first such step (a NaN spreads to every weight
 * within a step or two, and training on would only write NaN results that look like numbers).
 *
 * @param step           the optimizer step whose loss (or pruning) was not finite
 * @param epoch          1-based, the epoch that step belongs to
 * @param what           what was not finite, in words ("the training loss is NaN")
 * @param lastFiniteLoss the loss of the last step that had a finite one, NaN if none did
 * @param lastFiniteStep that step, 0 if none
 * @param lr             the learning rate of {@code step}
 */
public record Divergence(long step, int epoch, String what, double lastFiniteLoss, long lastFiniteStep, double lr) {

    /** One sentence for the user: where, what, the last good loss and a hint. */
    public String message() {
        String last = Double.isNaN(lastFiniteLoss) ? "no step had a finite loss"
                : String.format(Locale.ROOT, "the last finite loss was %.4g at step %d", lastFiniteLoss, lastFiniteStep);
        return String.format(Locale.ROOT, "diverged at step %d (epoch %d): %s; %s; the learning rate was %s"
                + " (a lower learning rate or a warm-up usually helps)", step, epoch, what, last, number(lr));
    }

    private static String number(double v) {
        return v != 0 && (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3)
                ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%s", stripped(v));
    }

    private static String stripped(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** Describes a non-finite value: "NaN", "+infinite" or "-infinite". */
    static String describe(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "+infinite" : "-infinite";
    }

    /** Unwinds the training loop from inside a step, carrying the divergence to {@link Trainer#train}. */
    static final class Stop extends RuntimeException {
        final transient Divergence divergence;

        Stop(Divergence divergence) {
            super(divergence.message(), null, false, false);
            this.divergence = divergence;
        }
    }
}
