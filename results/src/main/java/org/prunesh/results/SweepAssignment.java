package org.prunesh.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a sweep gave a run, read back from its name: a run inside a sweep is named
 * {@code name[method=fggp,sparsity=0.9,seed=1]} (the executor appends the combination). Outside a
 * sweep the map is empty and {@link #base} is the whole name.
 */
public record SweepAssignment(String base, Map<String, String> values) {

    public SweepAssignment {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static SweepAssignment of(String runName) {
        int open = runName.lastIndexOf('[');
        if (open < 0 || !runName.endsWith("]")) return new SweepAssignment(runName, Map.of());
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : runName.substring(open + 1, runName.length() - 1).split(",")) {
            int eq = part.indexOf('=');
            // Not a combination after all (a user's name with brackets): the name stays whole.
            if (eq <= 0) return new SweepAssignment(runName, Map.of());
            values.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return new SweepAssignment(runName.substring(0, open), values);
    }

    /** The value of {@code key}, or null when the sweep did not set it. */
    public String get(String key) {
        return values.get(key);
    }
}
