package org.prunesh.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs grouped into configurations (equal {@link Settings}: they differ by seed only), each with
 * the mean and standard deviation of every {@link Metric} over its runs, best first by {@code by}.
 *
 * @param differing the setting keys whose values differ between the configurations, in config.json
 *                  order; a label names as few of them as tell the configurations apart
 * @param notes     what a reader of the table must know: incomplete runs, single-run configurations
 */
public record Comparison(Metric by, List<String> differing, List<Configuration> configurations, List<String> notes) {

    /**
     * @param label    the distinguishing settings, e.g. {@code selection=magnitude, scope=global}
     * @param settings the value of every differing setting (see {@link Comparison#differing}) here
     * @param stats    every metric over the runs
     */
    public record Configuration(String label, Map<String, String> settings, List<RunResults> runs,
                                Map<Metric, Stat> stats) {

        public Configuration {
            settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
            runs = List.copyOf(runs);
            stats = Collections.unmodifiableMap(new EnumMap<>(stats));
        }

        public Stat stat(Metric metric) {
            return stats.get(metric);
        }

        /** Runs without a summary or cancelled: their numbers are those of their last finished epoch. */
        public long incomplete() {
            return runs.stream().filter(r -> !r.finished() && !r.diverged()).count();
        }

        /** Runs that stopped on a non-finite loss: they count in no mean, and say so. */
        public long diverged() {
            return runs.stream().filter(RunResults::diverged).count();
        }
    }

    public Comparison {
        differing = List.copyOf(differing);
        configurations = List.copyOf(configurations);
        notes = List.copyOf(notes);
    }

    public static Comparison of(List<RunResults> runs, Metric by) {
        if (runs.isEmpty()) throw new IllegalArgumentException("no runs to compare");
        Map<Settings, List<RunResults>> groups = new LinkedHashMap<>();
        for (RunResults r : runs) groups.computeIfAbsent(r.settings(), s -> new ArrayList<>()).add(r);
        List<String> differing = differing(groups.keySet());
        List<String> labelKeys = Labels.distinguishing(groups.keySet(), differing);

        List<Configuration> configurations = new ArrayList<>();
        for (Map.Entry<Settings, List<RunResults>> group : groups.entrySet()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String key : differing) values.put(key, group.getKey().get(key));
            configurations.add(new Configuration(label(group.getKey(), labelKeys, group.getValue()), values,
                    group.getValue(), stats(group.getValue())));
        }
        configurations.sort(bestFirst(by));
        return new Comparison(by, differing, configurations, notes(configurations, by));
    }

    public int runCount() {
        return configurations.stream().mapToInt(c -> c.runs().size()).sum();
    }

    /** In config.json order: a key only some configurations have goes after the key it follows there. */
    private static List<String> differing(Set<Settings> configurations) {
        List<String> keys = new ArrayList<>();
        for (Settings s : configurations) {
            int at = 0;
            for (String key : s.values().keySet()) {
                int known = keys.indexOf(key);
                if (known < 0) keys.add(at, key);
                at = (known < 0 ? at : known) + 1;
            }
        }
        List<String> differing = new ArrayList<>();
        for (String key : keys) {
            if (configurations.stream().map(s -> s.get(key)).distinct().count() > 1) differing.add(key);
        }
        return differing;
    }

    /**
     * The distinguishing settings, {@code selection=gradient ratio 0.5 then magnitude, scope=global},
     * leaving out a key this configuration does not have; with a single configuration nothing
     * differs, and its run names say what it is.
     */
    private static String label(Settings settings, List<String> keys, List<RunResults> runs) {
        List<String> parts = keys.stream().filter(k -> settings.values().containsKey(k))
                .map(k -> k + "=" + settings.get(k)).toList();
        if (!parts.isEmpty()) return String.join(", ", parts);
        return runs.stream().map(RunResults::name).distinct().collect(Collectors.joining(", "));
    }

    private static Map<Metric, Stat> stats(List<RunResults> runs) {
        Map<Metric, Stat> stats = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) stats.put(m, Stat.of(runs.stream().mapToDouble(m::of).toArray()));
        return stats;
    }

    /** Best mean first; configurations without a value for the metric last; ties in label order. */
    private static Comparator<Configuration> bestFirst(Metric by) {
        Comparator<Configuration> byMean = Comparator.comparingDouble(c -> c.stat(by).mean());
        if (by.higherIsBetter()) byMean = byMean.reversed();
        Comparator<Configuration> known = Comparator.comparing(c -> Double.isNaN(c.stat(by).mean()));
        return known.thenComparing(byMean).thenComparing(Configuration::label);
    }

    private static List<String> notes(List<Configuration> configurations, Metric by) {
        List<String> notes = new ArrayList<>();
        if (configurations.stream().anyMatch(c -> c.runs().size() == 1)) {
            notes.add("a configuration with one run has standard deviation 0: one value has no spread to measure");
        }
        for (Configuration c : configurations) {
            for (RunResults r : c.runs()) {
                for (String note : r.notes()) notes.add(r.directoryName() + ": " + note);
            }
        }
        if (configurations.stream().allMatch(c -> c.stat(by).n() == 0)) {
            notes.add("no run records " + by.key());
        }
        return notes;
    }
}
