package org.prunesh.ops.train;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.dataset.api.MultiDataSet;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Runs inside the trainer's {@code fit} calls: counts optimizer steps, copies the raw mini-batch
 * gradients only when the step about to finish is a pruning step (they are overwritten in place
 * by the optimizer right after), prunes after that update, and re-applies the masks after every
 * update. Per-step work on non-pruning steps is one multiply per masked tensor.
 */
final class PruningListener extends BaseListener {

    private static final String GRAD_SUFFIX = "-grad";

    private final StepHooks hooks;
    private final Set<String> wanted;
    private final Map<String, INDArray> captured = new HashMap<>();
    private final String lossName;
    private boolean capturing;
    private double lastLoss = Double.NaN;
    private long step;

    /** What the trainer does at each point; kept separate so the listener stays mechanical. */
    interface StepHooks {
        boolean needsGradientsAt(long step);

        /** After the update that completed {@code step}; gradients are those of its mini-batch. */
        void afterStep(long step, double loss, Map<String, INDArray> gradients);
    }

    PruningListener(StepHooks hooks, Set<String> gradientOf, String lossName, long startStep) {
        this.hooks = hooks;
        this.lossName = lossName;
        this.wanted = new HashSet<>();
        for (String name : gradientOf) wanted.add(name + GRAD_SUFFIX);
        this.step = startStep;
    }

    long step() {
        return step;
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void iterationStart(SameDiff sd, At at, MultiDataSet data, long etlMs) {
        capturing = hooks.needsGradientsAt(step + 1);
        captured.clear();
    }

    @Override
    public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op,
                                    String varName, INDArray activation) {
        // The Loss handed to iterationDone is empty in M2.1, so the loss is read where it is computed.
        if (varName.equals(lossName)) lastLoss = activation.getDouble(0);
        if (capturing && wanted.contains(varName)) {
            // The copy must outlive the step, so it is made outside any workspace SameDiff has open.
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                captured.put(varName.substring(0, varName.length() - GRAD_SUFFIX.length()), activation.dup());
            }
        }
    }

    @Override
    public void iterationDone(SameDiff sd, At at, MultiDataSet data, Loss loss) {
        step++;
        hooks.afterStep(step, lastLoss, capturing ? new HashMap<>(captured) : null);
        capturing = false;
        captured.clear();
    }
}
