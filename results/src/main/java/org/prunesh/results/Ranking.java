package org.prunesh.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How methods rank across settings, as FGGP's comparison reports it: in every setting (one
 * sparsity and start, say) the values of the factor are ranked by their mean over seeds, 1 the
 * best; tied means share the mean of the ranks they span. Each value's ranks are then averaged
 * over the settings it appears in, and the settings where it ranks first (alone or tied) counted.
 *
 * @param entries best mean rank first; ties in first-seen order
 */
public record Ranking(int settings, List<Entry> entries) {

    /** @param appearances the settings this value has a mean in */
    public record Entry(String value, double meanRank, int best, int appearances) {
    }

    public Ranking {
        entries = List.copyOf(entries);
    }

    /** @param means setting -> value -> mean over seeds (NaN: the value has no result there) */
    static Ranking of(Map<Map<String, String>, Map<String, Double>> means, boolean higherIsBetter) {
        Map<String, double[]> totals = new LinkedHashMap<>(); // rank sum, best count, appearances
        for (Map<String, Double> setting : means.values()) {
            List<Map.Entry<String, Double>> known = setting.entrySet().stream()
                    .filter(e -> !Double.isNaN(e.getValue())).toList();
            for (Map.Entry<String, Double> e : known) {
                int better = 0, equal = 0;
                for (Map.Entry<String, Double> o : known) {
                    int c = Double.compare(o.getValue(), e.getValue());
                    if (c == 0) equal++;
                    else if (higherIsBetter == c > 0) better++;
                }
                // Fractional rank: the mean of positions better+1 .. better+equal.
                double rank = better + (equal + 1) / 2.0;
                double[] t = totals.computeIfAbsent(e.getKey(), k -> new double[3]);
                t[0] += rank;
                if (better == 0) t[1]++;
                t[2]++;
            }
        }
        List<Entry> entries = new ArrayList<>();
        totals.forEach((value, t) -> entries.add(new Entry(value, t[0] / t[2], (int) t[1], (int) t[2])));
        entries.sort(Comparator.comparingDouble(Entry::meanRank));
        return new Ranking(means.size(), entries);
    }
}
