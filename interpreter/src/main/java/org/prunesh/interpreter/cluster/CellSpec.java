package org.prunesh.interpreter.cluster;

import java.util.List;

/**
 * One cell of a sweep: the statements before the sweep plus one assignment of its variables.
 *
 * @param index    position in the sweep's order (first variable outermost), the job array index
 * @param label    the assignment as run names show it: {@code method=fggp,seed=1}
 * @param runNames the runs the cell writes, in order: {@code cmp[method=fggp,seed=1]}
 */
public record CellSpec(int index, String label, List<String> runNames) {

    public CellSpec {
        runNames = List.copyOf(runNames);
    }
}
