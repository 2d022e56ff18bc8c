package org.prunesh.ops.prune;

import java.util.Arrays;

/**
 * One tensor seen as the units a pruning step removes: its single weights, or its whole output
 * filters. Selection ranks units; this is the only place that knows what a unit is made of.
 */
sealed interface UnitLayer permits UnitLayer.Elements, UnitLayer.Filters {

    TensorState tensor();

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

    /** Clears, in the element mask {@code mask}, every element of the units {@code units[from, to) − offset}. */
    void prune(boolean[] mask, int[] units, int from, int to, int offset);

    /** Each weight is a unit; its score is the element's score. */
    final class Elements implements UnitLayer {
        private final TensorState tensor;
        private final int activeCount;

        Elements(TensorState tensor) {
            this.tensor = tensor;
            this.activeCount = tensor.activeCount();
        }

        @Override
        public TensorState tensor() {
            return tensor;
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
        public void prune(boolean[] mask, int[] units, int from, int to, int offset) {
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
        public TensorState tensor() {
            return tensor;
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
            float[] s = elementScores(score, tensor);
            double[] sum = new double[filters];
            for (int row = 0; row < s.length; row += filters) {
                for (int c = 0; c < filters; c++) {
                    double v = s[row + c];
                    sum[c] += norm == Granularity.Norm.L1 ? Math.abs(v) : v * v;
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
        public void prune(boolean[] mask, int[] units, int from, int to, int offset) {
            for (int j = from; j < to; j++) {
                for (int i = units[j] - offset; i < mask.length; i += filters) {
                    mask[i] = false;
                }
            }
        }
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
