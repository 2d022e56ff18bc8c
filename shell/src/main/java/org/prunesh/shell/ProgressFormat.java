package org.prunesh.shell;

import org.prunesh.ops.train.TrainingProgress;

import java.util.Locale;

/** How a training progress snapshot reads on one line. */
public final class ProgressFormat {

    private ProgressFormat() {
    }

    /** For example {@code [fggp-90] epoch 3/10  step 1200/4690  loss 0.4312  sparsity 62.4%  eta 1m12s}. */
    public static String line(TrainingProgress p) {
        StringBuilder b = new StringBuilder();
        if (p.run() != null && !p.run().isBlank()) {
            b.append('[').append(p.run()).append("] ");
        }
        b.append("epoch ").append(p.epoch()).append('/').append(p.epochs());
        b.append("  step ").append(p.step()).append('/').append(p.totalSteps());
        b.append("  loss ").append(String.format(Locale.ROOT, "%.4f", p.loss()));
        b.append("  sparsity ").append(String.format(Locale.ROOT, "%.1f%%", 100 * p.sparsity()));
        if (p.etaSeconds() >= 0) {
            b.append("  eta ").append(duration(p.etaSeconds()));
        }
        return b.toString();
    }

    /** {@code 42s}, {@code 1m12s}, {@code 2h05m}: coarse enough to stay steady while it counts down. */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        }
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}
