package org.prunesh.ops.prune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spreads a target over layers by scope, in units (weights, or filters for channel pruning), and runs
 * the chain on each group. With coupled channel groups ({@link Granularity.Channel#coupled()}) a
 * group's tensors form one layer whose units are its channels. A layer of n units with a active reaching density d keeps
 * {@code K = n − round(s·n)} units (layerwise) or {@code round(d_l·n)} (ERK), clamped into the
 * per-layer bounds, and so prunes {@code a − K}; a global step keeps {@code N − round(s·N)} over
 * all layers.
 */
final class ScopeSelect {

    private ScopeSelect() {
    }

    static void prune(List<UnitLayer> tensors, double target, PruneRequest request, SelectionContext context,
                      Map<String, boolean[]> masks) {
        // Coupled channels are ranked and counted as one layer of channels (see UnitLayer.Filters).
        List<UnitLayer> layers = request.granularity() instanceof Granularity.Channel channel
                ? UnitLayer.couple(tensors, channel) : tensors;
        DensityBounds bounds = request.bounds();
        Selection selection = request.selection();
        switch (request.scope()) {
            case LAYERWISE -> {
                for (UnitLayer layer : layers) {
                    long n = layer.units();
                    pruneTo(layer, n - Math.round(target * n), bounds, selection, context, masks);
                }
            }
            case ERK -> {
                Map<String, long[]> shapes = new LinkedHashMap<>();
                layers.forEach(layer -> shapes.put(layer.name(), layer.shape()));
                Map<String, Double> density = Distribution.erk(shapes, target, bounds);
                for (UnitLayer layer : layers) {
                    long keep = Math.round(density.get(layer.name()) * layer.units());
                    pruneTo(layer, keep, bounds, selection, context, masks);
                }
            }
            case GLOBAL -> {
                if (bounds.isNone()) {
                    long n = 0;
                    long active = 0;
                    for (UnitLayer layer : layers) {
                        n += layer.units();
                        active += layer.activeCount();
                    }
                    long keep = n - Math.round(target * n);
                    ChainSelect.lowest(layers, active - keep, selection, context, masks).apply(layers, masks);
                } else {
                    bounded(layers, target, bounds, selection, context, masks);
                }
            }
        }
    }

    /** Brings one layer to {@code keep} units clamped into the bounds, by the chain over that layer alone. */
    private static void pruneTo(UnitLayer layer, long keep, DensityBounds bounds, Selection selection,
                                SelectionContext context, Map<String, boolean[]> masks) {
        long n = layer.units();
        long clamped = Math.max(bounds.minKeep(n), Math.min(bounds.maxKeep(n), keep));
        List<UnitLayer> alone = List.of(layer);
        ChainSelect.lowest(alone, layer.activeCount() - clamped, selection, context, masks).apply(alone, masks);
    }

    /**
     * Global selection within per-layer bounds. Rank all layers together; a layer that would keep
     * fewer than its floor (or more than its cap) is fixed at that bound, and the rest of the budget
     * is ranked again over the layers still free, until no free layer breaks a bound. Fixed layers
     * are then brought to their bound by the chain over each alone. A round fixes the violations of
     * one kind only, the one with the larger total (floors on a tie): fixing floors shrinks the
     * others' budget and fixing caps grows it, so fixing both at once can pin a layer that the next
     * round would have left inside its bounds. With only a floor (or only a cap) every fixed layer
     * would break its bound in the final ranking too. A layer already below its floor is left as it is.
     */
    private static void bounded(List<UnitLayer> layers, double target, DensityBounds bounds, Selection selection,
                                SelectionContext context, Map<String, boolean[]> masks) {
        int count = layers.size();
        long[] floor = new long[count];
        long[] cap = new long[count];
        long[] fixed = new long[count];
        long n = 0;
        for (int l = 0; l < count; l++) {
            UnitLayer layer = layers.get(l);
            n += layer.units();
            floor[l] = Math.min(layer.activeCount(), bounds.minKeep(layer.units()));
            cap[l] = Math.min(layer.activeCount(), bounds.maxKeep(layer.units()));
            fixed[l] = -1;
        }
        long budget = n - Math.round(target * n);
        while (true) {
            List<UnitLayer> free = new ArrayList<>();
            List<Integer> freeIndex = new ArrayList<>();
            long freeBudget = budget;
            long freeActive = 0;
            for (int l = 0; l < count; l++) {
                if (fixed[l] < 0) {
                    free.add(layers.get(l));
                    freeIndex.add(l);
                    freeActive += layers.get(l).activeCount();
                } else {
                    freeBudget -= fixed[l];
                }
            }
            if (free.isEmpty()) {
                break;
            }
            ChainSelect.Pick picked = ChainSelect.lowest(free, freeActive - Math.max(0, freeBudget), selection, context, null);
            int[] pruned = picked.countPerLayer(free);
            long deficit = 0;
            long excess = 0;
            for (int f = 0; f < free.size(); f++) {
                int l = freeIndex.get(f);
                long keep = free.get(f).activeCount() - pruned[f];
                deficit += Math.max(0, floor[l] - keep);
                excess += Math.max(0, keep - cap[l]);
            }
            if (deficit == 0 && excess == 0) {
                picked.apply(free, masks);
                break;
            }
            for (int f = 0; f < free.size(); f++) {
                int l = freeIndex.get(f);
                long keep = free.get(f).activeCount() - pruned[f];
                if (excess > deficit && keep > cap[l]) {
                    fixed[l] = cap[l];
                } else if (excess <= deficit && keep < floor[l]) {
                    fixed[l] = floor[l];
                }
            }
        }
        for (int l = 0; l < count; l++) {
            if (fixed[l] >= 0) {
                List<UnitLayer> alone = List.of(layers.get(l));
                long prune = layers.get(l).activeCount() - fixed[l];
                ChainSelect.lowest(alone, prune, selection, context, masks).apply(alone, masks);
            }
        }
    }
}
