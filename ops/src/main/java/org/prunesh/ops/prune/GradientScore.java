package org.prunesh.ops.prune;

/**
 * |g|, the raw loss gradient of the current mini-batch: weights the loss is insensitive to matter
 * least now. {@link GradientMeanScore} and {@link GradientEmaScore} are the same criterion on a
 * gradient averaged over steps ({@code gradient mean K}, {@code gradient ema B}).
 */
public record GradientScore() implements Score {

    @Override
    public String name() {
        return "gradient";
    }

    @Override
    public boolean needsGradient() {
        return true;
    }

    @Override
    public float[] compute(TensorState t) {
        float[] g = ScoreInputs.gradients(this, t, ScoreInputs.AT_PRUNING);
        float[] s = new float[g.length];
        for (int i = 0; i < g.length; i++) {
            s[i] = Math.abs(g[i]);
        }
        return s;
    }

    @Override
    public float[] absoluteOf(TensorState t) {
        return ScoreInputs.gradients(this, t, ScoreInputs.AT_PRUNING);
    }
}
