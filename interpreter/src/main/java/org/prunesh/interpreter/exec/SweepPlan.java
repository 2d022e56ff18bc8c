package org.prunesh.interpreter.exec;

import java.util.List;
import java.util.Optional;

/**
 * A sweep expanded into its cells, in the order a local run carries them out. Where the cells
 * run is the executor's business: locally one after another ({@link Executor}), or one per
 * job-array task, each task finding its cell by index.
 */
public record SweepPlan(List<SweepCell> cells) {

    public SweepPlan {
        cells = List.copyOf(cells);
    }

    public int size() {
        return cells.size();
    }

    /** The cell of a job-array index. */
    public SweepCell cell(int index) {
        if (index < 0 || index >= cells.size()) {
            throw new IndexOutOfBoundsException("the sweep has cells 0.." + (cells.size() - 1) + ", not " + index);
        }
        return cells.get(index);
    }

    /** The cell whose label is {@code label} ({@code method=fggp,seed=18}), if any. */
    public Optional<SweepCell> cell(String label) {
        return cells.stream().filter(c -> c.label().equals(label)).findFirst();
    }
}
