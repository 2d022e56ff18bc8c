package org.prunesh.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the settings that name configurations: few enough to read, enough to tell every
 * configuration apart. Runs written by different versions of prune-sh, or on different data,
 * differ in many settings that one or two explain; a sweep's labels are its swept variables.
 */
final class Labels {

    private Labels() {
    }

    /**
     * Greedily adds the differing key that tells the most configurations apart until all are told
     * apart: first among the keys every configuration has, then among the others (a key that some
     * lack tells them apart by its absence, which a label does not show). Ties go to the earlier
     * key in config.json. Returns the keys in config.json order.
     */
    static List<String> distinguishing(Collection<Settings> configurations, List<String> differing) {
        List<String> everywhere = differing.stream()
                .filter(k -> configurations.stream().allMatch(s -> s.values().containsKey(k))).toList();
        List<String> chosen = new ArrayList<>();
        addWhileTheyTellApart(configurations, everywhere, chosen);
        addWhileTheyTellApart(configurations, differing, chosen);
        return differing.stream().filter(chosen::contains).toList();
    }

    private static void addWhileTheyTellApart(Collection<Settings> configurations, List<String> candidates,
                                              List<String> chosen) {
        int groups = groups(configurations, chosen);
        while (groups < configurations.size()) {
            String best = null;
            int bestGroups = groups;
            for (String key : candidates) {
                if (chosen.contains(key)) continue;
                List<String> trial = new ArrayList<>(chosen);
                trial.add(key);
                int g = groups(configurations, trial);
                if (g > bestGroups) {
                    best = key;
                    bestGroups = g;
                }
            }
            if (best == null) return;
            chosen.add(best);
            groups = bestGroups;
        }
    }

    private static int groups(Collection<Settings> configurations, List<String> keys) {
        Set<List<String>> distinct = new HashSet<>();
        for (Settings s : configurations) distinct.add(keys.stream().map(s::get).toList());
        return distinct.size();
    }
}
