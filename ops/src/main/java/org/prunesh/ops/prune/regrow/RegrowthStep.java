package org.prunesh.ops.prune.regrow;

import org.prunesh.ops.prune.TensorState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One prune-and-regrow update (GraNet's neuroregeneration, RigL's drop-and-grow), layer by layer.
 *
 * <p>For a tensor with A active weights, {@code k = round(fraction·A)} (half up): the k active
 * weights with the lowest |w| are dropped, then the k positions with the largest |g| (the dense raw
 * gradient) among those inactive <em>after</em> the drop are regrown. A weight just dropped may
 * therefore come straight back, as in both reference implementations. Each layer keeps its active
 * count, so density is unchanged.
 *
 * <p><b>Ties</b> go to the lower flat (C-order) index: among equal |w| the earlier weight is
 * dropped first, among equal |g| the earlier position is regrown first. A NaN ranks as least
 * useful: a NaN weight is dropped first, a NaN gradient regrown last.
 *
 * <p>References round differently (GraNet takes the ceiling of fraction·A, RigL truncates); round
 * half up sits between them. Inputs are not modified.
 */
public final class RegrowthStep {

    private RegrowthStep() {
    }

    /**
     * What one update did to one tensor. Index arrays hold flat C-order indices, ascending.
     *
     * @param mask    the new mask (true = active)
     * @param dropped the active weights removed by magnitude
     * @param regrown the positions activated by gradient (may include some of {@code dropped})
     */
    public record TensorRegrowth(String name, boolean[] mask, int[] dropped, int[] regrown) {

        /** Positions inactive before the update and active after it: the weights that start at zero. */
        public int[] newlyActive() {
            return minus(regrown, dropped);
        }

        /** Positions active before the update and inactive after it. */
        public int[] deactivated() {
            return minus(dropped, regrown);
        }

        /**
         * Where optimizer state stays valid: active now and not newly activated. Clearing the rest
         * resets momentum of both pruned and fresh connections (GraNet masks the buffer, RigL zeroes
         * it at new connections).
         */
        public boolean[] stateKeep() {
            boolean[] keep = mask.clone();
            for (int i : newlyActive()) keep[i] = false;
            return keep;
        }

        private static int[] minus(int[] a, int[] b) {
            // Both ascending: one merge pass.
            int[] out = new int[a.length];
            int n = 0;
            int j = 0;
            for (int x : a) {
                while (j < b.length && b[j] < x) j++;
                if (j < b.length && b[j] == x) continue;
                out[n++] = x;
            }
            return Arrays.copyOf(out, n);
        }
    }

    /** Per tensor, in input order. */
    public record Result(List<TensorRegrowth> tensors) {

        public Result {
            tensors = List.copyOf(tensors);
        }

        public Map<String, boolean[]> masks() {
            Map<String, boolean[]> out = new LinkedHashMap<>();
            for (TensorRegrowth t : tensors) out.put(t.name(), t.mask());
            return out;
        }

        public TensorRegrowth tensor(String name) {
            for (TensorRegrowth t : tensors) {
                if (t.name().equals(name)) return t;
            }
            throw new IllegalArgumentException("no tensor named " + name + " in this regrowth result");
        }

        /** Total weights moved (dropped, equally regrown) over all tensors. */
        public long moved() {
            long n = 0;
            for (TensorRegrowth t : tensors) n += t.dropped().length;
            return n;
        }
    }

    /**
     * Throws {@link IllegalArgumentException} for an invalid input (fraction outside [0, 1], lengths
     * that disagree with the shape, duplicate names) and {@link IllegalStateException} when a tensor
     * carries no gradient.
     */
    public static Result apply(List<TensorState> tensors, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("regrowth fraction must be in [0, 1], got " + fraction);
        }
        Set<String> names = new HashSet<>();
        List<TensorRegrowth> out = new ArrayList<>(tensors.size());
        for (TensorState t : tensors) {
            Objects.requireNonNull(t, "tensor");
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("tensor " + t.name() + " appears twice");
            }
            requireConsistent(t);
            out.add(regrow(t, fraction));
        }
        return new Result(out);
    }

    private static TensorRegrowth regrow(TensorState t, double fraction) {
        boolean[] mask = t.mask().clone();
        int active = t.activeCount();
        int k = (int) Math.round(fraction * active);

        long[] dropKeys = new long[active];
        int m = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) dropKeys[m++] = key(lowFirst(t.weights()[i]), i);
        }
        int[] dropped = smallestIndices(dropKeys, m, k);
        for (int i : dropped) mask[i] = false;

        long[] growKeys = new long[mask.length - active + k];
        m = 0;
        for (int i = 0; i < mask.length; i++) {
            if (!mask[i]) growKeys[m++] = key(highFirst(t.gradients()[i]), i);
        }
        int[] regrown = smallestIndices(growKeys, m, k);
        for (int i : regrown) mask[i] = true;
        return new TensorRegrowth(t.name(), mask, dropped, regrown);
    }

    /** Score in the high 32 bits, index in the low 32: ascending keys rank by score, then by index. */
    private static long key(int rank, int index) {
        return ((long) rank << 32) | index;
    }

    /** |x| ascending; NaN before everything. */
    private static int lowFirst(float x) {
        return Float.isNaN(x) ? -1 : Float.floatToIntBits(Math.abs(x));
    }

    /** |x| descending; NaN after everything. Non-NaN |x| has bits in [0, +inf bits]. */
    private static int highFirst(float x) {
        int inf = Float.floatToIntBits(Float.POSITIVE_INFINITY);
        return Float.isNaN(x) ? inf + 1 : inf - Float.floatToIntBits(Math.abs(x));
    }

    /** The indices carried by the k smallest of {@code keys[0, n)}, ascending. */
    private static int[] smallestIndices(long[] keys, int n, int k) {
        Arrays.sort(keys, 0, n);
        int[] out = new int[k];
        for (int j = 0; j < k; j++) out[j] = (int) keys[j];
        Arrays.sort(out);
        return out;
    }

    private static void requireConsistent(TensorState t) {
        long size = 1;
        for (long d : t.shape()) size *= d;
        if (t.weights().length != size || t.mask().length != size) {
            throw new IllegalArgumentException("tensor " + t.name() + ": shape " + Arrays.toString(t.shape())
                    + " holds " + size + " elements but weights has " + t.weights().length
                    + " and mask " + t.mask().length);
        }
        if (t.gradients() == null) {
            throw new IllegalStateException("regrowth ranks inactive weights by |gradient|, but tensor "
                    + t.name() + " has no gradient");
        }
        if (t.gradients().length != size) {
            throw new IllegalArgumentException("tensor " + t.name() + ": gradients has " + t.gradients().length
                    + " elements, shape holds " + size);
        }
    }
}
