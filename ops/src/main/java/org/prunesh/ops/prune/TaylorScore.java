package org.prunesh.ops.prune;

/**
 * |w·g| with g the raw gradient of the current mini-batch: the first-order Taylor estimate of how
 * much the loss changes when the weight is set to zero (Molchanov et al. 2017, element-wise).
 */
public record TaylorScore() implements Score {

    @Override
    public String name() {
        return "taylor";
    }

    @Override
    public boolean needsGradient() {
        return true;
    }

    @Override
    public float[] compute(TensorState t) {
        return absProduct(this, t);
    }

    /** |w_i·g_i| for every element, the gradient checked on behalf of {@code score}. */
    static float[] absProduct(Score score, TensorState t) {
        float[] g = ScoreInputs.gradients(score, t, ScoreInputs.AT_PRUNING);
        float[] w = t.weights();
        float[] s = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            s[i] = Math.abs(w[i] * g[i]);
        }
        return s;
    }
}
