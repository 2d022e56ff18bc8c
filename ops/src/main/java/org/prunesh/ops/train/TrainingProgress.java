package org.prunesh.ops.train;

/**
 * A progress snapshot emitted during training, for a shell to render.
 *
 * @param step       optimizer steps completed so far in this run
 * @param loss       training loss of the last mini-batch
 * @param sparsity   current sparsity over prunable tensors, in [0, 1]
 * @param etaSeconds estimated seconds to the end of training, or -1 when unknown
 */
public record TrainingProgress(String run, int epoch, int epochs, long step, long totalSteps,
                               double loss, double sparsity, double etaSeconds) {
}
