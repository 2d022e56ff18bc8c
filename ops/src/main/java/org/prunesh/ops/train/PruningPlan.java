package org.prunesh.ops.train;

import org.prunesh.ops.prune.PruneRequest;
import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.Selection;
import org.prunesh.ops.prune.regrow.RegrowthPlan;
import org.prunesh.ops.schedule.SparsitySchedule;

import java.util.List;

/**
 * What to prune during training, resolved on the run's step clock.
 *
 * @param schedule    when and how far
 * @param request     how: the selection chain, scope, granularity and per-layer density bounds
 * @param prunable    which tensors carry masks
 * @param targetScale the schedule's target is multiplied by this before pruning: 1 when sparsity
 *                    counts prunable weights only, N_all / N_prunable when it counts all parameters
 *                    (the unprunable ones stay dense, so the prunable ones must go further)
 * @param regrowth    prune-and-regrow steps, or null
 * @param init        sparse masks to start from, or null for dense
 */
public record PruningPlan(SparsitySchedule schedule, PruneRequest request, List<String> prunable, double targetScale,
                          RegrowthPlan regrowth, SparseInitSpec init) {

    public PruningPlan {
        prunable = List.copyOf(prunable);
        if (!(targetScale >= 1)) throw new IllegalArgumentException("target scale must be at least 1, got " + targetScale);
    }

    /** Unstructured pruning counted over the prunable weights, no regrowth, dense start. */
    public PruningPlan(SparsitySchedule schedule, Selection selection, Scope scope, List<String> prunable) {
        this(schedule, PruneRequest.of(selection, scope), prunable, 1, null, null);
    }

    public Selection selection() {
        return request.selection();
    }

    /** The sparsity the prunable tensors are brought to at {@code step}. */
    public double prunableTarget(long step) {
        return schedule.targetAt(step) * targetScale;
    }
}
