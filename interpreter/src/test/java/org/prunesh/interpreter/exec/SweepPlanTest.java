package org.prunesh.interpreter.exec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunesh.interpreter.Session;
import org.prunesh.interpreter.SessionConfig;
import org.prunesh.interpreter.SessionListener;
import org.prunesh.ops.prune.ScoreSpec;
import org.prunesh.ops.prune.SelectionSpec;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepPlanTest {

    private static final String SCRIPT = """
            seed 7;
            schedule cubic to 0.5;
            sweep method in [magnitude, taylor], seed in [3, 4] { select method; scope layerwise; }
            """;

    @TempDir
    Path dir;

    private SweepPlan plan() {
        Session session = new Session(new SessionConfig(dir, dir, false), SessionListener.SILENT);
        List<SweepPlan> plans = session.sweeps(SCRIPT, "t.prn");
        assertEquals(1, plans.size());
        return plans.get(0);
    }

    @Test
    void aSweepIsOneCellPerAssignmentFirstVariableOutermost() {
        SweepPlan plan = plan();
        assertEquals(List.of("method=magnitude,seed=3", "method=magnitude,seed=4", "method=taylor,seed=3",
                "method=taylor,seed=4"), plan.cells().stream().map(SweepCell::label).toList());
        assertEquals(List.of(0, 1, 2, 3), plan.cells().stream().map(SweepCell::index).toList());
        assertEquals(List.of(3L, 4L, 3L, 4L), plan.cells().stream().map(SweepCell::seed).toList());
        assertEquals(2, plan.cell("method=taylor,seed=3").orElseThrow().index());
        assertThrows(IndexOutOfBoundsException.class, () -> plan.cell(4));
    }

    @Test
    void aCellRunsOnItsOwnFromTheStateBeforeTheSweep() throws StatementError {
        SweepCell cell = plan().cell(3);
        SessionState before = SessionState.initial().withSeed(7);
        Executor executor = new Executor(dir, dir, List.of(), org.prunesh.interpreter.CellFilter.ALL, false, SessionListener.SILENT);
        SessionState after = executor.runCell(cell, before,
                new Executor.Context("", () -> false, new Executor.Cell(cell.label(), 1)));
        assertEquals(4, after.seed());
        assertEquals(new SelectionSpec(List.of(new SelectionSpec.StageSpec(ScoreSpec.of("taylor"), null))),
                after.pruning().selection());
        assertEquals(org.prunesh.ops.prune.Scope.LAYERWISE, after.pruning().scope());
        assertTrue(before.pruning().selection().equals(SelectionSpec.MAGNITUDE));
    }
}
