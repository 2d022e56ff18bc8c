package org.prunesh.ops.prune;

/**
 * When a pruning step happens, for rules that change over training (annealed pools).
 *
 * @param step     the optimizer step of this pruning step
 * @param progress the fraction of the pruning window elapsed, in [0, 1]; supplied by the trainer
 */
public record SelectionContext(long step, double progress) {

    /** Step 0 at the start of the window: what a selection outside training (or a one-shot) sees. */
    public static final SelectionContext START = new SelectionContext(0, 0);

    public SelectionContext {
        if (step < 0) {
            throw new IllegalArgumentException("a pruning step must not be negative, got " + step);
        }
        if (!(progress >= 0 && progress <= 1)) {
            throw new IllegalArgumentException("pruning progress must be in [0, 1], got " + progress);
        }
    }
}
