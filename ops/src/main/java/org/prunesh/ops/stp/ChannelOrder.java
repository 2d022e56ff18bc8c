package org.prunesh.ops.stp;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.model.Network;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Per channel group, the channel indices from most to least important, so that a width subnet
 * keeps the top of the list. The order is per group, so coupled channels (a residual stream
 * written by several layers) are kept or dropped together: their importance is summed over all
 * the group's producers.
 */
public final class ChannelOrder {

    private final Map<String, int[]> orders;

    /**
     * @param orders per group, a permutation of 0..C-1 from most to least important
     */
    public ChannelOrder(Map<String, int[]> orders) {
        Map<String, int[]> copy = new LinkedHashMap<>();
        orders.forEach((group, order) -> {
            boolean[] seen = new boolean[order.length];
            for (int c : order) {
                if (c < 0 || c >= order.length || seen[c]) {
                    throw new IllegalArgumentException("the order of group " + group + " is not a permutation of 0.."
                            + (order.length - 1) + ": " + Arrays.toString(order));
                }
                seen[c] = true;
            }
            copy.put(group, order.clone());
        });
        this.orders = Collections.unmodifiableMap(copy);
    }

    /** Every group in index order: what a width subnet keeps before any ordering. */
    public static ChannelOrder identity(Architecture a) {
        Map<String, int[]> orders = new LinkedHashMap<>();
        for (Architecture.ChannelGroup g : a.groups()) {
            int[] order = new int[Math.toIntExact(g.channels())];
            for (int c = 0; c < order.length; c++) order[c] = c;
            orders.put(g.name(), order);
        }
        return new ChannelOrder(orders);
    }

    /**
     * Orders every group by importance, descending, ties by lower index first.
     *
     * @param param a parameter's values by name ({@code <layer>.weight}), flattened in row-major
     *              order of the SameDiff layout, where the output channel is the last dimension
     *              (convolutions [kH, kW, in, out], dense layers [in, out], batch norm [C])
     */
    public static ChannelOrder of(Architecture a, Importance importance, Function<String, float[]> param) {
        Map<String, int[]> orders = new LinkedHashMap<>();
        for (Architecture.ChannelGroup g : a.groups()) {
            orders.put(g.name(), descending(scores(a, g, importance, param)));
        }
        return new ChannelOrder(orders);
    }

    /** Orders every group of a network by its current weights. */
    public static ChannelOrder of(Network net, Importance importance) {
        return of(net.architecture(), importance, name -> flat(net.array(name)));
    }

    /** An array's values as floats in row-major order. */
    static float[] flat(INDArray array) {
        INDArray c = array.castTo(DataType.FLOAT).dup('c');
        return c.reshape(c.length()).toFloatVector();
    }

    /** The importance of each channel of a group: the sum over its producers. */
    public static double[] scores(Architecture a, Architecture.ChannelGroup g, Importance importance,
                                  Function<String, float[]> param) {
        double[] score = new double[Math.toIntExact(g.channels())];
        boolean any = false;
        for (String p : g.producers()) {
            Architecture.Kind kind = a.layer(p).kind();
            boolean counts = importance == Importance.BN ? kind == Architecture.Kind.NORM
                    : kind == Architecture.Kind.CONV || kind == Architecture.Kind.DENSE;
            if (!counts) continue;
            float[] w = param.apply(p + ".weight");
            if (w.length % score.length != 0) {
                throw new IllegalArgumentException(p + ".weight has " + w.length + " values, not a multiple of the "
                        + score.length + " channels of group " + g.name());
            }
            // the output channel is the fastest-varying index
            for (int j = 0; j < w.length; j++) score[j % score.length] += Math.abs(w[j]);
            any = true;
        }
        if (!any) {
            throw new IllegalArgumentException("group " + g.name() + " has no "
                    + (importance == Importance.BN ? "batch-norm" : "convolution or dense") + " producer to rank its"
                    + " channels by " + importance);
        }
        return score;
    }

    private static int[] descending(double[] score) {
        return IntStream.range(0, score.length).boxed()
                .sorted((x, y) -> {
                    int c = Double.compare(score[y], score[x]);
                    return c != 0 ? c : Integer.compare(x, y);
                })
                .mapToInt(Integer::intValue).toArray();
    }

    /** A group's channels from most to least important. */
    public int[] order(String group) {
        return require(group).clone();
    }

    /** The {@code count} most important channels of a group, in ascending index order. */
    public int[] keep(String group, long count) {
        int[] order = require(group);
        if (count < 0 || count > order.length) {
            throw new IllegalArgumentException("group " + group + " has " + order.length + " channels, cannot keep "
                    + count);
        }
        int[] kept = Arrays.copyOf(order, (int) count);
        Arrays.sort(kept);
        return kept;
    }

    /** Whether each channel of a group is among the {@code count} kept. */
    public boolean[] keepMask(String group, long count) {
        boolean[] mask = new boolean[require(group).length];
        for (int c : keep(group, count)) mask[c] = true;
        return mask;
    }

    /** The groups ordered, in network order. */
    public Set<String> groups() {
        return orders.keySet();
    }

    private int[] require(String group) {
        int[] order = orders.get(group);
        if (order == null) throw new IllegalArgumentException("no channel order for group " + group);
        return order;
    }
}
