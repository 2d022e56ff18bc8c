package org.prunesh.ops.prune;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code gradient ema B}: |m| with m an exponential moving average of the raw gradients,
 * m ← B·m + (1 − B)·g at every observed step. m is initialised with the first observed gradient
 * (not with zero), so it needs no bias correction and is never shrunk toward zero early in
 * training. Each update is computed in double and rounded to float once.
 */
public final class GradientEmaScore implements Score {

    private final double beta;
    private final Map<String, float[]> averages = new HashMap<>();

    /** @param beta the decay B, in (0, 1); larger keeps a longer memory */
    public GradientEmaScore(double beta) {
        if (!(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException("gradient ema B needs a decay B in (0, 1), got " + Decimals.plain(beta));
        }
        this.beta = beta;
    }

    public double beta() {
        return beta;
    }

    @Override
    public String name() {
        return "gradient";
    }

    @Override
    public String describe() {
        return "gradient ema " + Decimals.plain(beta);
    }

    @Override
    public boolean needsGradient() {
        return true;
    }

    @Override
    public boolean observesEveryStep() {
        return true;
    }

    @Override
    public void observe(TensorState t) {
        float[] g = ScoreInputs.gradients(this, t, ScoreInputs.AT_STEP);
        float[] m = averages.get(t.name());
        if (m == null) {
            averages.put(t.name(), g.clone());
            return;
        }
        ScoreInputs.requireSameSize(this, t, m.length);
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) (beta * m[i] + (1 - beta) * g[i]);
        }
    }

    @Override
    public float[] compute(TensorState t) {
        float[] m = averages.get(t.name());
        if (m == null) {
            throw ScoreInputs.unobserved(this, t, "it averages the gradients observed at every step");
        }
        ScoreInputs.requireSameSize(this, t, m.length);
        float[] s = new float[m.length];
        for (int i = 0; i < m.length; i++) {
            s[i] = Math.abs(m[i]);
        }
        return s;
    }

    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        averages.forEach((name, m) -> out.put(name, ScoreInputs.widen(m)));
        return out;
    }

    @Override
    public void restore(Map<String, double[]> state) {
        averages.clear();
        state.forEach((name, m) -> averages.put(name, ScoreInputs.narrow(m)));
    }
}
