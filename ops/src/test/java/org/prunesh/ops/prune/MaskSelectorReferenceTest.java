package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cross-checks the O(n) selector against a straightforward full sort of boxed candidates. */
class MaskSelectorReferenceTest {

    private static final Score MAGNITUDE = new MagnitudeScore();
    private static final Score GRADIENT = new GradientScore();

    /** The raw signed weight, to exercise negative scores, -0.0 and NaN. */
    private static final Score SIGNED = new Score() {
        public String name() {
            return "signed";
        }

        public boolean needsGradient() {
            return false;
        }

        public float[] compute(TensorState t) {
            return t.weights().clone();
        }
    };

    @Test
    void matchesFullSortOnAHundredThousandWeightsWithManyTies() {
        Random rnd = new Random(18);
        int[] sizes = {30000, 25000, 20000, 15000, 9997, 3};
        List<TensorState> tensors = new ArrayList<>();
        for (int t = 0; t < sizes.length; t++) {
            float[] w = new float[sizes[t]];
            float[] g = new float[sizes[t]];
            boolean[] mask = new boolean[sizes[t]];
            for (int i = 0; i < w.length; i++) {
                // 41 weight levels and 25 gradient levels: ties everywhere.
                w[i] = (rnd.nextInt(41) - 20) / 20f;
                g[i] = (rnd.nextInt(25) - 12) / 1000f;
                mask[i] = rnd.nextDouble() >= 0.3;
            }
            w[0] = -0.0f;
            w[w.length - 1] = Float.NaN;
            tensors.add(new TensorState("t" + t, new long[] {w.length}, w, g, mask));
        }
        List<Selection> selections = List.of(
                Selection.of(MAGNITUDE),
                Selection.of(GRADIENT),
                Selection.of(GRADIENT, 0.5, MAGNITUDE),
                Selection.of(MAGNITUDE, 0.9, GRADIENT),
                Selection.of(SIGNED, 0.6, GRADIENT),
                new Selection(List.of(Stage.of(GRADIENT, 0.8), Stage.of(SIGNED, 0.5), Stage.last(MAGNITUDE))),
                new Selection(List.of(Stage.annealed(MAGNITUDE, Anneal.COSINE, 0.5, 0.005), Stage.last(GRADIENT))),
                new Selection(List.of(Stage.annealed(GRADIENT, Anneal.LINEAR, 0.9, 0.1),
                        Stage.of(MAGNITUDE, 0.7), Stage.last(SIGNED))));
        SelectionContext context = new SelectionContext(700, 0.3);
        int compared = 0;
        for (double target : new double[] {0.31, 0.8, 0.97}) {
            for (Selection selection : selections) {
                for (Scope scope : List.of(Scope.GLOBAL, Scope.LAYERWISE)) {
                    Map<String, boolean[]> fast = MaskSelector.select(tensors, target, PruneRequest.of(selection, scope),
                            context);
                    Map<String, boolean[]> slow = reference(tensors, target, selection, scope, context.progress());
                    for (String name : slow.keySet()) {
                        assertArrayEquals(slow.get(name), fast.get(name),
                                name + " " + selection.describe() + " " + scope + " " + target);
                    }
                    compared++;
                }
            }
        }
        assertEquals(48, compared);
    }

    /** The specification, written the obvious way: sort every candidate, take prefixes. */
    private static Map<String, boolean[]> reference(List<TensorState> tensors, double target, Selection selection,
                                                    Scope scope, double progress) {
        Map<String, boolean[]> out = new LinkedHashMap<>();
        for (TensorState t : tensors) {
            out.put(t.name(), t.mask().clone());
        }
        List<List<TensorState>> groups = new ArrayList<>();
        if (scope == Scope.GLOBAL) {
            groups.add(tensors);
        } else {
            tensors.forEach(t -> groups.add(List.of(t)));
        }
        for (List<TensorState> group : groups) {
            List<int[]> pool = new ArrayList<>();   // {tensor, flat index}, in (tensor, index) order
            long n = 0;
            for (int t = 0; t < group.size(); t++) {
                boolean[] mask = group.get(t).mask();
                n += mask.length;
                for (int i = 0; i < mask.length; i++) {
                    if (mask[i]) {
                        pool.add(new int[] {t, i});
                    }
                }
            }
            long r = pool.size();
            long np = Math.round(target * n) - (n - r);
            if (np <= 0) {
                continue;
            }
            for (Stage stage : selection.stages()) {
                List<float[]> scores = new ArrayList<>();
                group.forEach(t -> scores.add(stage.score().compute(t)));
                Comparator<int[]> byScore = Comparator.comparing(
                        (int[] c) -> scores.get(c[0])[c[1]] + 0.0f, Float::compare);
                pool.sort(byScore.thenComparingInt((int[] c) -> c[0]).thenComparingInt(c -> c[1]));
                long size = stage.isLast() ? np : Math.min(pool.size(), poolSize(stage.pool(), np, r, progress));
                pool = new ArrayList<>(pool.subList(0, (int) size));
            }
            for (int[] c : pool) {
                out.get(group.get(c[0]).name())[c[1]] = false;
            }
        }
        return out;
    }

    /** DESIGN.md's pool sizes, written out: fixed max(N_p, r·R); annealed N_p + a_t·(R − N_p). */
    private static long poolSize(PoolRule rule, long np, long r, double progress) {
        if (rule instanceof PoolRule.Fixed fixed) {
            return Math.max(np, Math.round(fixed.ratio() * r));
        }
        PoolRule.Annealed a = (PoolRule.Annealed) rule;
        double c = a.curve() == Anneal.COSINE ? (1 + Math.cos(Math.PI * progress)) / 2 : 1 - progress;
        return np + Math.round((a.to() + (a.from() - a.to()) * c) * (r - np));
    }
}
