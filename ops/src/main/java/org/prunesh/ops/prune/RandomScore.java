package org.prunesh.ops.prune;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Uniform draws in [0, 1), one per element: the baseline every criterion must beat.
 *
 * <p>The draws are a pure function of (seed, call number, tensor name), so a run is reproduced by
 * its seed whatever else the score is used with. The call number counts the distinct
 * {@link TensorState} objects this instance has scored under the name, from 0. The trainer builds
 * fresh states at every pruning step, so each step draws afresh; scoring the same object again
 * (a selector ranking in several rounds within one step, as under density bounds) repeats its
 * draws, so every round of a step agrees. Only a weak reference to the last state is kept.
 *
 * <p>Generator: SplitMix64 (Steele, Lea &amp; Flood 2014), written out here so that the draws do not
 * depend on the JDK. The stream of a call starts at
 * {@code base = mix64(mix64(seed ^ fnv1a64(utf8(name))) + (call + 1)·γ)} and element i is
 * {@code (mix64(base + (i + 1)·γ) >>> 40) · 2^-24}, i.e. the (i + 1)-th {@code nextLong()} of
 * {@code new SplittableRandom(base)} reduced to a float's 24 bits.
 */
public final class RandomScore implements Score {

    private static final long GAMMA = 0x9e3779b97f4a7c15L;

    private final long seed;
    private final Map<String, Call> calls = new HashMap<>();

    /** The last state scored under a name, and the call number it was given. */
    private record Call(WeakReference<TensorState> state, int number) {
    }

    public RandomScore(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public boolean needsGradient() {
        return false;
    }

    @Override
    public float[] compute(TensorState t) {
        Call last = calls.get(t.name());
        int call;
        if (last != null && last.state().get() == t) {
            call = last.number();
        } else {
            call = last == null ? 0 : last.number() + 1;
            calls.put(t.name(), new Call(new WeakReference<>(t), call));
        }
        long base = streamStart(seed, call, t.name());
        float[] s = new float[t.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = (mix64(base + (i + 1) * GAMMA) >>> 40) * 0x1.0p-24f;
        }
        return s;
    }

    /** Where the draws of call {@code call} (0 for the first) on tensor {@code name} start. */
    static long streamStart(long seed, int call, String name) {
        return mix64(mix64(seed ^ fnv1a64(name)) + (call + 1L) * GAMMA);
    }

    /** SplitMix64's finaliser (Stafford's variant 13), as in {@link java.util.SplittableRandom}. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** 64-bit FNV-1a of the name's UTF-8 bytes: wider than {@link String#hashCode()}, so names rarely share a stream. */
    static long fnv1a64(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The call number reached per tensor. */
    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        calls.forEach((name, call) -> out.put(name, new double[]{call.number()}));
        return out;
    }

    @Override
    public void restore(Map<String, double[]> state) {
        calls.clear();
        state.forEach((name, v) -> calls.put(name, new Call(new WeakReference<>(null), (int) v[0])));
    }
}
