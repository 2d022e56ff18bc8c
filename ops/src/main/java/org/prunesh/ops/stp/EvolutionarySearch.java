package org.prunesh.ops.stp;

import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.prune.Decimals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Evolution inside a band of MACs fractions (at most the budget, at least a floor near it): a
 * random initial population in the band; each generation
 * keeps the best half as parents and refills the population with children, each made by
 * crossover of two distinct parents and then mutation (with probability {@code crossoverProb}) or
 * by mutation of one parent alone. Every distinct arch is scored once; the best ever seen wins.
 *
 * @param band         the MACs fractions candidates may have
 * @param population   archs per generation, at least 2
 * @param generations  rounds of selection and reproduction after the initial population
 * @param mutationProb probability that each gene of a child is resampled
 */
public record EvolutionarySearch(ArchSpace space, Architecture architecture, FlopsBand band, int population,
                                 int generations, double mutationProb, double crossoverProb) implements ArchSearch {

    /** Rejection samples allowed per member of the initial population. */
    public static final int SAMPLE_TRIES = 10_000;

    public EvolutionarySearch {
        if (population < 2) throw new IllegalArgumentException("population " + population + " must be at least 2");
        if (generations < 0) throw new IllegalArgumentException("generations " + generations + " must not be negative");
        requireProbability("mutation", mutationProb);
        requireProbability("crossover", crossoverProb);
        space.requireFits(architecture);
        space.requireBudget(architecture, band.max());
    }

    /** In [{@value FlopsBand#DEFAULT_MIN_SHARE}·budget, budget]. */
    public EvolutionarySearch(ArchSpace space, Architecture architecture, double budget, int population,
                              int generations, double mutationProb, double crossoverProb) {
        this(space, architecture, FlopsBand.of(budget, FlopsBand.DEFAULT_MIN_SHARE), population, generations,
                mutationProb, crossoverProb);
    }

    static void requireProbability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " probability " + Decimals.plain(p) + " is not in [0, 1]");
        }
    }

    @Override
    public String name() {
        return "evolutionary";
    }

    /** Archs kept as parents each generation. */
    public int parents() {
        return population / 2;
    }

    @Override
    public Result search(ToDoubleFunction<Arch> score, SplittableRandom rng) {
        Ledger ledger = new Ledger(score);
        List<Arch> members = new ArrayList<>();
        for (int i = 0; i < population; i++) {
            // distinct where the space allows, so the first generation spreads over it
            Arch arch = space.sampleIn(architecture, band, rng, SAMPLE_TRIES);
            for (int t = 0; t < ArchSpace.TRIES && members.contains(arch); t++) {
                arch = space.sampleIn(architecture, band, rng, SAMPLE_TRIES);
            }
            members.add(arch);
            ledger.score(arch);
        }
        for (int g = 0; g < generations; g++) {
            // a stable sort: ties keep population order
            List<Arch> parents = members.stream().sorted(Comparator.comparingDouble(ledger::score)).limit(parents())
                    .toList();
            List<Arch> next = new ArrayList<>(parents);
            while (next.size() < population) {
                Arch child;
                if (parents.size() >= 2 && rng.nextDouble() < crossoverProb) {
                    int i = rng.nextInt(parents.size());
                    int j = rng.nextInt(parents.size() - 1);
                    if (j >= i) j++;
                    child = space.crossoverIn(architecture, parents.get(i), parents.get(j), band, rng,
                            ArchSpace.TRIES);
                    child = space.mutateIn(architecture, child, mutationProb, band, rng, ArchSpace.TRIES);
                } else {
                    Arch parent = parents.get(rng.nextInt(parents.size()));
                    child = space.mutateIn(architecture, parent, mutationProb, band, rng, ArchSpace.TRIES);
                }
                ledger.score(child);
                next.add(child);
            }
            members = next;
        }
        return ledger.result();
    }
}
