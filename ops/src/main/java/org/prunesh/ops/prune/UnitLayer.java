package org.prunesh.ops.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tensor, or one group of coupled tensors, seen as the units a pruning step removes: single
 * weights, whole output filters, or whole channels of a coupled group. Selection ranks units; this
 * is the only place that knows what a unit is made of.
 */
sealed interface UnitLayer permits UnitLayer.Elements, UnitLayer.Filters, UnitLayer.Coupled {

    /** The tensor's name, or the coupled tensors' names joined by {@code " + "}. */
    String name();

    /** The tensor's shape; for a coupled group {@code [rows of all members, channels]}. */
    long[] shape();

    /** Units in the tensor, pruned or not. */
    int units();

    /** Which units are candidates. May be the tensor's own mask: callers only read it. */
    boolean[] active();

    int activeCount();

    /** A score per unit for this stage, lower pruned first. */
    float[] scores(Score score);

    /**
     * When each unit's score is the absolute value of an array entry ({@link Score#absoluteOf}), that
     * array, indexed by unit; otherwise null and {@link #scores} gives the scores.
     */
    float[] absolute(Score score);

    /** Clears, in the element masks keyed by tensor name, every element of the units {@code units[from, to) − offset}. */
    void prune(Map<String, boolean[]> masks, int[] units, int from, int to, int offset);

    /** Each weight is a unit; its score is the element's score. */
    final class Elements implements UnitLayer {
        private final TensorState tensor;
        private final int activeCount;

        Elements(TensorState tensor) {
            this.tensor = tensor;
            this.activeCount = tensor.activeCount();
        }

        @Override
        public String name() {
            return tensor.name();
        }

        @Override
        public long[] shape() {
            return tensor.shape();
        }

        @Override
        public int units() {
            return tensor.size();
        }

        @Override
        public boolean[] active() {
            return tensor.mask();
        }

        @Override
        public int activeCount() {
            return activeCount;
        }

        @Override
        public float[] scores(Score score) {
            return elementScores(score, tensor);
        }

        @Override
        public float[] absolute(Score score) {
            float[] a = score.absoluteOf(tensor);
            if (a != null && a.length != tensor.size()) {
                throw new IllegalStateException("score '" + score.name() + "' gave " + a.length + " values for tensor '"
                        + tensor.name() + "' of " + tensor.size() + " weights");
            }
            return a;
        }

        @Override
        public void prune(Map<String, boolean[]> masks, int[] units, int from, int to, int offset) {
            boolean[] mask = masks.get(tensor.name());
            for (int j = from; j < to; j++) {
                mask[units[j] - offset] = false;
            }
        }
    }

    /**
     * Each output filter (a slice of the last dimension: column c of a dense {@code [in, out]}, or
     * {@code [:, :, :, c]} of a conv) is a unit, scored by the L1 or L2 norm of its elements' scores.
     * A filter is a candidate only while all its elements are active, so a filter thinned by earlier
     * unstructured pruning is neither ranked nor counted as active.
     */
    final class Filters implements UnitLayer {
        private final TensorState tensor;
        private final Granularity.Norm norm;
        private final int filters;
        private final boolean[] active;
        private final int activeCount;

        Filters(TensorState tensor, Granularity.Norm norm) {
            this.tensor = tensor;
            this.norm = norm;
            long[] shape = tensor.shape();
            this.filters = shape.length == 0 ? 1 : (int) shape[shape.length - 1];
            this.active = new boolean[filters];
            Arrays.fill(active, true);
            boolean[] mask = tensor.mask();
            for (int row = 0; row < mask.length; row += filters) {
                for (int c = 0; c < filters; c++) {
                    active[c] &= mask[row + c];
                }
            }
            int n = 0;
            for (boolean a : active) {
                if (a) n++;
            }
            this.activeCount = n;
        }

        @Override
        public String name() {
            return tensor.name();
        }

        @Override
        public long[] shape() {
            return tensor.shape();
        }

        @Override
        public int units() {
            return filters;
        }

        @Override
        public boolean[] active() {
            return active;
        }

        @Override
        public int activeCount() {
            return activeCount;
        }

        @Override
        public float[] scores(Score score) {
            return Coupled.finish(norm, sums(score, new double[filters]));
        }

        /** Adds each filter's sum of |score| (L1) or score² (L2) into {@code sum}, and returns it. */
        double[] sums(Score score, double[] sum) {
            float[] s = elementScores(score, tensor);
            for (int row = 0; row < s.length; row += filters) {
                for (int c = 0; c < filters; c++) {
                    double v = s[row + c];
                    sum[c] += norm == Granularity.Norm.L1 ? Math.abs(v) : v * v;
                }
            }
            return sum;
        }

        @Override
        public float[] absolute(Score score) {
            return null;
        }

        @Override
        public void prune(Map<String, boolean[]> masks, int[] units, int from, int to, int offset) {
            boolean[] mask = masks.get(tensor.name());
            for (int j = from; j < to; j++) {
                for (int i = units[j] - offset; i < mask.length; i += filters) {
                    mask[i] = false;
                }
            }
        }
    }

    /**
     * Channel c of a group of tensors whose output filters are the same channels (a residual stream's
     * convolutions, say) is one unit: it is a candidate while filter c of every member is, it scores
     * the norm over all members' filter-c element scores (L1: the sum of the members' L1 norms; L2:
     * the root of the sum of their squared L2 norms), and pruning it clears filter c in every member.
     */
    final class Coupled implements UnitLayer {
        private final List<Filters> members;
        private final Granularity.Norm norm;
        private final int channels;
        private final boolean[] active;
        private final int activeCount;

        Coupled(List<Filters> members, Granularity.Norm norm) {
            this.members = List.copyOf(members);
            this.norm = norm;
            this.channels = members.get(0).units();
            this.active = new boolean[channels];
            Arrays.fill(active, true);
            for (Filters f : members) {
                if (f.units() != channels) {
                    throw new IllegalArgumentException("tensors " + name() + " are coupled but tensor '" + f.name()
                            + "' has " + f.units() + " output channels, not " + channels);
                }
                boolean[] a = f.active();
                for (int c = 0; c < channels; c++) {
                    active[c] &= a[c];
                }
            }
            int n = 0;
            for (boolean a : active) {
                if (a) n++;
            }
            this.activeCount = n;
        }

        @Override
        public String name() {
            return String.join(" + ", members.stream().map(Filters::name).toList());
        }

        @Override
        public long[] shape() {
            long rows = 0;
            for (Filters f : members) {
                rows += f.tensor.size() / channels;
            }
            return new long[] {rows, channels};
        }

        @Override
        public int units() {
            return channels;
        }

        @Override
        public boolean[] active() {
            return active;
        }

        @Override
        public int activeCount() {
            return activeCount;
        }

        @Override
        public float[] scores(Score score) {
            double[] sum = new double[channels];
            for (Filters f : members) {
                f.sums(score, sum);
            }
            return finish(norm, sum);
        }

        @Override
        public float[] absolute(Score score) {
            return null;
        }

        @Override
        public void prune(Map<String, boolean[]> masks, int[] units, int from, int to, int offset) {
            for (Filters f : members) {
                f.prune(masks, units, from, to, offset);
            }
        }

        /** The filters' norms from their sums of |score| (L1) or score² (L2). */
        static float[] finish(Granularity.Norm norm, double[] sum) {
            float[] out = new float[sum.length];
            for (int c = 0; c < sum.length; c++) {
                out[c] = (float) (norm == Granularity.Norm.L1 ? sum[c] : Math.sqrt(sum[c]));
            }
            return out;
        }
    }

    /**
     * The layers with each coupled group of {@code channel} merged into one {@link Coupled} layer at
     * the place of its first member present; members absent from {@code layers} are left out, a
     * group with one member present stays that member's {@link Filters}, and layers in no group
     * stay as they are.
     */
    static List<UnitLayer> couple(List<UnitLayer> layers, Granularity.Channel channel) {
        if (channel.coupled().isEmpty()) {
            return layers;
        }
        Map<String, Integer> groupOf = new HashMap<>();
        for (int g = 0; g < channel.coupled().size(); g++) {
            for (String name : channel.coupled().get(g)) {
                if (groupOf.put(name, g) != null) {
                    throw new IllegalArgumentException("tensor '" + name + "' is in two coupled channel groups");
                }
            }
        }
        Map<Integer, List<Filters>> members = new LinkedHashMap<>();
        for (UnitLayer layer : layers) {
            Integer g = groupOf.get(layer.name());
            if (g != null && layer instanceof Filters f) {
                members.computeIfAbsent(g, k -> new ArrayList<>()).add(f);
            }
        }
        List<UnitLayer> out = new ArrayList<>();
        for (UnitLayer layer : layers) {
            Integer g = groupOf.get(layer.name());
            List<Filters> group = g == null ? null : members.get(g);
            if (group == null || group.size() == 1) {
                out.add(layer);
            } else if (group.get(0) == layer) {
                out.add(new Coupled(group, channel.norm()));
            }
        }
        return out;
    }

    /** The score's values for every element, checked to be one per element. */
    static float[] elementScores(Score score, TensorState tensor) {
        float[] s = score.compute(tensor);
        if (s.length != tensor.size()) {
            throw new IllegalStateException("score '" + score.name() + "' gave " + s.length + " values for tensor '"
                    + tensor.name() + "' of " + tensor.size() + " weights");
        }
        return s;
    }
}
