package org.prunesh.ops.prune;

import java.util.HashMap;
import java.util.Map;

/**
 * Movement (Sanh et al. 2020): S = Σ_t −w_t·g_t over every observed step, the first-order
 * estimate of how much training has pushed each weight away from zero. Weights moving toward
 * zero score low and are pruned; unlike magnitude, S is signed. A pruned weight is 0, so it adds
 * nothing more. Sums are kept in double: they run over every step of training.
 */
public final class MovementScore implements Score {

    private final Map<String, double[]> sums = new HashMap<>();

    @Override
    public String name() {
        return "movement";
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
        float[] w = t.weights();
        double[] s = sums.computeIfAbsent(t.name(), name -> new double[w.length]);
        ScoreInputs.requireSameSize(this, t, s.length);
        for (int i = 0; i < s.length; i++) {
            s[i] -= (double) w[i] * g[i];
        }
    }

    @Override
    public float[] compute(TensorState t) {
        double[] s = sums.get(t.name());
        if (s == null) {
            throw ScoreInputs.unobserved(this, t,
                    "movement accumulates -w*g over training steps, so it cannot rank before the first one");
        }
        ScoreInputs.requireSameSize(this, t, s.length);
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = (float) s[i];
        }
        return out;
    }

    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        sums.forEach((name, sum) -> out.put(name, sum.clone()));
        return out;
    }

    @Override
    public void restore(Map<String, double[]> state) {
        sums.clear();
        state.forEach((name, sum) -> sums.put(name, sum.clone()));
    }
}
