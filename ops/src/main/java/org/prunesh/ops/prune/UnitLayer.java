package org.prunesh.ops.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tensor, or one group of coupled tensors, seen as the units a pruning step removes: single
 * weights, or whole output filters (whole channels of a coupled group). Selection ranks units; this
 * is the only place that knows what a unit is made of.
 */
sealed interface UnitLayer permits UnitLayer.Elements, UnitLayer.Filters {

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
            // a pass over the mask on every pruning step: vectorised where the selection's passes are
            this.activeCount = StreamSelect.vector ? BracketCut.trueCount(tensor.mask()) : tensor.activeCount();
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
     *
     * <p>Over several tensors whose output filters are the same channels (coupled, as a residual
     * stream's convolutions are), channel c is one unit: a candidate while filter c of every member is,
     * scored by the norm over all members' filter-c element scores (L1: the sum of the members' L1
     * norms; L2: the root of the sum of their squared L2 norms), and pruning it clears filter c in
     * every member.
     */
    final class Filters implements UnitLayer {
        private final List<TensorState> members;
        private final Granularity.Norm norm;
        private final int filters;
        private final boolean[] active;
        private final int activeCount;

        Filters(TensorState tensor, Granularity.Norm norm) {
            this(List.of(tensor), norm);
        }

        Filters(List<TensorState> members, Granularity.Norm norm) {
            this.members = List.copyOf(members);
            this.norm = norm;
            long[] shape = members.get(0).shape();
            this.filters = shape.length == 0 ? 1 : (int) shape[shape.length - 1];
            this.active = new boolean[filters];
            Arrays.fill(active, true);
            for (TensorState t : members) {
                long[] s = t.shape();
                int own = s.length == 0 ? 1 : (int) s[s.length - 1];
                if (own != filters) {
                    throw new IllegalArgumentException("tensors " + name() + " are coupled but tensor '" + t.name()
                            + "' has " + own + " output channels, not " + filters);
                }
                boolean[] mask = t.mask();
                for (int row = 0; row < mask.length; row += filters) {
                    for (int c = 0; c < filters; c++) {
                        active[c] &= mask[row + c];
                    }
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
            return String.join(" + ", members.stream().map(TensorState::name).toList());
        }

        /** One tensor's own shape; coupled tensors' {@code [rows of all members, channels]}. */
        @Override
        public long[] shape() {
            if (members.size() == 1) {
                return members.get(0).shape();
            }
            long rows = 0;
            for (TensorState t : members) {
                rows += t.size() / filters;
            }
            return new long[] {rows, filters};
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
            double[] sum = new double[filters];
            for (TensorState t : members) {
                float[] s = elementScores(score, t);
                for (int row = 0; row < s.length; row += filters) {
                    for (int c = 0; c < filters; c++) {
                        double v = s[row + c];
                        sum[c] += norm == Granularity.Norm.L1 ? Math.abs(v) : v * v;
                    }
                }
            }
            float[] out = new float[filters];
            for (int c = 0; c < filters; c++) {
                out[c] = (float) (norm == Granularity.Norm.L1 ? sum[c] : Math.sqrt(sum[c]));
            }
            return out;
        }

        @Override
        public float[] absolute(Score score) {
            return null;
        }

        @Override
        public void prune(Map<String, boolean[]> masks, int[] units, int from, int to, int offset) {
            for (TensorState t : members) {
                boolean[] mask = masks.get(t.name());
                for (int j = from; j < to; j++) {
                    for (int i = units[j] - offset; i < mask.length; i += filters) {
                        mask[i] = false;
                    }
                }
            }
        }
    }

    /**
     * The layers with each coupled group of {@code channel} merged into one {@link Filters} layer over
     * all its members present, at the place of the first; members absent from {@code layers} are left
     * out, and layers in no group stay as they are.
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
        Map<Integer, List<UnitLayer>> members = new LinkedHashMap<>();
        for (UnitLayer layer : layers) {
            Integer g = groupOf.get(layer.name());
            if (g != null && layer instanceof Filters) {
                members.computeIfAbsent(g, k -> new ArrayList<>()).add(layer);
            }
        }
        List<UnitLayer> out = new ArrayList<>();
        for (UnitLayer layer : layers) {
            Integer g = groupOf.get(layer.name());
            List<UnitLayer> group = g == null ? null : members.get(g);
            if (group == null || group.size() == 1) {
                out.add(layer);
            } else if (group.get(0) == layer) {
                List<TensorState> tensors = new ArrayList<>();
                for (UnitLayer f : group) {
                    tensors.addAll(((Filters) f).members);
                }
                out.add(new Filters(tensors, channel.norm()));
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
