package org.prunesh.ops.stp;

import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.model.Network;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How much smaller the weights an arch drops are than the ones it keeps, before extraction: STP
 * claims its training concentrates magnitude in the kept subnet without a sparsity penalty. The
 * weights compared are the convolution and dense weights that produce each channel group, split
 * by output channel into the kept and the dropped filters (all of a dropped block's weights are
 * dropped); batch-norm parameters are not counted.
 *
 * @param overall over every group's producer weights (and any other weight of a dropped block)
 * @param groups  per channel group, in network order
 */
public record RelativeSparsity(Stats overall, Map<String, Stats> groups) {

    public RelativeSparsity {
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }

    /**
     * Mean |w| of the kept and the dropped weights; a mean over no weights is NaN.
     */
    public record Stats(long keptWeights, double keptMeanAbs, long droppedWeights, double droppedMeanAbs) {

        /** Dropped mean over kept mean: below 1 when the dropped weights are the smaller. */
        public double ratio() {
            return droppedMeanAbs / keptMeanAbs;
        }
    }

    /** Running sums of |w|, kept and dropped. */
    private static final class Sums {
        long kept, dropped;
        double keptSum, droppedSum;

        void add(boolean keep, float w) {
            if (keep) {
                kept++;
                keptSum += Math.abs(w);
            } else {
                dropped++;
                droppedSum += Math.abs(w);
            }
        }

        void add(Sums o) {
            kept += o.kept;
            dropped += o.dropped;
            keptSum += o.keptSum;
            droppedSum += o.droppedSum;
        }

        Stats stats() {
            return new Stats(kept, kept == 0 ? Double.NaN : keptSum / kept,
                    dropped, dropped == 0 ? Double.NaN : droppedSum / dropped);
        }
    }

    /**
     * @param param a parameter's values by name, flattened row-major in the SameDiff layout
     *              (output channel last), as for {@link ChannelOrder#of(Architecture, Importance, Function)}
     */
    public static RelativeSparsity of(Architecture a, ChannelOrder order, Arch arch, Function<String, float[]> param) {
        SubnetLayout layout = SubnetLayout.of(a, arch);
        Set<String> droppedLayers = new LinkedHashSet<>();
        for (Architecture.Stage stage : a.stages()) {
            for (Architecture.Block block : stage.blocks()) {
                if (layout.droppedBlocks().contains(block.name())) droppedLayers.addAll(block.layers());
            }
        }
        Map<String, Stats> groups = new LinkedHashMap<>();
        Set<String> counted = new HashSet<>();
        Sums overall = new Sums();
        for (Architecture.ChannelGroup g : a.groups()) {
            boolean present = layout.channels().containsKey(g.name());
            boolean[] keep = present ? order.keepMask(g.name(), layout.channels(g.name())) : null;
            Sums sums = new Sums();
            for (String p : g.producers()) {
                if (!weighted(a.layer(p))) continue;
                counted.add(p);
                float[] w = param.apply(p + ".weight");
                boolean whole = !present || droppedLayers.contains(p);
                // the output channel is the fastest-varying index
                for (int j = 0; j < w.length; j++) sums.add(!whole && keep[j % keep.length], w[j]);
            }
            groups.put(g.name(), sums.stats());
            overall.add(sums);
        }
        for (String layer : droppedLayers) {
            if (counted.contains(layer) || !weighted(a.layer(layer))) continue;
            for (float w : param.apply(layer + ".weight")) overall.add(false, w);
        }
        return new RelativeSparsity(overall.stats(), groups);
    }

    /** The same on a network's current weights. */
    public static RelativeSparsity of(Network net, ChannelOrder order, Arch arch) {
        return of(net.architecture(), order, arch, name -> ChannelOrder.flat(net.array(name)));
    }

    /**
     * A trained network's ratio next to its untrained initialisation's, for the same arch and the
     * same order: how the kept set is chosen biases the ratio by itself (an untrained network
     * ranked by L1 already gives about 0.92), so only the gap between the two says what training
     * did. To compare trainings, give all of them one fixed order (e.g. {@link ChannelOrder#identity}).
     */
    public record Paired(RelativeSparsity trained, RelativeSparsity untrained) {
        /** The trained ratio over the untrained one: below 1 when training shrank the dropped weights. */
        public double relativeToUntrained() {
            return trained.overall().ratio() / untrained.overall().ratio();
        }
    }

    /** {@link Paired} on two networks of one architecture. */
    public static Paired paired(Network trained, Network untrained, ChannelOrder order, Arch arch) {
        if (!trained.architecture().equals(untrained.architecture())) {
            throw new IllegalArgumentException("the trained and untrained networks differ in architecture: "
                    + trained.spec().name() + " and " + untrained.spec().name());
        }
        return new Paired(of(trained, order, arch), of(untrained, order, arch));
    }

    /** {@link Paired} on two sets of weights of one architecture, by name as for {@link #of(Architecture, ChannelOrder, Arch, Function)}. */
    public static Paired paired(Architecture a, ChannelOrder order, Arch arch, Function<String, float[]> trained,
                                Function<String, float[]> untrained) {
        return new Paired(of(a, order, arch, trained), of(a, order, arch, untrained));
    }

    private static boolean weighted(Architecture.Layer l) {
        return l.kind() == Architecture.Kind.CONV || l.kind() == Architecture.Kind.DENSE;
    }
}
