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
 * update. Per-step work on non-pruning steps is one multiply per masked tensor (and one
 * in-place multiply-add per decayed tensor).
 */
final class PruningListener extends BaseListener {

    private static final String GRAD_SUFFIX = "-grad";

    /**
     * The loss handed to {@link StepHooks#afterStep} when the step's logits were not seen. Cross-entropy
     * is never −∞ (non-finite logits make it NaN or +∞), so this cannot be mistaken for a measured loss.
     */
    static final double UNMEASURED = Double.NEGATIVE_INFINITY;

    private final StepHooks hooks;
    private final Set<String> wanted;
    private final Map<String, String> decayed = new HashMap<>();
    private final double weightDecay;
    private final Map<String, INDArray> captured = new HashMap<>();
    private final Map<String, INDArray> weightsBefore = new HashMap<>();
    private final String logitsName;
    private final double labelSmoothing;
    private boolean capturing;
    private double lastLoss = UNMEASURED;
    private long step;

    /** What the trainer does at each point; kept separate so the listener stays mechanical. */
    interface StepHooks {
        boolean needsGradientsAt(long step);

        /** Whether, with the gradients, the weights as they were before the update are wanted. */
        boolean needsWeightsBeforeUpdate();

        /**
         * After the update that completed {@code step}; {@code loss} is its mini-batch loss (NaN or +∞ if
         * it diverged, {@link #UNMEASURED} if the logits were not seen), gradients are those of its
         * mini-batch, {@code before} the weights they were computed at (each null unless asked for).
         */
        void afterStep(long step, double loss, Map<String, INDArray> gradients, Map<String, INDArray> before);
    }

    PruningListener(StepHooks hooks, Set<String> gradientOf, String logitsName, double labelSmoothing,
                    Set<String> decayedParams, double weightDecay, long startStep) {
        this.hooks = hooks;
        this.logitsName = logitsName;
        this.labelSmoothing = labelSmoothing;
        this.wanted = new HashSet<>();
        for (String name : gradientOf) wanted.add(name + GRAD_SUFFIX);
        this.weightDecay = weightDecay;
        if (weightDecay > 0) for (String name : decayedParams) decayed.put(name + GRAD_SUFFIX, name);
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
        lastLoss = UNMEASURED;
        captured.clear();
        weightsBefore.clear();
    }

    @Override
    public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op,
                                    String varName, INDArray activation) {
        // M2.1's training pass never runs the forward loss op (its fused gradient does not need it)
        // and hands iterationDone an empty Loss, so the batch loss is computed from the logits.
        if (varName.equals(logitsName)) lastLoss = crossEntropy(activation, batch.getLabels(0), labelSmoothing);
        if (capturing && wanted.contains(varName)) {
            // The copy must outlive the step, so it is made outside any workspace SameDiff has open.
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                String param = varName.substring(0, varName.length() - GRAD_SUFFIX.length());
                captured.put(param, activation.dup());
                // a parameter's update follows its gradient, so it still holds the pre-update value here
                if (hooks.needsWeightsBeforeUpdate()) weightsBefore.put(param, sd.getVariable(param).getArr().dup());
            }
        }
        // Weight decay in PyTorch's form (g + wd*w before the optimizer), added to the raw gradient
        // in place: SameDiff's own l2 would decay every tensor, biases and norm scales included.
        String param = decayed.get(varName);
        if (param != null) InPlace.addScaled(activation, sd.getVariable(param).getArr(), weightDecay);
    }

    /** Mean softmax cross-entropy against labels smoothed as SameDiff does: (1-e)y + e/K. */
    static double crossEntropy(INDArray logits, INDArray labels, double smoothing) {
        float[] z = logits.dup('c').data().asFloat();
        float[] y = labels.dup('c').data().asFloat();
        int k = (int) logits.size(1);
        int n = (int) logits.size(0);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double lse = Evaluator.logSumExp(z, i * k, k);
            for (int j = 0; j < k; j++) {
                double target = (1 - smoothing) * y[i * k + j] + smoothing / k;
                if (target != 0) sum += target * (lse - z[i * k + j]);
            }
        }
        return sum / n;
    }

    @Override
    public void iterationDone(SameDiff sd, At at, MultiDataSet data, Loss loss) {
        step++;
        hooks.afterStep(step, lastLoss, capturing ? new HashMap<>(captured) : null,
                capturing && hooks.needsWeightsBeforeUpdate() ? new HashMap<>(weightsBefore) : null);
        capturing = false;
        captured.clear();
        weightsBefore.clear();
    }
}
