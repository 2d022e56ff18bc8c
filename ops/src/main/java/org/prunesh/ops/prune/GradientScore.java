package org.prunesh.ops.prune;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * |g|, the loss gradient: weights the loss is insensitive to matter least now. Which gradient is its
 * {@link ScoreSpec.Variant}:
 * <ul>
 *   <li>none ({@code gradient}): the raw gradient of the pruning step's mini-batch;
 *   <li>{@code gradient mean K}: the element-wise mean of the raw gradients of the last K observed
 *       mini-batches (the pruning step's own included; until K steps have been observed, of those
 *       there are). The mean is of signed gradients, so a weight whose gradient keeps changing
 *       sign scores low. Holds K gradient copies per tensor; sums in double, so the result does not
 *       depend on the order the window was filled in;
 *   <li>{@code gradient ema B}: m ← B·m + (1 − B)·g at every observed step, m initialised with the
 *       first observed gradient (not zero), so it needs no bias correction and is never shrunk
 *       toward zero early in training. Each update is computed in double and rounded to float once.
 * </ul>
 */
public final class GradientScore implements Score {

    private static final String UNOBSERVED = "it averages the gradients observed at every step";

    private final ScoreSpec.Variant variant;
    /** mean K: each tensor's window, oldest first. */
    private final Map<String, ArrayDeque<float[]>> windows = new HashMap<>();
    /** ema B: each tensor's average. */
    private final Map<String, float[]> averages = new HashMap<>();

    /** The raw gradient of the pruning step. */
    public GradientScore() {
        this(null);
    }

    /** @param variant null for the raw gradient; otherwise valid by {@link #problem} */
    public GradientScore(ScoreSpec.Variant variant) {
        problem(variant).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        this.variant = variant;
    }

    /** Why {@code variant} is not a gradient average, or empty when it is one (or null). */
    static Optional<String> problem(ScoreSpec.Variant variant) {
        if (variant instanceof ScoreSpec.Mean m && m.batches() < 1) {
            return Optional.of("gradient mean K needs a whole number K >= 1 of mini-batches, got " + m.batches());
        }
        if (variant instanceof ScoreSpec.Ema e && !(e.decay() > 0 && e.decay() < 1)) {
            return Optional.of("gradient ema B needs a decay B in (0, 1), got " + Decimals.plain(e.decay()));
        }
        return Optional.empty();
    }

    public ScoreSpec.Variant variant() {
        return variant;
    }

    @Override
    public String name() {
        return "gradient";
    }

    @Override
    public String describe() {
        return variant == null ? name() : name() + " " + variant.describe();
    }

    @Override
    public boolean needsGradient() {
        return true;
    }

    @Override
    public boolean observesEveryStep() {
        return variant != null;
    }

    @Override
    public void observe(TensorState t) {
        if (variant == null) return;
        float[] g = ScoreInputs.gradients(this, t, ScoreInputs.AT_STEP);
        if (variant instanceof ScoreSpec.Mean mean) {
            ArrayDeque<float[]> window = windows.computeIfAbsent(t.name(), n -> new ArrayDeque<>(mean.batches()));
            if (!window.isEmpty()) ScoreInputs.requireSameSize(this, t, window.peekLast().length);
            // a full window recycles its oldest buffer: no allocation per step once K steps are in
            float[] copy = window.size() == mean.batches() ? window.pollFirst() : new float[g.length];
            System.arraycopy(g, 0, copy, 0, g.length);
            window.addLast(copy);
            return;
        }
        double beta = ((ScoreSpec.Ema) variant).decay();
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
        float[] s = new float[t.size()];
        if (variant == null) {
            float[] g = ScoreInputs.gradients(this, t, ScoreInputs.AT_PRUNING);
            for (int i = 0; i < g.length; i++) s[i] = Math.abs(g[i]);
            return s;
        }
        if (variant instanceof ScoreSpec.Mean) {
            ArrayDeque<float[]> window = windows.get(t.name());
            if (window == null) throw ScoreInputs.unobserved(this, t, UNOBSERVED);
            ScoreInputs.requireSameSize(this, t, window.peekLast().length);
            double[] sum = new double[t.size()];
            for (float[] g : window) {
                for (int i = 0; i < sum.length; i++) sum[i] += g[i];
            }
            for (int i = 0; i < s.length; i++) s[i] = (float) Math.abs(sum[i] / window.size());
            return s;
        }
        float[] m = averages.get(t.name());
        if (m == null) throw ScoreInputs.unobserved(this, t, UNOBSERVED);
        ScoreInputs.requireSameSize(this, t, m.length);
        for (int i = 0; i < m.length; i++) s[i] = Math.abs(m[i]);
        return s;
    }

    /** The raw gradient itself when the score is its absolute value (no variant). */
    @Override
    public float[] absoluteOf(TensorState t) {
        return variant == null ? ScoreInputs.gradients(this, t, ScoreInputs.AT_PRUNING) : null;
    }

    /** mean K: each tensor's window as {@code <tensor>#<i>}, oldest first; ema B: each tensor's average. */
    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> out = new LinkedHashMap<>();
        windows.forEach((name, window) -> {
            int i = 0;
            for (float[] g : window) out.put(name + "#" + i++, ScoreInputs.widen(g));
        });
        averages.forEach((name, m) -> out.put(name, ScoreInputs.widen(m)));
        return out;
    }

    @Override
    public void restore(Map<String, double[]> state) {
        windows.clear();
        averages.clear();
        if (variant instanceof ScoreSpec.Mean mean) {
            List<String> keys = new ArrayList<>(state.keySet());
            keys.sort(Comparator.comparing((String key) -> key.substring(0, key.lastIndexOf('#')))
                    .thenComparingInt(key -> Integer.parseInt(key.substring(key.lastIndexOf('#') + 1))));
            for (String key : keys) {
                String name = key.substring(0, key.lastIndexOf('#'));
                windows.computeIfAbsent(name, n -> new ArrayDeque<>(mean.batches()))
                        .addLast(ScoreInputs.narrow(state.get(key)));
            }
        } else if (variant instanceof ScoreSpec.Ema) {
            state.forEach((name, m) -> averages.put(name, ScoreInputs.narrow(m)));
        }
    }
}
