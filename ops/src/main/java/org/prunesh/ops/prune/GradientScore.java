package org.prunesh.ops.prune;

/** |g|, the raw loss gradient of the current mini-batch: weights the loss is insensitive to matter least now. */
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
        float[] g = t.gradients();
        if (g == null) {
            throw new IllegalStateException("score 'gradient' needs the loss gradient of tensor '" + t.name()
                    + "', but none was computed for this pruning step");
        }
        if (g.length != t.size()) {
            throw new IllegalArgumentException("tensor '" + t.name() + "' has " + t.size() + " weights but "
                    + g.length + " gradients");
        }
        float[] s = new float[g.length];
        for (int i = 0; i < g.length; i++) {
            s[i] = Math.abs(g[i]);
        }
        return s;
    }
}
