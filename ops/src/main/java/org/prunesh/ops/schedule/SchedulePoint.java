package org.prunesh.ops.schedule;

/**
 * One pruning step of a resolved schedule, as {@code show schedule} prints it.
 *
 * @param step   optimizer updates completed when the masks are updated
 * @param epoch  the same time in epochs
 * @param target sparsity the prunable weights are brought to at this step
 */
public record SchedulePoint(long step, double epoch, double target) {
}
