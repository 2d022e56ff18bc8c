package org.prunesh.results;

import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.train.MaskState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Per-tensor parameter and sparsity counts after a run, over prunable tensors and over all
 * parameters, from the masks (not from zero-valued weights).
 */
public record LayerTable(List<Row> rows, long prunableTotal, long prunableActive, long allTotal) {

    /** @param prunable false for an excluded tensor, which is always fully active */
    public record Row(String name, String shape, long total, long active, boolean prunable) {
        public double sparsity() {
            return total == 0 ? 0 : 1.0 - (double) active / total;
        }
    }

    public static LayerTable of(Network net, MaskState masks) {
        Map<String, Long> active = masks.activeCounts();
        List<Row> rows = new ArrayList<>();
        long prunableTotal = 0, prunableActive = 0, all = 0;
        for (ParamInfo p : net.params()) {
            boolean prunable = active.containsKey(p.name());
            long a = prunable ? active.get(p.name()) : p.size();
            rows.add(new Row(p.name(), shape(p.shape()), p.size(), a, prunable));
            all += p.size();
            if (prunable) {
                prunableTotal += p.size();
                prunableActive += a;
            }
        }
        return new LayerTable(rows, prunableTotal, prunableActive, all);
    }

    public double sparsityOverPrunable() {
        return prunableTotal == 0 ? 0 : 1.0 - (double) prunableActive / prunableTotal;
    }

    public double sparsityOverAll() {
        long pruned = prunableTotal - prunableActive;
        return allTotal == 0 ? 0 : (double) pruned / allTotal;
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-16s %-14s %10s %10s %9s%n", "tensor", "shape", "params", "active", "sparsity"));
        for (Row r : rows) {
            sb.append(String.format("%-16s %-14s %,10d %,10d %8.2f%%%s%n", r.name(), r.shape(), r.total(), r.active(),
                    100 * r.sparsity(), r.prunable() ? "" : "  (excluded)"));
        }
        sb.append(String.format("prunable: %,d of %,d params active, sparsity %.2f%%%n",
                prunableActive, prunableTotal, 100 * sparsityOverPrunable()));
        sb.append(String.format("all:      %,d params, sparsity %.2f%%%n", allTotal, 100 * sparsityOverAll()));
        return sb.toString();
    }

    private static String shape(long[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) sb.append(i == 0 ? "" : "x").append(shape[i]);
        return sb.toString();
    }
}
