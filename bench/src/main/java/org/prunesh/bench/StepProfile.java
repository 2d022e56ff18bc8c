package org.prunesh.bench;

import org.nd4j.linalg.dataset.DataSet;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.train.OpTimes;
import org.prunesh.ops.train.StepRunner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a masked training step's time goes, in milliseconds per step: ours per graph op (wall time
 * of each op's execution on the training thread, {@link OpTimes}) against PyTorch's per-op self CPU
 * time from {@code torch.profiler} (on its calling thread, which is wall time of the op there), the
 * same model, batch, masks and optimizer, one side after the other in one run. Each side also gives
 * its step unprofiled, so that what profiling itself costs shows.
 */
public final class StepProfile {

    /** The rows of a profile: ops by what they compute, then the rest of the step. */
    public enum Part {
        CONVOLUTION("convolution"),
        BATCH_NORM("batch norm (+ReLU)"),
        RELU("ReLU"),
        POOLING("pooling"),
        LINEAR("linear"),
        LOSS("loss"),
        OTHER_OPS("other ops"),
        OPTIMIZER("optimizer update"),
        MASKS("masks re-applied"),
        FRAMEWORK("framework (rest of the step)");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One op name, per step: how often it ran and its milliseconds. */
    public record Op(String name, double calls, double ms) {
    }

    /**
     * One side's step.
     *
     * @param plainMs    a step's milliseconds without profiling
     * @param profiledMs a step's milliseconds while profiled
     * @param parts      milliseconds per step of every part, summing to {@code profiledMs}
     * @param ops        every op name, slowest first (the peer's autograd engine entries included)
     */
    public record Side(double plainMs, double profiledMs, Map<Part, Double> parts, List<Op> ops) {
        public Side {
            parts = java.util.Collections.unmodifiableMap(new EnumMap<>(parts));
            ops = List.copyOf(ops);
        }
    }

    /** @param peer null without a peer's profile */
    public record Result(String model, int batch, double sparsity, int steps, Side ours, Side peer) {
    }

    private StepProfile() {
    }

    /**
     * Ours: warms up ({@code options.warmup()} steps and at least {@link TrainingBench#WARM_SECONDS}, then
     * until the JIT has settled: {@link JitSettle}), then times
     * {@code steps} masked steps with every op timed, alternating step by step with {@code steps}
     * plain ones, so that drift reaches both alike.
     */
    public static Side ours(Network net, TrainingBench.Options options, int steps) {
        DataSet data = TrainingBench.randomBatch(net, options.batch(), options.seed());
        try (StepRunner stepper = TrainingBench.stepper(net, options.sparsity())) {
            stepper.masking(true);
            double warm = stepper.steps(data, options.warmup());
            while (warm < TrainingBench.WARM_SECONDS) warm += stepper.steps(data, 1);
            TrainingBench.settle(stepper, data, options.settle());
            OpTimes times = new OpTimes();
            double plain = 0;
            for (int i = 0; i < steps; i++) {
                stepper.timeOps(times);
                stepper.steps(data, 1);
                stepper.timeOps(null);
                plain += stepper.steps(data, 1);
            }
            return ours(times, plain);
        }
    }

    /**
     * The peer's, set up for the same model: warm-up, then {@code steps} plain steps and {@code steps}
     * under its profiler (started once). A failure or an answer it cannot read is a {@link TorchPeer.Failure}.
     */
    public static Side peer(TorchPeer peer, TrainingBench.Options options, int steps) {
        peer.seconds(options.warmup());
        List<String> answer = peer.profile(steps);
        try {
            return peer(answer, steps);
        } catch (IllegalArgumentException e) {
            throw new TorchPeer.Failure("unreadable profile: " + e.getMessage());
        }
    }

    /** Ours from the op times of {@code times.steps()} steps, which took {@code plainSeconds} unprofiled. */
    static Side ours(OpTimes times, double plainSeconds) {
        int n = times.steps();
        Map<Part, Double> parts = zeros();
        List<Op> ops = new ArrayList<>();
        for (OpTimes.Op op : times.ops().values()) {
            parts.merge(kind(op.name()), ms(op.nanos()) / n, Double::sum);
            ops.add(new Op(op.name(), (double) op.calls() / n, ms(op.nanos()) / n));
        }
        parts.put(Part.OPTIMIZER, ms(times.updateNanos()) / n);
        parts.put(Part.MASKS, ms(times.extraNanos()) / n);
        parts.put(Part.FRAMEWORK, ms(times.aroundNanos() + times.restNanos()) / n);
        return new Side(1000 * plainSeconds / n, ms(times.stepNanos()) / n, parts, slowestFirst(ops));
    }

    /**
     * The peer's answer to {@code profile STEPS}: plain seconds, profiled seconds, then
     * NAME:CALLS:MICROSECONDS per op name over the profiled steps. Names that are not aten ops
     * (the autograd engine's) and whatever the profiler saw no op in count as framework.
     */
    public static Side peer(List<String> words, int steps) {
        if (words.size() < 2) throw new IllegalArgumentException("a profile needs two times, got " + words);
        double plain = Double.parseDouble(words.get(0));
        double profiled = Double.parseDouble(words.get(1));
        Map<Part, Double> parts = zeros();
        List<Op> ops = new ArrayList<>();
        double opsMs = 0;
        for (String word : words.subList(2, words.size())) {
            int second = word.lastIndexOf(':');
            int first = word.lastIndexOf(':', second - 1);
            if (first < 1) throw new IllegalArgumentException("expected NAME:CALLS:MICROSECONDS, got '" + word + "'");
            String name = word.substring(0, first);
            double ms = Double.parseDouble(word.substring(second + 1)) / 1000 / steps;
            opsMs += ms;
            parts.merge(peerKind(name), ms, Double::sum);
            ops.add(new Op(name, Double.parseDouble(word.substring(first + 1, second)) / steps, ms));
        }
        double profiledMs = 1000 * profiled / steps;
        parts.merge(Part.FRAMEWORK, profiledMs - opsMs, Double::sum);
        return new Side(1000 * plain / steps, profiledMs, parts, slowestFirst(ops));
    }

    /** What an op computes, from its name (ours, or an aten op's without its prefix). */
    static Part kind(String op) {
        String name = op.toLowerCase(Locale.ROOT);
        if (name.contains("conv")) return Part.CONVOLUTION;
        if (name.contains("batchnorm") || name.contains("batch_norm")) return Part.BATCH_NORM;
        if (name.contains("relu") || name.equals("threshold_backward") || name.equals("clamp_min")) return Part.RELU;
        if (name.contains("pool")) return Part.POOLING;
        if (name.contains("matmul") || name.contains("mmul") || name.equals("mm") || name.equals("addmm")
                || name.startsWith("xw_plus_b") || name.contains("biasadd") || name.equals("linear")) return Part.LINEAR;
        if (name.contains("softmax") || name.contains("loss") || name.contains("cross_entropy")
                || name.startsWith("nll")) return Part.LOSS;
        return Part.OTHER_OPS;
    }

    /** A peer name: its two scopes, an aten op by {@link #kind}, anything else the autograd engine. */
    static Part peerKind(String name) {
        if (name.equals("optimizer")) return Part.OPTIMIZER;
        if (name.equals("masks")) return Part.MASKS;
        return name.startsWith("aten::") ? kind(name.substring("aten::".length())) : Part.FRAMEWORK;
    }

    private static Map<Part, Double> zeros() {
        Map<Part, Double> parts = new LinkedHashMap<>();
        for (Part p : Part.values()) parts.put(p, 0.0);
        return parts;
    }

    private static List<Op> slowestFirst(List<Op> ops) {
        List<Op> sorted = new ArrayList<>(ops);
        sorted.sort(Comparator.comparingDouble(Op::ms).reversed().thenComparing(Op::name));
        return sorted;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
