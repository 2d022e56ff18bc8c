package org.prunesh.ops.stp;

import org.prunesh.ops.model.Architecture;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The search baseline: archs drawn uniformly from the archs of the space in the band until
 * {@code samples} distinct ones have been scored (a repeated draw costs nothing and counts for
 * nothing, so a comparison at equal evaluations gives both strategies the same number of scored
 * candidates), the best kept. A band holding fewer distinct archs ends the search after
 * {@code samples × }{@value ArchSpace#TRIES} draws.
 */
public record RandomSearch(ArchSpace space, Architecture architecture, FlopsBand band, int samples)
        implements ArchSearch {

    public RandomSearch {
        if (samples < 1) throw new IllegalArgumentException("samples " + samples + " must be at least 1");
        space.requireFits(architecture);
        space.requireBudget(architecture, band.max());
    }

    /** In [{@value FlopsBand#DEFAULT_MIN_SHARE}·budget, budget]. */
    public RandomSearch(ArchSpace space, Architecture architecture, double budget, int samples) {
        this(space, architecture, FlopsBand.of(budget, FlopsBand.DEFAULT_MIN_SHARE), samples);
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Result search(ToDoubleFunction<Arch> score, SplittableRandom rng) {
        Ledger ledger = new Ledger(score);
        long draws = (long) samples * ArchSpace.TRIES;
        for (long i = 0; i < draws && ledger.evaluated() < samples; i++) {
            ledger.score(space.sampleIn(architecture, band, rng, EvolutionarySearch.SAMPLE_TRIES));
        }
        return ledger.result();
    }
}
