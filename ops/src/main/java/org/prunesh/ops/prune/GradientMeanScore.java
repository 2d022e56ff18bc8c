package org.prunesh.ops.prune;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code gradient mean K}: |ḡ| with ḡ the element-wise mean of the raw gradients of the last K
 * observed mini-batches (the pruning step's own included), a less noisy estimate of which weights
 * the loss is insensitive to than one batch. Until K steps have been observed the mean is over
 * those there are. The mean is of the signed gradients, so a weight whose gradient keeps changing
 * sign scores low. Holds K gradient copies per tensor; sums in double, so the result does not
 * depend on the order the window was filled in.
 */
public final class GradientMeanScore implements Score {

    private final int k;
    private final Map<String, ArrayDeque<float[]>> windows = new HashMap<>();

    /** @param k mini-batches to average, at least 1 */
    public GradientMeanScore(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("gradient mean K needs a whole number K >= 1 of mini-batches, got " + k);
        }
        this.k = k;
    }

    public int k() {
        return k;
    }

    @Override
    public String name() {
        return "gradient";
    }

    @Override
    public String describe() {
        return "gradient mean " + k;
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
        ArrayDeque<float[]> window = windows.computeIfAbsent(t.name(), name -> new ArrayDeque<>(k));
        if (!window.isEmpty()) {
            ScoreInputs.requireSameSize(this, t, window.peekLast().length);
        }
        // A full window recycles its oldest buffer: no allocation per step once K steps are in.
        float[] copy = window.size() == k ? window.pollFirst() : new float[g.length];
        System.arraycopy(g, 0, copy, 0, g.length);
        window.addLast(copy);
    }

    @Override
    public float[] compute(TensorState t) {
        ArrayDeque<float[]> window = windows.get(t.name());
        if (window == null) {
            throw ScoreInputs.unobserved(this, t, "it averages the gradients observed at every step");
        }
        ScoreInputs.requireSameSize(this, t, window.peekLast().length);
        double[] sum = new double[t.size()];
        for (float[] g : window) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += g[i];
            }
        }
        float[] s = new float[sum.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) Math.abs(sum[i] / window.size());
        }
        return s;
    }

    /** The window of each tensor, oldest first, as {@code <tensor>#<i>}. */
    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        windows.forEach((name, window) -> {
            int i = 0;
            for (float[] g : window) out.put(name + "#" + i++, ScoreInputs.widen(g));
        });
        return out;
    }

    @Override
    public void restore(Map<String, double[]> state) {
        windows.clear();
        java.util.List<String> keys = new java.util.ArrayList<>(state.keySet());
        keys.sort(java.util.Comparator.comparing((String key) -> key.substring(0, key.lastIndexOf('#')))
                .thenComparingInt(key -> Integer.parseInt(key.substring(key.lastIndexOf('#') + 1))));
        for (String key : keys) {
            String name = key.substring(0, key.lastIndexOf('#'));
            windows.computeIfAbsent(name, n -> new ArrayDeque<>(k)).addLast(ScoreInputs.narrow(state.get(key)));
        }
    }
}
