package org.prunesh.ops.stp;

import org.prunesh.ops.model.Network;
import org.prunesh.ops.train.StepHook;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chooses, before every optimizer step, the subnets that the {@link org.prunesh.ops.model.Slimming}
 * branches of the network train on: {@code sampler} draws an architecture per branch (uniformly
 * from the space, or by mutating expansion), realised with the first channels of a
 * {@link ChannelOrder} that the {@link WidthOrder} fixes or re-ranks from the weights. The draw of
 * step t depends only on the seed and t, and the sampler's frontier and the channel order are
 * checkpointed, so a resumed run samples what the uninterrupted one would have.
 */
public final class StimulativeTraining implements StepHook {

    private static final String ORDER = "stp.order/";
    private static final String SAMPLER = "stp.sampler";

    private final Network net;
    private final SubnetSampler sampler;
    private final WidthOrder widthOrder;
    private final long seed;
    private ChannelOrder order;

    /** Channels re-ranked by {@code importance} every {@code refreshSteps}. */
    public StimulativeTraining(Network net, SubnetSampler sampler, Importance importance, long refreshSteps, long seed) {
        this(net, sampler, new WidthOrder.Reranked(importance, refreshSteps), seed);
    }

    public StimulativeTraining(Network net, SubnetSampler sampler, WidthOrder widthOrder, long seed) {
        StpGraph.requireSlimmable(net);
        if (net.slimming().subnets() < 1) throw new IllegalArgumentException("the network has no subnet branches");
        this.net = net;
        this.sampler = sampler;
        this.widthOrder = widthOrder;
        this.seed = seed;
    }

    @Override
    public void beforeStep(long step, long totalSteps) {
        if (order == null) order = widthOrder.initial(net);
        else if (widthOrder.rerankAt(step)) order = widthOrder.rank(net);
        double progress = totalSteps == 0 ? 1 : (double) step / totalSteps;
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
        for (int k = 1; k <= net.slimming().subnets(); k++) {
            Arch arch = sampler.next(progress, rng);
            StpGraph.apply(net, k, StpGraph.Kept.of(net.architecture(), arch, order));
        }
    }

    /** Channel importance reads the weights only for the first order and at re-ranking steps. */
    @Override
    public boolean readsWeightsAt(long step) {
        return order == null || widthOrder.rerankAt(step);
    }

    /** The channel order the subnets were last trained with (what search and extraction should use). */
    public ChannelOrder order() {
        return order != null ? order : widthOrder.initial(net);
    }

    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> out = new LinkedHashMap<>();
        out.put(SAMPLER, sampler.state());
        if (order != null) {
            for (String g : order.groups()) {
                int[] o = order.order(g);
                double[] d = new double[o.length];
                for (int i = 0; i < o.length; i++) d[i] = o[i];
                out.put(ORDER + g, d);
            }
        }
        return out;
    }

    @Override
    public void restore(Map<String, double[]> saved) {
        if (saved.containsKey(SAMPLER)) sampler.restore(saved.get(SAMPLER));
        Map<String, int[]> orders = new HashMap<>();
        saved.forEach((k, v) -> {
            if (!k.startsWith(ORDER)) return;
            int[] o = new int[v.length];
            for (int i = 0; i < v.length; i++) o[i] = (int) v[i];
            orders.put(k.substring(ORDER.length()), o);
        });
        if (!orders.isEmpty()) order = new ChannelOrder(orders);
    }
}
