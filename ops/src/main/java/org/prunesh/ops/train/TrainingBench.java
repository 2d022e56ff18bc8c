package org.prunesh.ops.train;

import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.adapter.SingletonDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.model.Exclusions;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.prune.MagnitudeScore;
import org.prunesh.ops.prune.MaskSelector;
import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.Selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Training throughput as the trainer runs it (one SameDiff fit per mini-batch, the listener that
 * re-applies masks after every update), dense against masked, on one fixed random batch so that
 * data loading is not measured. One network serves both: blocks of steps alternate between
 * re-applying the masks and not, so that neither drift on a shared machine nor differences
 * between two graph instances (measured up to 7% between identical builds) bias the ratio; each
 * figure is the median over blocks.
 */
public final class TrainingBench {

    /** @param denseImagesPerSecond median over blocks; {@code maskedOverhead} = dense / masked − 1 */
    public record Result(String model, int batch, double sparsity, double denseImagesPerSecond,
                         double maskedImagesPerSecond, double maskedOverhead, int blocks, int stepsPerBlock) {
    }

    private TrainingBench() {
    }

    /**
     * @param net a freshly built network; its masks come from one global magnitude pruning to
     *            {@code sparsity} over the default prunable tensors
     */
    public static Result run(String label, Network net, int batch, double sparsity, int warmup,
                             int blocks, int stepsPerBlock, long seed) {
        DataSet data = randomBatch(net, batch, seed);
        List<String> prunable = Exclusions.DEFAULT.prunable(net.params()).stream().map(ParamInfo::name).toList();
        MaskState masks = MaskState.dense(net, prunable);
        masks.update(MaskSelector.select(masks.tensorStates(net, null), sparsity,
                Selection.of(new MagnitudeScore()), Scope.GLOBAL));
        masks.apply(net);
        Stepper stepper = new Stepper(net, masks);
        stepper.masking = true;
        stepper.steps(data, warmup);
        stepper.masking = false;
        stepper.steps(data, warmup);
        double[] d = new double[blocks];
        double[] m = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            stepper.masking = false;
            d[b] = stepper.steps(data, stepsPerBlock);
            stepper.masking = true;
            m[b] = stepper.steps(data, stepsPerBlock);
        }
        double dense50 = batch * stepsPerBlock / median(d);
        double masked50 = batch * stepsPerBlock / median(m);
        return new Result(label, batch, sparsity, dense50, masked50, dense50 / masked50 - 1, blocks, stepsPerBlock);
    }

    /** Runs fit steps through the trainer's own listener (mask re-application included when masked). */
    private static final class Stepper implements PruningListener.StepHooks {
        private final Network net;
        private final MaskState masks;
        private final PruningListener listener;
        boolean masking;

        Stepper(Network net, MaskState masks) {
            this.net = net;
            this.masks = masks;
            net.graph().setTrainingConfig(new TrainingConfig.Builder()
                    .updater(new SgdMomentum(0.01, 0.9, false))
                    .dataSetFeatureMapping(Network.INPUT).dataSetLabelMapping(Network.LABEL).build());
            this.listener = new PruningListener(this, Set.of(), Network.LOGITS, 0, Set.of(), 0, 0);
        }

        /** Seconds for {@code n} steps. */
        double steps(DataSet data, int n) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) net.graph().fit(new SingletonDataSetIterator(data), 1, listener);
            return (System.nanoTime() - start) / 1e9;
        }

        @Override
        public boolean needsGradientsAt(long step) {
            return false;
        }

        @Override
        public boolean needsWeightsBeforeUpdate() {
            return false;
        }

        @Override
        public void afterStep(long step, double loss, Map<String, INDArray> gradients, Map<String, INDArray> before) {
            if (masking) masks.apply(net);
        }
    }

    private static DataSet randomBatch(Network net, int batch, long seed) {
        long features = Arrays.stream(net.sampleShape()).reduce(1, (a, b) -> a * b);
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.randn(DataType.FLOAT, batch, features);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, net.classes());
        for (int i = 0; i < batch; i++) y.putScalar(i, i % net.classes(), 1f);
        return new DataSet(x, y);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** A plain-text line per result, for the shell. */
    public static String describe(List<Result> results) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-22s %6s %9s %14s %14s %10s", "model", "batch", "sparsity", "dense img/s",
                "masked img/s", "overhead"));
        for (Result r : results) {
            lines.add(String.format("%-22s %6d %8.0f%% %14.1f %14.1f %+9.2f%%", r.model(), r.batch(), 100 * r.sparsity(),
                    r.denseImagesPerSecond(), r.maskedImagesPerSecond(), 100 * r.maskedOverhead()));
        }
        return String.join("\n", lines) + "\n";
    }
}
