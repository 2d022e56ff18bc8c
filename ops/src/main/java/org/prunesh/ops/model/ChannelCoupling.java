package org.prunesh.ops.model;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network's {@link Architecture#groups() channel groups} as tensors: for each group, the weights
 * whose output filters are its channels (the producers' convolution and dense weights, output
 * channel last) and the per-channel tensors that follow them (the producers' biases, batch-norm
 * gammas and betas). Channel pruning ranks the weights of a group together; a channel every weight
 * of its group has lost is gone, so its followers are zeroed too (a batch norm after a zeroed
 * filter would otherwise emit the constant beta − gamma·mean/σ), which is what lets the pruned
 * network be cut to a physically smaller one with the same function.
 *
 * @param groups the groups, in the architecture's order
 */
public record ChannelCoupling(List<Group> groups) {

    /**
     * @param weights   producer weights, in forward order
     * @param followers producer biases and norm parameters, in forward order
     */
    public record Group(String name, long channels, List<String> weights, List<String> followers) {
        public Group {
            weights = List.copyOf(weights);
            followers = List.copyOf(followers);
        }
    }

    public ChannelCoupling {
        groups = List.copyOf(groups);
    }

    public static ChannelCoupling of(Network net) {
        return of(net.architecture(), net.params());
    }

    public static ChannelCoupling of(Architecture a, List<ParamInfo> params) {
        Map<String, List<ParamInfo>> byLayer = new HashMap<>();
        for (ParamInfo p : params) byLayer.computeIfAbsent(p.layer(), k -> new ArrayList<>()).add(p);
        List<Group> out = new ArrayList<>();
        for (Architecture.ChannelGroup g : a.groups()) {
            List<String> weights = new ArrayList<>();
            List<String> followers = new ArrayList<>();
            for (String layer : g.producers()) {
                for (ParamInfo p : byLayer.getOrDefault(layer, List.of())) {
                    (p.kind() == ParamKind.WEIGHT ? weights : followers).add(p.name());
                }
            }
            out.add(new Group(g.name(), g.channels(), weights, followers));
        }
        return new ChannelCoupling(out);
    }

    /**
     * Per group, its weights among {@code prunable}, for {@link org.prunesh.ops.prune.PruneRequest#coupledAs}:
     * the group's channels are ranked over the prunable weights only, so when a producer is excluded
     * (say {@code exclude first} on the stem) its channels stay and the group cannot shrink physically.
     */
    public List<List<String>> prunableWeights(Collection<String> prunable) {
        List<List<String>> out = new ArrayList<>();
        for (Group g : groups) {
            List<String> kept = g.weights().stream().filter(prunable::contains).toList();
            if (!kept.isEmpty()) out.add(kept);
        }
        return out;
    }

    /**
     * The channels each group keeps under {@code masks} (weight name to its 0/1 mask; a weight without
     * one is dense): those some weight of the group still has an active element of, ascending. A group
     * that kept none keeps channel 0, whose weights and followers are all zero, so that the network
     * stays connected and computes the same.
     */
    public Map<String, int[]> keptChannels(Map<String, INDArray> masks) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (Group g : groups) {
            boolean[] alive = alive(g, masks);
            int n = 0;
            for (boolean b : alive) if (b) n++;
            int[] kept = new int[Math.max(1, n)];
            int k = 0;
            for (int c = 0; c < alive.length; c++) if (alive[c]) kept[k++] = c;
            out.put(g.name(), kept);
        }
        return out;
    }

    /** Zeroes, in place, every follower entry of a channel no weight of its group keeps. */
    public void zeroFollowers(Network net, Map<String, INDArray> masks) {
        for (Group g : groups) {
            if (g.followers().isEmpty()) continue;
            boolean[] alive = alive(g, masks);
            for (int c = 0; c < alive.length; c++) {
                if (alive[c]) continue;
                for (String f : g.followers()) net.array(f).putScalar(c, 0);
            }
        }
    }

    /** Channel c is alive when a weight of the group has no mask or an active element in filter c. */
    private static boolean[] alive(Group g, Map<String, INDArray> masks) {
        boolean[] alive = new boolean[(int) g.channels()];
        for (String w : g.weights()) {
            INDArray mask = masks.get(w);
            if (mask == null) {
                Arrays.fill(alive, true);
                break;
            }
            INDArray perChannel = mask.reshape('c', -1, g.channels()).max(0);
            for (int c = 0; c < alive.length; c++) alive[c] |= perChannel.getDouble(c) != 0;
        }
        return alive;
    }
}
