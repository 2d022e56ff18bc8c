package org.prunesh.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cell of a sweep: the statements before the sweep plus one assignment of its variables.
 *
 * @param index    position in the sweep's order (first variable outermost), the job array index
 * @param label    the assignment as run names show it: {@code method=fggp,seed=1}
 * @param runNames the runs the cell writes, in order: {@code cmp[method=fggp,seed=1]}
 * @param values   the assignment as variable -> value (what {@code --only} selects on); empty when
 *                 read back from a submission, where only index and label are kept
 */
public record CellSpec(int index, String label, List<String> runNames, Map<String, String> values) {

    public CellSpec {
        runNames = List.copyOf(runNames);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public CellSpec(int index, String label, List<String> runNames) {
        this(index, label, runNames, Map.of());
    }
}
