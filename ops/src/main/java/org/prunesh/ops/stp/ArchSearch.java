package org.prunesh.ops.stp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * A strategy that picks an arch under a budget by scoring candidates, lower scores being better
 * (the KD loss of a subnet against the full network). Strategies never return an arch outside
 * their space or over their budget.
 */
public interface ArchSearch {

    /** The strategy as a script names it. */
    String name();

    Result search(ToDoubleFunction<Arch> score, SplittableRandom rng);

    record Scored(Arch arch, double score) {
    }

    /**
     * @param evaluated distinct archs scored (each once)
     * @param history   every distinct arch with its score, in the order it was scored
     */
    record Result(Arch best, double score, int evaluated, List<Scored> history) {
        public Result {
            history = List.copyOf(history);
        }
    }

    /**
     * Scores each distinct arch once and remembers the best; ties keep the earlier arch, and a NaN
     * score ranks below every number.
     */
    final class Ledger {
        private final ToDoubleFunction<Arch> score;
        private final Map<Arch, Double> seen = new HashMap<>();
        private final List<Scored> history = new ArrayList<>();
        private Scored best;

        public Ledger(ToDoubleFunction<Arch> score) {
            this.score = score;
        }

        public double score(Arch arch) {
            Double known = seen.get(arch);
            if (known != null) return known;
            double s = score.applyAsDouble(arch);
            seen.put(arch, s);
            Scored scored = new Scored(arch, s);
            history.add(scored);
            if (best == null || Double.compare(s, best.score()) < 0) best = scored;
            return s;
        }

        /** Distinct archs scored so far. */
        public int evaluated() {
            return history.size();
        }

        public Result result() {
            if (best == null) throw new IllegalStateException("no arch was scored");
            return new Result(best.arch(), best.score(), history.size(), history);
        }
    }
}
