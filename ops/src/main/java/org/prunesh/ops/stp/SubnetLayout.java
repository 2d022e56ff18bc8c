package org.prunesh.ops.stp;

import org.prunesh.ops.model.Architecture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a sub-network: channels kept per group, blocks dropped, and the layers left with
 * their channel counts, from which MACs and parameters are counted as for the full network.
 *
 * <p>A group named {@code <stage>.stream} keeps the fraction {@code width[s]} of its channels; a
 * group whose producers all belong to one block (a block's internal group) keeps that block's
 * {@code inner} fraction; any other group (ResNet-50's stem) is kept whole. A layer's output
 * channels are those of the group it produces, its input channels those of the group it consumes
 * (times the positions a dense layer after a flatten reads per channel); the layers of dropped
 * blocks are absent, as are the groups all of whose producers are.
 *
 * @param channels      kept channels per group present in the subnet, in the network's group order
 * @param droppedBlocks names of the dropped blocks, in forward order
 * @param layers        the subnet's layers in forward order, with the full network's indices and
 *                      the subnet's channel counts
 * @param macs          multiply-accumulates per sample, as {@link Architecture.Layer#macs()}
 * @param params        parameters: convolutions k·k·in·out (no bias, as in the batch-norm
 *                      networks), dense layers in·out + out, batch norms 2·channels
 * @param fullMacs      the full network's MACs
 */
public record SubnetLayout(Arch arch, Map<String, Long> channels, Set<String> droppedBlocks,
                           List<Architecture.Layer> layers, long macs, long params, long fullMacs) {

    public SubnetLayout {
        channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
        droppedBlocks = Collections.unmodifiableSet(new LinkedHashSet<>(droppedBlocks));
        layers = List.copyOf(layers);
    }

    /** Channels kept of a group of {@code channels} at a fraction: max(1, round(f·C)), half up. */
    public static long keptCount(long channels, double fraction) {
        return Math.max(1, Math.round(fraction * channels));
    }

    public static SubnetLayout of(Architecture a, Arch arch) {
        arch.requireFits(a);
        Map<String, Integer> blockOfLayer = new HashMap<>();
        Set<String> dropped = new LinkedHashSet<>();
        Set<String> droppedLayers = new HashSet<>();
        int i = 0;
        for (int s = 0; s < a.stages().size(); s++) {
            List<Architecture.Block> blocks = a.stages().get(s).blocks();
            for (int b = 0; b < blocks.size(); b++, i++) {
                Architecture.Block block = blocks.get(b);
                for (String layer : block.layers()) blockOfLayer.put(layer, i);
                if (b >= arch.depth().get(s)) {
                    dropped.add(block.name());
                    droppedLayers.addAll(block.layers());
                }
            }
        }

        Map<String, Long> kept = new LinkedHashMap<>();
        Map<String, Long> producedBy = new HashMap<>();
        Map<String, Architecture.ChannelGroup> consumedBy = new HashMap<>();
        for (Architecture.ChannelGroup g : a.groups()) {
            if (droppedLayers.containsAll(g.producers())) continue;
            long count = keptCount(g.channels(), fraction(a, arch, g, blockOfLayer));
            kept.put(g.name(), count);
            for (String p : g.producers()) producedBy.put(p, count);
            for (String c : g.consumers()) consumedBy.put(c, g);
        }

        List<Architecture.Layer> layers = new ArrayList<>();
        long macs = 0, params = 0;
        for (Architecture.Layer l : a.layers()) {
            if (droppedLayers.contains(l.name())) continue;
            long out = producedBy.getOrDefault(l.name(), l.outChannels());
            long in;
            if (l.kind() == Architecture.Kind.NORM) {
                in = out;
            } else {
                Architecture.ChannelGroup g = consumedBy.get(l.name());
                // a dense layer after a flatten reads each channel inChannels / C times
                in = g == null ? l.inChannels() : kept.get(g.name()) * (l.inChannels() / g.channels());
            }
            Architecture.Layer sub = new Architecture.Layer(l.name(), l.kind(), l.index(), in, out, l.kernel(),
                    l.stride(), l.inHeight(), l.inWidth(), l.outHeight(), l.outWidth());
            layers.add(sub);
            macs += sub.macs();
            params += switch (l.kind()) {
                case CONV -> (long) l.kernel() * l.kernel() * in * out;
                case DENSE -> in * out + out;
                case NORM -> 2 * out;
            };
        }
        return new SubnetLayout(arch, kept, dropped, layers, macs, params, a.macs());
    }

    /** The fraction of a group an arch keeps (see the class comment). */
    private static double fraction(Architecture a, Arch arch, Architecture.ChannelGroup g,
                                   Map<String, Integer> blockOfLayer) {
        for (int s = 0; s < a.stages().size(); s++) {
            if (g.name().equals(a.stages().get(s).name() + ".stream")) return arch.width().get(s);
        }
        Integer block = null;
        for (String p : g.producers()) {
            Integer b = blockOfLayer.get(p);
            if (b == null || (block != null && !block.equals(b))) return 1.0;
            block = b;
        }
        return block == null ? 1.0 : arch.inner().get(block);
    }

    /** Subnet MACs over full-network MACs. */
    public double macsFraction() {
        return (double) macs / fullMacs;
    }

    /** Kept channels of a group present in the subnet. */
    public long channels(String group) {
        Long c = channels.get(group);
        if (c == null) throw new IllegalArgumentException("group " + group + " is not in the subnet of " + arch);
        return c;
    }

    /** Whether a layer of the full network is part of the subnet. */
    public boolean contains(String layer) {
        for (Architecture.Layer l : layers) if (l.name().equals(layer)) return true;
        return false;
    }

    /** A layer of the subnet with its subnet channel counts. */
    public Architecture.Layer layer(String name) {
        for (Architecture.Layer l : layers) if (l.name().equals(name)) return l;
        throw new IllegalArgumentException("layer " + name + " is not in the subnet of " + arch);
    }
}
