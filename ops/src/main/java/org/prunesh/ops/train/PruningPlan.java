package org.prunesh.ops.train;

import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.Selection;
import org.prunesh.ops.schedule.SparsitySchedule;

import java.util.List;

/** What to prune during training: when and how far (schedule), how (selection, scope), and what. */
public record PruningPlan(SparsitySchedule schedule, Selection selection, Scope scope, List<String> prunable) {

    public PruningPlan {
        prunable = List.copyOf(prunable);
    }
}
