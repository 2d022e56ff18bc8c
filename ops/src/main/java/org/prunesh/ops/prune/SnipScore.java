package org.prunesh.ops.prune;

/**
 * SNIP's connection sensitivity (Lee et al. 2019): |∂L/∂c| = |w·g| for a connection mask c at 1,
 * g the raw gradient of the current mini-batch.
 *
 * <p>SNIP divides by Σ|w·g| over <em>all</em> tensors of the network. That is one positive
 * constant per pruning step, so it changes no ranking, within a tensor or across tensors, and is
 * left out; dividing each tensor by its own sum instead would change the global ranking, which is
 * why it is not done either. The values therefore equal {@link TaylorScore}'s; what makes a run
 * SNIP is its use: {@code schedule oneshot to s at 0 steps} with {@code select snip} and
 * {@code scope global} prunes exactly the connections SNIP prunes at initialisation (from one
 * mini-batch's gradient).
 */
public record SnipScore() implements Score {

    @Override
    public String name() {
        return "snip";
    }

    @Override
    public boolean needsGradient() {
        return true;
    }

    @Override
    public float[] compute(TensorState t) {
        return TaylorScore.absProduct(this, t);
    }
}
