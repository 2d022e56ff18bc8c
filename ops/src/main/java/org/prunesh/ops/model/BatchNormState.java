package org.prunesh.ops.model;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Train/eval mode and running statistics of a network's batch-norm layers, PyTorch's semantics:
 * in training mode a layer normalises with its batch statistics and, after each optimizer step,
 * moves {@code running = (1 - momentum) running + momentum batch} (variance unbiased, momentum
 * 0.1); in eval mode it normalises with the running statistics.
 *
 * <p>Mode follows what SameDiff is doing, through a listener installed on the graph: fit and
 * calculateGradients run in training mode, output() in eval mode, so the trainer and evaluator
 * need no calls of their own. {@link #force} pins a mode instead. Running statistics move only
 * at the end of a fit iteration (never in calculateGradients or output()) and when
 * {@link #recalibrate} recomputes them. The graph's batch-norm ops read the mode from one
 * constant, {@link #MODE}: the 0/1 matrix with [mean; var] = MODE · [batch mean; batch var;
 * running mean; running var] (entry (0, 0) is 1 in training mode).
 */
public final class BatchNormState {

    public static final String MODE = "batchnorm.mode";
    public static final double MOMENTUM = 0.1;

    /** AUTO follows the SameDiff operation; TRAIN and EVAL pin the mode. */
    public enum Mode { AUTO, TRAIN, EVAL }

    /**
     * @param spatial elements per channel of one sample (height x width), for the unbiased variance
     */
    public record Layer(String name, long channels, long spatial) {
        public String runningMean() {
            return name + ".running_mean";
        }

        public String runningVar() {
            return name + ".running_var";
        }

        public String batchMean() {
            return name + ".batch_mean";
        }

        public String batchVar() {
            return name + ".batch_var";
        }
    }

    private final SameDiff graph;
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, Layer> byBatchStat = new HashMap<>();
    private final Map<String, INDArray> captured = new HashMap<>();
    private Mode forced = Mode.AUTO;

    BatchNormState(SameDiff graph) {
        this.graph = graph;
    }

    void add(Layer layer) {
        if (layers.isEmpty()) graph.addListeners(new ModeListener());
        layers.add(layer);
        byBatchStat.put(layer.batchMean(), layer);
        byBatchStat.put(layer.batchVar(), layer);
    }

    public List<Layer> layers() {
        return List.copyOf(layers);
    }

    /** Names of the running-statistics constants, in network order; a checkpoint saves these. */
    public List<String> bufferNames() {
        List<String> out = new ArrayList<>();
        for (Layer l : layers) {
            out.add(l.runningMean());
            out.add(l.runningVar());
        }
        return out;
    }

    public void force(Mode mode) {
        forced = mode;
        if (mode != Mode.AUTO) setTraining(mode == Mode.TRAIN);
    }

    public Mode forced() {
        return forced;
    }

    /** True when the graph currently normalises with batch statistics. */
    public boolean training() {
        return !layers.isEmpty() && graph.getArrForVarName(MODE).getDouble(0, 0) == 1.0;
    }

    /** The {@link #MODE} matrix [2, 4] that selects batch (training) or running statistics. */
    static INDArray modeMatrix(boolean training) {
        int batch = training ? 1 : 0, running = 1 - batch;
        return Nd4j.createFromArray(new float[][]{{batch, 0, running, 0}, {0, batch, 0, running}});
    }

    /**
     * Recomputes the running statistics from scratch on {@code inputs} (batches for the
     * {@link Network#INPUT} placeholder) with the weights as they are: each layer's running mean
     * and variance become the averages over the batches of its batch mean and unbiased batch
     * variance, all layers normalising with batch statistics (PyTorch's momentum=None in
     * training mode). Candidate subnets are evaluated after this.
     */
    public void recalibrate(List<INDArray> inputs) {
        if (layers.isEmpty() || inputs.isEmpty()) return;
        Mode before = forced;
        force(Mode.TRAIN);
        try {
            Map<String, INDArray> sums = new HashMap<>();
            String[] names = byBatchStat.keySet().toArray(new String[0]);
            for (INDArray batch : inputs) {
                graph.getSessions().clear();
                Map<String, INDArray> stats = graph.output(Map.of(Network.INPUT, batch), names);
                for (Layer l : layers) {
                    long n = batch.size(0) * l.spatial();
                    double correction = n > 1 ? (double) n / (n - 1) : 1.0;
                    sums.merge(l.runningMean(), stats.get(l.batchMean()).dup(), INDArray::addi);
                    sums.merge(l.runningVar(), stats.get(l.batchVar()).mul(correction), INDArray::addi);
                }
            }
            for (Map.Entry<String, INDArray> e : sums.entrySet()) {
                graph.getArrForVarName(e.getKey()).assign(e.getValue().divi(inputs.size()));
            }
        } finally {
            force(before);
        }
    }

    /**
     * Moves the running statistics by one step from batch statistics: mean and biased variance
     * over {@code perChannel} elements, the variance stored unbiased as PyTorch does.
     */
    private void update(Layer layer, INDArray batchMean, INDArray batchVar, long perChannel) {
        double correction = perChannel > 1 ? (double) perChannel / (perChannel - 1) : 1.0;
        INDArray mean = graph.getArrForVarName(layer.runningMean());
        INDArray var = graph.getArrForVarName(layer.runningVar());
        mean.muli(1 - MOMENTUM).addi(batchMean.mul(MOMENTUM));
        var.muli(1 - MOMENTUM).addi(batchVar.mul(MOMENTUM * correction));
    }

    private void setTraining(boolean training) {
        if (layers.isEmpty()) return;
        graph.getArrForVarName(MODE).assign(modeMatrix(training));
    }

    /** Switches the mode at the start of each SameDiff operation and updates statistics after fit steps. */
    private final class ModeListener extends BaseListener {

        @Override
        public boolean isActive(Operation operation) {
            return true;
        }

        @Override
        public void operationStart(SameDiff sd, Operation op) {
            if (forced == Mode.AUTO) setTraining(op == Operation.TRAINING);
        }

        @Override
        public void iterationStart(SameDiff sd, At at, MultiDataSet data, long etlMs) {
            captured.clear();
        }

        @Override
        public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName,
                                        INDArray activation) {
            if (at.operation() != Operation.TRAINING || !byBatchStat.containsKey(varName)) return;
            // The copy outlives the step, so it is made outside any workspace SameDiff has open.
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                captured.put(varName, activation.dup());
            }
        }

        @Override
        public void iterationDone(SameDiff sd, At at, MultiDataSet data, Loss loss) {
            if (at.operation() != Operation.TRAINING || !training() || data == null) return;
            long batch = data.getFeatures(0).size(0);
            for (Layer l : layers) {
                INDArray mean = captured.get(l.batchMean());
                INDArray var = captured.get(l.batchVar());
                if (mean != null && var != null) update(l, mean, var, batch * l.spatial());
            }
            captured.clear();
        }
    }
}
