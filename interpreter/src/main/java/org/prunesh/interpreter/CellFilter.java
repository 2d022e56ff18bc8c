package org.prunesh.interpreter;

import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.SweepVar;
import org.prunesh.interpreter.ast.Sweeps;
import org.prunesh.interpreter.ast.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A slice of a sweep chosen on the command line ({@code --only method=fggp,gmp_global}): a cell
 * runs when, for every variable named here that the cell has, its value is one of those listed.
 * The script is not edited, so run names, configurations and cell indices are the whole sweep's:
 * the slice's runs are the ones the whole sweep takes from disk later.
 *
 * @param values variable -> the values kept, in the order given; empty keeps every cell
 */
public record CellFilter(Map<String, List<String>> values) {

    public static final CellFilter ALL = new CellFilter(Map.of());

    public CellFilter {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * From {@code VAR=V1,V2,...} arguments; a variable given twice keeps the values of both.
     *
     * @throws IllegalArgumentException naming the argument that is not of that form
     */
    public static CellFilter parse(List<String> arguments) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String argument : arguments) {
            int eq = argument.indexOf('=');
            String name = eq < 0 ? "" : argument.substring(0, eq).trim();
            List<String> listed = new ArrayList<>();
            if (eq >= 0) {
                for (String v : argument.substring(eq + 1).split(",", -1)) listed.add(v.trim());
            }
            if (name.isEmpty() || listed.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("--only '" + argument + "': expected VARIABLE=VALUE[,VALUE...], "
                        + "for example method=fggp,gmp_global");
            }
            Set<String> merged = new LinkedHashSet<>(values.getOrDefault(name, List.of()));
            merged.addAll(listed);
            values.put(name, new ArrayList<>(merged));
        }
        return new CellFilter(values);
    }

    public boolean keepsAll() {
        return values.isEmpty();
    }

    /** Whether the cell with these variable values runs. */
    public boolean admits(Map<String, String> cell) {
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            String value = cell.get(e.getKey());
            if (value != null && !e.getValue().contains(value)) return false;
        }
        return true;
    }

    /** A sweep assignment's values as text, as {@link #admits} and run names read them. */
    public static Map<String, String> texts(Map<String, Value> assignment) {
        Map<String, String> out = new LinkedHashMap<>();
        assignment.forEach((k, v) -> out.put(k, Sweeps.text(v)));
        return out;
    }

    /**
     * What this filter names that the script's sweeps do not have (a variable no sweep varies, a
     * value a variable never takes), one sentence each; empty when it fits. A filter with nothing
     * to filter (no sweep) is an error too: the user meant a sweep.
     */
    public List<String> problems(List<Stmt.Sweep> sweeps) {
        List<String> out = new ArrayList<>();
        if (keepsAll()) return out;
        if (sweeps.isEmpty()) {
            out.add("--only selects cells of a sweep, and the script has none");
            return out;
        }
        Map<String, Set<String>> known = new LinkedHashMap<>();
        for (Stmt.Sweep sweep : sweeps) {
            for (SweepVar v : sweep.vars()) {
                Set<String> taken = known.computeIfAbsent(v.name().text(), k -> new LinkedHashSet<>());
                for (Value value : v.values()) taken.add(Sweeps.text(value));
            }
        }
        values.forEach((name, listed) -> {
            Set<String> taken = known.get(name);
            if (taken == null) {
                out.add("--only " + name + ": the sweep varies " + String.join(", ", known.keySet()) + ", not " + name);
                return;
            }
            for (String v : listed) {
                if (!taken.contains(v)) {
                    out.add("--only " + name + "=" + v + ": the sweep's " + name + " takes " + String.join(", ", taken));
                }
            }
        });
        return out;
    }
}
