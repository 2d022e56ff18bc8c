package org.prunesh.interpreter.exec;

import java.util.List;
import java.util.Map;

/**
 * One assignment of a sweep's variables with its body resolved for it. A cell starts from the
 * settings the statements before the sweep left (its own seed when the sweep varies {@code seed}),
 * so that it can be carried out on its own: a job-array task runs the script's statements before
 * the sweep, then {@link Executor#runCell} for its {@link #index}.
 *
 * @param index the cell's place in the sweep, from 0, in the order the sweep runs them (the first
 *              variable outermost); stable for a given script, so usable as a job-array index
 * @param label how the cell reads in run names, {@code method=fggp,seed=18}
 * @param values the same as variable -> value, what {@code --only} filters on
 * @param seed  the cell's seed, or null when the sweep does not vary it
 * @param body  the sweep's body with the cell's values in place, resolved
 */
public record SweepCell(int index, String label, Map<String, String> values, Long seed, List<Step> body) {

    public SweepCell {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        body = List.copyOf(body);
    }

    /** The settings the cell starts from: those before the sweep, with the cell's seed. */
    public SessionState start(SessionState beforeSweep) {
        return seed == null ? beforeSweep : beforeSweep.withSeed(seed);
    }
}
