package org.prunesh.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every configuration against a baseline, paired by seed: within one setting (the sweep's other
 * variables, e.g. {@code sparsity=0.98,start=dense}), the run of {@code method=magnitude} with seed s
 * is compared with the baseline's run with seed s, and the per-seed differences get a mean and a
 * 95% Student-t interval. Pairing removes what seed s did to both (initialisation, data order), so
 * a difference far smaller than either configuration's spread can still be told from noise.
 *
 * <p>The baseline is a value of one sweep variable ({@code fggp}, or {@code method=fggp} when
 * several variables could hold it); that variable is the factor compared. Only finished runs are
 * paired (an interrupted run's number is not its result). A seed one side lacks is left out of
 * that pair, and the row says so.
 *
 * @param factor   the sweep variable whose values are compared ({@code method})
 * @param baseline its value everything is compared against ({@code fggp})
 * @param rows     one per (setting, other value), settings in the order runs name them
 * @param ranking  mean ranks across settings, for every value of the factor
 */
public record PairedComparison(Metric by, String factor, String baseline, List<Row> rows, Ranking ranking,
                               List<String> notes) {

    /**
     * @param setting     the other sweep variables' values (without seed); empty outside a grid
     * @param seeds       the seeds paired, ascending
     * @param differences value minus baseline per paired seed, in the order of {@code seeds}
     * @param missing     seeds one side has and the other lacks
     */
    public record Row(Map<String, String> setting, String value, List<Long> seeds, List<Double> differences,
                      TInterval interval, List<Long> missing) {
        public Row {
            setting = Collections.unmodifiableMap(new LinkedHashMap<>(setting));
            seeds = List.copyOf(seeds);
            differences = List.copyOf(differences);
            missing = List.copyOf(missing);
        }

        /** {@code sparsity=0.98,start=dense}, or empty. */
        public String settingLabel() {
            return label(setting);
        }
    }

    public PairedComparison {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /**
     * @param baseline {@code VALUE} or {@code VARIABLE=VALUE}
     * @throws IllegalArgumentException when no run has that value, or several variables do
     */
    public static PairedComparison of(List<RunResults> runs, Metric by, String baseline) {
        List<String> notes = new ArrayList<>();
        String factor = factor(runs, baseline);
        String value = baseline.contains("=") ? baseline.substring(baseline.indexOf('=') + 1).strip() : baseline;

        // setting -> factor value -> seed -> metric
        Map<Map<String, String>, Map<String, Map<Long, Double>>> grid = new LinkedHashMap<>();
        for (RunResults r : runs) {
            SweepAssignment a = assignment(r);
            String level = a.get(factor);
            if (level == null) {
                notes.add(r.directoryName() + ": has no " + factor + ", left out");
                continue;
            }
            if (!r.finished()) {
                notes.add(r.directoryName() + ": " + (r.completion() == RunResults.Completion.INTERRUPTED
                        ? "unfinished (running or interrupted)" : r.completion().name().toLowerCase())
                        + ", left out of the pairs");
                continue;
            }
            double v = by.of(r);
            if (Double.isNaN(v)) {
                notes.add(r.directoryName() + ": records no " + by.key() + ", left out");
                continue;
            }
            Map<Long, Double> bySeed = grid.computeIfAbsent(setting(a, factor), k -> new LinkedHashMap<>())
                    .computeIfAbsent(level, k -> new LinkedHashMap<>());
            if (bySeed.putIfAbsent(r.seed(), v) != null) {
                notes.add(r.directoryName() + ": a second run of " + factor + "=" + level + " with seed " + r.seed()
                        + ", left out");
            }
        }

        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Map<String, String>, Map<String, Map<Long, Double>>> cell : grid.entrySet()) {
            Map<Long, Double> base = cell.getValue().get(value);
            if (base == null) {
                if (!cell.getKey().isEmpty()) notes.add(label(cell.getKey()) + ": no run of " + factor + "=" + value);
                continue;
            }
            for (Map.Entry<String, Map<Long, Double>> other : cell.getValue().entrySet()) {
                if (other.getKey().equals(value)) continue;
                rows.add(row(cell.getKey(), other.getKey(), other.getValue(), base));
            }
        }
        for (Row r : rows) {
            if (!r.missing().isEmpty()) {
                notes.add((r.setting().isEmpty() ? "" : r.settingLabel() + ", ") + factor + "=" + r.value()
                        + ": paired on seeds " + r.seeds() + " only (seeds " + r.missing() + " lack one side)");
            }
            if (r.seeds().size() == 1) {
                notes.add((r.setting().isEmpty() ? "" : r.settingLabel() + ", ") + factor + "=" + r.value()
                        + ": one pair, no interval");
            }
        }
        return new PairedComparison(by, factor, value, rows, Ranking.of(means(grid), by.higherIsBetter()), notes);
    }

    private static Row row(Map<String, String> setting, String level, Map<Long, Double> values, Map<Long, Double> base) {
        Set<Long> all = new TreeSet<>(values.keySet());
        all.addAll(base.keySet());
        List<Long> seeds = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        List<Double> differences = new ArrayList<>();
        for (long seed : all) {
            if (values.containsKey(seed) && base.containsKey(seed)) {
                seeds.add(seed);
                differences.add(values.get(seed) - base.get(seed));
            } else {
                missing.add(seed);
            }
        }
        double[] d = differences.stream().mapToDouble(Double::doubleValue).toArray();
        return new Row(setting, level, seeds, differences, TInterval.of(d), missing);
    }

    /** Mean over seeds per (setting, value): what the ranks are taken from. */
    private static Map<Map<String, String>, Map<String, Double>> means(
            Map<Map<String, String>, Map<String, Map<Long, Double>>> grid) {
        Map<Map<String, String>, Map<String, Double>> means = new LinkedHashMap<>();
        grid.forEach((setting, levels) -> {
            Map<String, Double> m = new LinkedHashMap<>();
            levels.forEach((level, bySeed) -> m.put(level,
                    Stat.of(bySeed.values().stream().mapToDouble(Double::doubleValue).toArray()).mean()));
            means.put(setting, m);
        });
        return means;
    }

    /** The sweep variable holding the baseline value; runs outside a sweep are told apart by name. */
    private static String factor(List<RunResults> runs, String baseline) {
        int eq = baseline.indexOf('=');
        if (eq > 0) {
            String key = baseline.substring(0, eq).strip();
            String value = baseline.substring(eq + 1).strip();
            if (runs.stream().noneMatch(r -> value.equals(assignment(r).get(key)))) {
                throw new IllegalArgumentException("no run has " + key + "=" + value);
            }
            return key;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (RunResults r : runs) {
            assignment(r).values().forEach((k, v) -> {
                if (v.equals(baseline) && !k.equals("seed")) keys.add(k);
            });
        }
        if (keys.isEmpty()) throw new IllegalArgumentException("no run has the value '" + baseline + "'; runs have "
                + describe(runs));
        if (keys.size() > 1) throw new IllegalArgumentException("'" + baseline + "' is a value of " + keys
                + "; say which, e.g. " + keys.iterator().next() + "=" + baseline);
        return keys.iterator().next();
    }

    /** A run outside a sweep counts as {@code run=NAME}, so named runs can be compared as well. */
    static SweepAssignment assignment(RunResults r) {
        SweepAssignment a = SweepAssignment.of(r.name());
        if (!a.values().isEmpty()) return a;
        return new SweepAssignment(a.base(), Map.of("run", a.base()));
    }

    private static Map<String, String> setting(SweepAssignment a, String factor) {
        Map<String, String> setting = new LinkedHashMap<>(a.values());
        setting.remove(factor);
        setting.remove("seed");
        return setting;
    }

    static String label(Map<String, String> setting) {
        List<String> parts = new ArrayList<>();
        setting.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(",", parts);
    }

    private static String describe(List<RunResults> runs) {
        Map<String, Set<String>> values = new TreeMap<>();
        for (RunResults r : runs) {
            assignment(r).values().forEach((k, v) -> {
                if (!k.equals("seed")) values.computeIfAbsent(k, x -> new TreeSet<>()).add(v);
            });
        }
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + " in " + v));
        return String.join("; ", parts);
    }
}
