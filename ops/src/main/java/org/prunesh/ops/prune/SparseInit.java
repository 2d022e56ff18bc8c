package org.prunesh.ops.prune;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random sparse masks before training (GraNet's and RigL's sparse initialisation): each element is
 * active with its tensor's density, independently, as {@code torch.rand(shape) < density}. The
 * realised density is therefore close to, not exactly, the requested one.
 *
 * <p>Each tensor draws from its own stream, {@code new SplittableRandom(seed ^ fnv1a64(name))}
 * with FNV-1a 64 over the name's UTF-8 bytes, taking one {@code nextDouble()} per element in flat C
 * order. A mask thus depends only on the seed, the tensor's name and its size: adding, removing or
 * reordering other tensors leaves it unchanged.
 */
public final class SparseInit {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SparseInit() {
    }

    /**
     * A mask per tensor of {@code shapes}, in its iteration order; every tensor needs a density in
     * [0, 1] (for example from the ERK distribution).
     */
    public static Map<String, boolean[]> bernoulli(Map<String, long[]> shapes, Map<String, Double> densities, long seed) {
        Map<String, boolean[]> masks = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            String name = e.getKey();
            Double density = densities.get(name);
            if (density == null) {
                throw new IllegalArgumentException("no density given for tensor " + name);
            }
            if (!(density >= 0 && density <= 1)) {
                throw new IllegalArgumentException("density of tensor " + name + " must be in [0, 1], got " + density);
            }
            SplittableRandom random = new SplittableRandom(seed ^ fnv1a64(name));
            boolean[] mask = new boolean[size(name, e.getValue())];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = random.nextDouble() < density;
            }
            masks.put(name, mask);
        }
        return masks;
    }

    /** Every tensor at density {@code 1 − sparsity}. */
    public static Map<String, boolean[]> uniform(Map<String, long[]> shapes, double sparsity, long seed) {
        if (!(sparsity >= 0 && sparsity <= 1)) {
            throw new IllegalArgumentException("sparsity must be in [0, 1], got " + sparsity);
        }
        Map<String, Double> densities = new LinkedHashMap<>();
        for (String name : shapes.keySet()) densities.put(name, 1 - sparsity);
        return bernoulli(shapes, densities, seed);
    }

    /** A name hash that, unlike {@link String#hashCode}, spreads over 64 bits. */
    static long fnv1a64(String name) {
        long h = FNV_OFFSET;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }

    private static int size(String name, long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("tensor " + name + " has a negative dimension");
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor " + name + " has " + n + " elements, more than a Java array holds");
        }
        return (int) n;
    }
}
