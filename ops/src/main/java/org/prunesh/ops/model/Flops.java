package org.prunesh.ops.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parameters and multiply-accumulates (MACs, per sample) per layer and in total, dense and
 * effective under masks. A layer's effective MACs are its dense MACs times the fraction of its
 * weight tensor still active: the work a sparse kernel would do, which is exact for
 * convolution and dense layers because each weight takes part in the same number of MACs.
 * Batch norm, activations, pooling and additions count no MACs (see {@link Architecture.Layer#macs()}).
 * Running statistics are buffers, not parameters, and are not counted.
 */
public final class Flops {

    /**
     * @param activeParams parameters left active: masked tensors count their active entries,
     *                     unmasked ones all of theirs
     */
    public record Row(String layer, Architecture.Kind kind, long params, long activeParams, long macs,
                      long effectiveMacs) {
    }

    public record Report(List<Row> rows, long params, long activeParams, long macs, long effectiveMacs) {
        public Report {
            rows = List.copyOf(rows);
        }
    }

    private Flops() {
    }

    /** Dense counts. */
    public static Report count(Network net) {
        return count(net, Map.of());
    }

    /**
     * @param activeCounts active entries per masked tensor (as {@code MaskState.activeCounts()});
     *                     tensors not in the map are dense
     */
    public static Report count(Network net, Map<String, Long> activeCounts) {
        List<Row> rows = new ArrayList<>();
        long params = 0, active = 0, macs = 0, effective = 0;
        for (Architecture.Layer layer : net.architecture().layers()) {
            long p = 0, a = 0, weight = 0, weightActive = 0;
            for (ParamInfo info : net.params()) {
                if (!info.layer().equals(layer.name())) continue;
                long n = info.size();
                long on = activeCounts.getOrDefault(info.name(), n);
                p += n;
                a += on;
                if (info.kind() == ParamKind.WEIGHT) {
                    weight += n;
                    weightActive += on;
                }
            }
            long m = layer.macs();
            long e = weight == 0 ? m : Math.multiplyExact(m, weightActive) / weight;
            rows.add(new Row(layer.name(), layer.kind(), p, a, m, e));
            params += p;
            active += a;
            macs += m;
            effective += e;
        }
        return new Report(rows, params, active, macs, effective);
    }
}
