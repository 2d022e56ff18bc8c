package org.prunesh.ops.stp;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.Slimming;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Realises a subnet on a {@link Slimming} network by writing its batch-norm channel masks: a
 * channel of a group is off when it is not kept, and every batch norm of a dropped block is off.
 * The weights are never touched, so the full network and its subnets share them.
 */
public final class StpGraph {

    /**
     * Concrete channels of a subnet.
     *
     * @param channels      per channel group, the kept channel indices (ascending)
     * @param droppedBlocks names of the blocks left out
     */
    public record Kept(Map<String, int[]> channels, Set<String> droppedBlocks) {
        public Kept {
            Map<String, int[]> copy = new HashMap<>();
            channels.forEach((k, v) -> copy.put(k, v.clone()));
            channels = Map.copyOf(copy);
            droppedBlocks = Set.copyOf(droppedBlocks);
        }

        /** The full network: every channel of every group, no block dropped. */
        public static Kept full(Architecture a) {
            Map<String, int[]> all = new HashMap<>();
            for (Architecture.ChannelGroup g : a.groups()) {
                int[] idx = new int[(int) g.channels()];
                Arrays.setAll(idx, i -> i);
                all.put(g.name(), idx);
            }
            return new Kept(all, Set.of());
        }

        /**
         * Concrete channels of {@code arch}: each group's top channels by {@code order}; groups
         * whose every producer is in a dropped block are absent.
         */
        public static Kept of(Architecture a, Arch arch, ChannelOrder order) {
            SubnetLayout layout = SubnetLayout.of(a, arch);
            Map<String, int[]> kept = new HashMap<>();
            layout.channels().forEach((group, count) -> kept.put(group, order.keep(group, count)));
            return new Kept(kept, layout.droppedBlocks());
        }

        public int[] channels(String group) {
            return channels.get(group);
        }
    }

    private StpGraph() {
    }

    /** Writes the masks of {@code branch} (0: the network itself) for {@code kept}. */
    public static void apply(Network net, int branch, Kept kept) {
        requireSlimmable(net);
        Architecture a = net.architecture();
        Map<String, String> blockOf = blockOfLayer(a);
        for (Architecture.ChannelGroup g : a.groups()) {
            int[] on = kept.channels(g.name());
            for (String layer : g.producers()) {
                if (a.layer(layer).kind() != Architecture.Kind.NORM) continue;
                float[] mask = new float[(int) g.channels()];
                String block = blockOf.get(layer);
                boolean present = on != null && (block == null || !kept.droppedBlocks().contains(block));
                if (present) for (int c : on) mask[c] = 1f;
                INDArray arr = net.graph().getArrForVarName(Slimming.maskName(branch, layer));
                arr.assign(org.nd4j.linalg.factory.Nd4j.createFromArray(mask));
            }
        }
    }

    /** Every channel on in {@code branch}. */
    public static void reset(Network net, int branch) {
        apply(net, branch, Kept.full(net.architecture()));
    }

    static void requireSlimmable(Network net) {
        if (net.slimming() == null) {
            throw new IllegalArgumentException("network " + net.spec().name() + " was built without channel masks");
        }
    }

    /** Layer name to the name of the block holding it (absent for the stem and classifier). */
    static Map<String, String> blockOfLayer(Architecture a) {
        Map<String, String> out = new HashMap<>();
        for (Architecture.Stage s : a.stages()) {
            for (Architecture.Block b : s.blocks()) for (String l : b.layers()) out.put(l, b.name());
        }
        return out;
    }

    /** The group each layer produces and the group it consumes (null when none). */
    static Map<String, String[]> groupsOfLayer(Architecture a) {
        Map<String, String[]> out = new HashMap<>();
        for (Architecture.Layer l : a.layers()) out.put(l.name(), new String[2]);
        for (Architecture.ChannelGroup g : a.groups()) {
            for (String p : g.producers()) out.get(p)[0] = g.name();
            for (String c : g.consumers()) out.get(c)[1] = g.name();
        }
        return out;
    }
}
