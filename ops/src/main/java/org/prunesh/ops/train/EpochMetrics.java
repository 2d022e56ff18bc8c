package org.prunesh.ops.train;

/**
 * What one finished epoch measured; one line of {@code metrics.jsonl}.
 *
 * @param epoch    1-based
 * @param sparsity over prunable tensors, from the masks
 */
public record EpochMetrics(int epoch, long step, double trainLoss, double testLoss, double testAccuracy,
                           double sparsity, double lr, double seconds) {
}
