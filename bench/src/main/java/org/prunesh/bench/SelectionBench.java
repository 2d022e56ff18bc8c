package org.prunesh.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.model.Exclusions;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.prune.GradientScore;
import org.prunesh.ops.prune.MagnitudeScore;
import org.prunesh.ops.prune.MaskSelector;
import org.prunesh.ops.prune.PruneRequest;
import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.Selection;
import org.prunesh.ops.prune.SelectionContext;
import org.prunesh.ops.prune.TensorState;
import org.prunesh.ops.train.MaskState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of one FGGP pruning step (gradient ratio 0.5 then magnitude, global scope, from dense
 * masks) on a network's prunable tensors with their weights and random gradients, against one
 * streaming pass over the same weights and gradients (the sum of |w| + |g|): the least any
 * selection must read. Two figures: {@link MaskSelector#select} alone on the flattened arrays,
 * and the whole pruning step as the trainer's driver takes it (arrays copied out of the network,
 * selection, masks written back). Repeats interleave the three and report medians, after untimed
 * rounds that let the JIT compile the passes (the first selection of a JVM takes over a second,
 * which it reports apart): the training bench warms up the same way.
 */
public final class SelectionBench {

    /** FGGP's chain as issue 7 times it. */
    public static final Selection FGGP = Selection.of(new GradientScore(), 0.5, new MagnitudeScore());

    /**
     * Untimed rounds run for at least this long, and at least {@link #WARM_ROUNDS} of them, before
     * the timed ones: the first rounds of a JVM take over a second each.
     */
    public static final double WARM_SECONDS = 3;
    static final int WARM_ROUNDS = 5;

    /**
     * @param pruned             weights the selection pruned (a check that it did the whole job)
     * @param firstSelectSeconds the JVM's first selection, before the JIT compiled it
     * @param warmups            untimed rounds before the timed ones
     */
    public record Result(long parameters, int tensors, double target, long pruned, double selectSeconds,
                         double stepSeconds, double passSeconds, int repeats, double firstSelectSeconds, int warmups) {
        /** Selection time over the streaming pass's. */
        public double selectRatio() {
            return selectSeconds / passSeconds;
        }

        /** Whole pruning step over the streaming pass. */
        public double stepRatio() {
            return stepSeconds / passSeconds;
        }
    }

    private SelectionBench() {
    }

    /**
     * ResNet-50 (CIFAR stem, 3x32x32 inputs) with a 1000-class classifier: 25.5 M parameters, the
     * ImageNet model's count, whose tensors give the selection its realistic sizes.
     */
    public static Network resnet50(long seed) {
        return Models.build(new ModelSpec.ResNet50(1), new long[]{3, 32, 32}, 1000, seed, 0);
    }

    /**
     * @param net         whose default prunable tensors (weights, not biases or norms) are ranked, at their current values
     * @param target      sparsity the step prunes to, from dense
     * @param warmSeconds how long untimed rounds run first (0: none)
     */
    public static Result run(Network net, double target, int repeats, double warmSeconds, long seed) {
        if (repeats < 1) throw new IllegalArgumentException("selection bench needs at least 1 repeat, got " + repeats);
        List<String> names = Exclusions.DEFAULT.prunable(net.params()).stream().map(ParamInfo::name).toList();
        Nd4j.getRandom().setSeed(seed);
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        for (String name : names) gradients.put(name, Nd4j.randn(DataType.FLOAT, net.array(name).shape()));
        List<TensorState> states = MaskState.dense(net, names).tensorStates(net, gradients);
        PruneRequest request = PruneRequest.of(FGGP, Scope.GLOBAL);

        double[] select = new double[repeats];
        double[] step = new double[repeats];
        double[] pass = new double[repeats];
        double first = Double.NaN;
        int warmups = 0;
        long warmEnd = System.nanoTime() + (long) (warmSeconds * 1e9);
        while (warmSeconds > 0 && (System.nanoTime() < warmEnd || warmups < WARM_ROUNDS)) {
            Round round = round(net, names, gradients, states, target, request);
            if (warmups++ == 0) first = round.select();
        }
        long pruned = 0;
        for (int r = 0; r < repeats; r++) {
            Round round = round(net, names, gradients, states, target, request);
            pass[r] = round.pass();
            select[r] = round.select();
            step[r] = round.step();
            pruned = round.pruned();
            if (Double.isNaN(first)) first = select[r];
        }
        long parameters = states.stream().mapToLong(TensorState::size).sum();
        return new Result(parameters, states.size(), target, pruned, Spread.median(select),
                Spread.median(step), Spread.median(pass), repeats, first, warmups);
    }

    /** Seconds of one round's pass, selection and pruning step, and the weights the selection pruned. */
    private record Round(double pass, double select, double step, long pruned) {
    }

    private static Round round(Network net, List<String> names, Map<String, INDArray> gradients,
                                  List<TensorState> states, double target, PruneRequest request) {
        long start = System.nanoTime();
        double sum = streamingPass(states);
        double pass = seconds(start);
        if (Double.isNaN(sum)) throw new IllegalStateException("weights or gradients hold NaN");

        start = System.nanoTime();
        Map<String, boolean[]> masks = MaskSelector.select(states, target, request, SelectionContext.START);
        double select = seconds(start);

        MaskState fresh = MaskState.dense(net, names);
        start = System.nanoTime();
        fresh.update(MaskSelector.select(fresh.tensorStates(net, gradients), target, request, SelectionContext.START));
        return new Round(pass, select, seconds(start), inactive(masks));
    }

    /**
     * Sum of |w| + |g| over every element: one read of both arrays. Four accumulators so that the
     * pass is bound by memory, not by the latency of one chain of additions.
     */
    static double streamingPass(List<TensorState> states) {
        double a = 0, b = 0, c = 0, d = 0;
        for (TensorState t : states) {
            float[] w = t.weights();
            float[] g = t.gradients();
            int n = w.length;
            int i = 0;
            for (; i + 3 < n; i += 4) {
                a += Math.abs(w[i]) + Math.abs(g[i]);
                b += Math.abs(w[i + 1]) + Math.abs(g[i + 1]);
                c += Math.abs(w[i + 2]) + Math.abs(g[i + 2]);
                d += Math.abs(w[i + 3]) + Math.abs(g[i + 3]);
            }
            for (; i < n; i++) a += Math.abs(w[i]) + Math.abs(g[i]);
        }
        return a + b + c + d;
    }

    private static long inactive(Map<String, boolean[]> masks) {
        long n = 0;
        for (boolean[] m : masks.values()) {
            for (boolean keep : m) if (!keep) n++;
        }
        return n;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
