package org.prunesh.ops.prune;

/** |w|: small weights contribute little to the output. */
public record MagnitudeScore() implements Score {

    @Override
    public String name() {
        return "magnitude";
    }

    @Override
    public boolean needsGradient() {
        return false;
    }

    @Override
    public float[] compute(TensorState t) {
        float[] w = t.weights();
        float[] s = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            s[i] = Math.abs(w[i]);
        }
        return s;
    }

    @Override
    public float[] absoluteOf(TensorState t) {
        return t.weights();
    }
}
