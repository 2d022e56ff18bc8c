package org.prunesh.ops.stp;

import org.prunesh.ops.model.Architecture;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The search baseline: {@code samples} archs drawn uniformly from the space under the budget,
 * each distinct one scored once, the best kept.
 */
public record RandomSearch(ArchSpace space, Architecture architecture, double budget, int samples)
        implements ArchSearch {

    public RandomSearch {
        if (samples < 1) throw new IllegalArgumentException("samples " + samples + " must be at least 1");
        space.requireFits(architecture);
        space.requireBudget(architecture, budget);
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Result search(ToDoubleFunction<Arch> score, SplittableRandom rng) {
        Ledger ledger = new Ledger(score);
        for (int i = 0; i < samples; i++) {
            ledger.score(space.sampleUnder(architecture, budget, rng, EvolutionarySearch.SAMPLE_TRIES));
        }
        return ledger.result();
    }
}
