package org.prunesh.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.model.Exclusions;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.prune.MagnitudeScore;
import org.prunesh.ops.prune.MaskSelector;
import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.Selection;
import org.prunesh.ops.train.MaskState;
import org.prunesh.ops.train.SgdMomentum;
import org.prunesh.ops.train.StepRunner;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Training throughput as the trainer runs it (its session stepper, one optimizer step per mini-batch,
 * and its listener, which re-applies masks after every update), dense against masked, and optionally against a peer trainer
 * in another process (PyTorch), on one fixed random batch so that data loading is not measured.
 * Ours is timed once HotSpot's JIT has settled ({@link JitSettle}), as in a run of more than a minute.
 *
 * <p>One network serves dense and masked: its steps alternate between re-applying the masks and
 * not, so that neither drift on a shared machine nor differences between two graph instances
 * (measured up to 7% between identical builds) bias the overhead. In each round ours takes a
 * block's steps of each kind, one by one in turn, then the peer takes a block, so drift reaches both
 * alike; each figure is given as min, median and max over rounds. The CPU time each process uses
 * while the other one runs is recorded too: a side that spins while idle would slow the other down
 * on a 2-core machine.
 */
public final class TrainingBench {

    /**
     * @param warmup        steps run (and not timed) per variant before the first block
     * @param blocks        timed blocks per variant
     * @param stepsPerBlock optimizer steps in one block
     * @param settle        how ours then waits for the JIT to settle ({@link JitSettle})
     */
    public record Options(int batch, double sparsity, int warmup, int blocks, int stepsPerBlock, long seed,
                          JitSettle.Limits settle) {
        public Options {
            if (batch < 1 || warmup < 0 || blocks < 1 || stepsPerBlock < 1) {
                throw new IllegalArgumentException("bench needs batch, blocks and steps of at least 1 and warmup of at least 0,"
                        + " got batch " + batch + ", warmup " + warmup + ", blocks " + blocks + ", steps " + stepsPerBlock);
            }
            Objects.requireNonNull(settle, "settle");
            if (!(sparsity >= 0 && sparsity < 1)) {
                throw new IllegalArgumentException("bench sparsity must be in [0, 1), got " + sparsity);
            }
        }
    }

    /**
     * Ours warms up for at least this long besides the warm-up steps: the Java passes (batch norm,
     * optimizer, masks) run ~100x slower until the JIT's C2 compiler has compiled them, which LeNet-5
     * measured alone does not reach in 5 steps (its first blocks ran at half speed).
     */
    public static final double WARM_SECONDS = 5;

    /**
     * Ours' warm-up: seconds in all (steps, {@link #WARM_SECONDS} and the wait for the JIT), how the
     * wait for the JIT ended ({@link JitSettle}), and the JVM's compilation seconds during the timed
     * rounds (both sides' blocks): what is left of the JIT's work in the figures.
     */
    public record WarmUp(double seconds, JitSettle.Outcome jit, double compileSecondsInRounds) {
    }

    /** A trainer in another process that has already built the same model, masks and batch. */
    public interface Peer {
        /** Wall-clock seconds, as the peer measured them, for {@code steps} masked training steps. */
        double seconds(int steps);

        /** CPU seconds the peer's process has used so far (all threads), or NaN when unknown. */
        double cpuSeconds();
    }

    /**
     * CPU cores busy (CPU seconds per wall-clock second) in each process during each side's blocks;
     * NaN where unknown or without a peer.
     */
    public record CpuUse(double oursWhileOurs, double peerWhileOurs, double oursWhilePeer, double peerWhilePeer) {
        static final CpuUse NONE = new CpuUse(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Rates in images per second over blocks (ours: the dense and the masked steps of a round);
     * {@code overhead} is the masking's cost, ours dense over ours masked minus 1, from the median
     * steps of each round ({@link #overhead}), and {@code ratio} ours masked over the peer's, round
     * by round (so that drift on a shared machine cancels in each). The peer's and the ratio are
     * {@link Spread#NONE} without a peer.
     */
    public record Result(String model, int batch, double sparsity, Spread dense, Spread masked, Spread overhead,
                         Spread peer, Spread ratio, CpuUse cpu, int blocks, int stepsPerBlock, WarmUp warmUp) {

        /** The median of the per-round overheads, dense / masked - 1. */
        public double maskedOverhead() {
            return overhead.median();
        }

        public double denseImagesPerSecond() {
            return dense.median();
        }

        public double maskedImagesPerSecond() {
            return masked.median();
        }

        /** The peer's median rate, NaN without a peer. */
        public double peerImagesPerSecond() {
            return peer.median();
        }

        /** The median of the per-round ratios ours masked / peer, NaN without a peer. */
        public double peerRatio() {
            return ratio.median();
        }
    }

    private TrainingBench() {
    }

    /**
     * @param net  a freshly built network; its masks come from one global magnitude pruning to
     *             {@code options.sparsity()} over the default prunable tensors
     * @param peer null to measure ours alone
     */
    public static Result run(String label, Network net, Options options, Peer peer) {
        try (StepRunner stepper = stepper(net, options.sparsity())) {
            return run(label, net, options, peer, stepper);
        }
    }

    private static Result run(String label, Network net, Options options, Peer peer, StepRunner stepper) {
        DataSet data = randomBatch(net, options.batch(), options.seed());
        stepper.masking(true);
        double warm = stepper.steps(data, options.warmup());
        stepper.masking(false);
        warm += stepper.steps(data, options.warmup());
        stepper.masking(true);
        while (warm < WARM_SECONDS) warm += stepper.steps(data, 1);
        LongSupplier compiling = JitSettle.compileClock();
        JitSettle.Outcome jit = settle(stepper, data, options.settle());
        warm += jit.seconds();
        if (stepper.sessionReason() != null) {
            System.err.println("ours: " + label + " takes every step through SameDiff's session (" + stepper.sessionReason() + ")");
        }
        if (peer != null) peer.seconds(options.warmup());

        int blocks = options.blocks();
        double[] dense = new double[blocks];
        double[] masked = new double[blocks];
        double[] peers = new double[blocks];
        CpuMeter ours = new CpuMeter();
        CpuMeter theirs = new CpuMeter();
        double[] overhead = new double[blocks];
        int n = options.stepsPerBlock();
        long compiledBefore = compiling == null ? 0 : compiling.getAsLong();
        for (int b = 0; b < blocks; b++) {
            // Ours' dense and masked steps alternate one by one, and which goes first alternates by
            // round: the masks cost a fraction of a millisecond per step, while whole blocks of each
            // kind in turn let the machine's noise between blocks (+-20% on 8 short steps) decide it.
            boolean maskedFirst = b % 2 == 1;
            double[] denseSteps = new double[n], maskedSteps = new double[n];
            long roundStart = System.nanoTime();
            double oursBefore = ownCpuSeconds();
            double peerBefore = peer == null ? Double.NaN : peer.cpuSeconds();
            for (int i = 0; i < 2 * n; i++) {
                boolean on = maskedFirst == (i % 2 == 0);
                stepper.masking(on);
                (on ? maskedSteps : denseSteps)[i / 2] = stepper.steps(data, 1);
            }
            ours.add(ownCpuSeconds() - oursBefore, peer == null ? Double.NaN : peer.cpuSeconds() - peerBefore,
                    (System.nanoTime() - roundStart) / 1e9);
            dense[b] = Arrays.stream(denseSteps).sum();
            masked[b] = Arrays.stream(maskedSteps).sum();
            overhead[b] = overhead(denseSteps, maskedSteps);
            if (peer != null) {
                long start = System.nanoTime();
                double ourCpu = ownCpuSeconds();
                double peerCpu = peer.cpuSeconds();
                peers[b] = peer.seconds(options.stepsPerBlock());
                theirs.add(ownCpuSeconds() - ourCpu, peer.cpuSeconds() - peerCpu, (System.nanoTime() - start) / 1e9);
            }
        }
        WarmUp warmUp = new WarmUp(warm, jit,
                compiling == null ? Double.NaN : (compiling.getAsLong() - compiledBefore) / 1e3);
        double images = (double) options.batch() * options.stepsPerBlock();
        CpuUse cpu = peer == null ? new CpuUse(ours.own(), Double.NaN, Double.NaN, Double.NaN)
                : new CpuUse(ours.own(), ours.other(), theirs.own(), theirs.other());
        return new Result(label, options.batch(), options.sparsity(), Spread.of(rates(images, dense)),
                Spread.of(rates(images, masked)), Spread.of(overhead),
                peer == null ? Spread.NONE : Spread.of(rates(images, peers)),
                peer == null ? Spread.NONE : Spread.of(ratios(peers, masked)), cpu, blocks, options.stepsPerBlock(), warmUp);
    }

    /** Masked steps until the JIT has settled within {@code limits}; none when the JVM keeps no compilation clock. */
    static JitSettle.Outcome settle(StepRunner stepper, DataSet data, JitSettle.Limits limits) {
        LongSupplier compiling = JitSettle.compileClock();
        if (compiling == null) return JitSettle.Outcome.NONE;
        return JitSettle.run(() -> stepper.steps(data, 1), compiling, limits);
    }

    /**
     * The bench's optimizer (SGD, lr 0.01, momentum 0.9) on {@code net}, whose weights are pruned
     * once by global magnitude to {@code sparsity} over the default prunable tensors; masking off.
     */
    static StepRunner stepper(Network net, double sparsity) {
        List<String> prunable = Exclusions.DEFAULT.prunable(net.params()).stream().map(ParamInfo::name).toList();
        MaskState masks = MaskState.dense(net, prunable);
        masks.update(MaskSelector.select(masks.tensorStates(net, null), sparsity,
                Selection.of(new MagnitudeScore()), Scope.GLOBAL));
        masks.apply(net);
        return new StepRunner(net, masks, new SgdMomentum(0.01, 0.9, false));
    }

    /** Images per second of each block. */
    static double[] rates(double images, double[] seconds) {
        double[] out = new double[seconds.length];
        for (int i = 0; i < seconds.length; i++) out[i] = images / seconds[i];
        return out;
    }

    /**
     * The masking's cost in one round: the median masked step's seconds over the median dense
     * step's, minus 1 (dense rate over masked rate, minus 1). Medians, so that a step a collection
     * or another process delayed does not decide it.
     */
    static double overhead(double[] denseSteps, double[] maskedSteps) {
        return Spread.median(maskedSteps) / Spread.median(denseSteps) - 1;
    }

    /** Ours over the peer's rate, round by round: the peer's seconds over ours, as both ran the same images. */
    static double[] ratios(double[] peerSeconds, double[] oursSeconds) {
        double[] out = new double[oursSeconds.length];
        for (int i = 0; i < oursSeconds.length; i++) out[i] = peerSeconds[i] / oursSeconds[i];
        return out;
    }

    /** Sums CPU seconds of both processes and wall seconds over one side's blocks. */
    private static final class CpuMeter {
        private double own;
        private double other;
        private double wall;

        void add(double ownCpu, double otherCpu, double wallSeconds) {
            own += ownCpu;
            other += otherCpu;
            wall += wallSeconds;
        }

        double own() {
            return own / wall;
        }

        double other() {
            return other / wall;
        }
    }

    /** CPU seconds this JVM has used, all threads (clock-tick resolution on Linux), or NaN. */
    static double ownCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    static DataSet randomBatch(Network net, int batch, long seed) {
        long features = Arrays.stream(net.sampleShape()).reduce(1, (a, b) -> a * b);
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.randn(DataType.FLOAT, batch, features);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, net.classes());
        for (int i = 0; i < batch; i++) y.putScalar(i, i % net.classes(), 1f);
        return new DataSet(x, y);
    }
}
