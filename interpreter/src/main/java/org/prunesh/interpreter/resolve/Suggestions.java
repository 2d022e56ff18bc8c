package org.prunesh.interpreter.resolve;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean": the candidate nearest to a misspelt word, if one is near enough. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate with the smallest edit distance, when that distance is at most 2 (at most 1 for
     * words of up to 3 letters, so that 'agp' does not suggest 'exp') and shorter than the word
     * itself (so that 'x' suggests nothing); failing that, the first candidate the word is a prefix
     * of ('grad' for 'gradient'), for words of at least 3 letters.
     */
    public static Optional<String> nearest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(word, candidate);
            if (d < bestDistance && !candidate.equals(word)) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = word.length() <= 3 ? 1 : 2;
        if (best != null && bestDistance <= allowed && bestDistance < word.length()) {
            return Optional.of(best);
        }
        if (word.length() >= 3) {
            return candidates.stream().filter(c -> c.startsWith(word) && !c.equals(word)).findFirst();
        }
        return Optional.empty();
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
