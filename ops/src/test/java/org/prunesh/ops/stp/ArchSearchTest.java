package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.stp.ArchSpace.DepthRange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchSearchTest {

    private static final Architecture R20 = Nets.resnet20();
    private static final ArchSpace SPACE = new ArchSpace(List.of(new DepthRange(1, 3), new DepthRange(1, 3),
            new DepthRange(1, 3)), ArchSpace.widthGrid(0.25, 1, 0.125), true);
    private static final double BUDGET = 0.35;

    /** Lower is better: the largest subnet under the budget wins. */
    private static double negativeMacs(Arch a) {
        return -SubnetLayout.of(R20, a).macsFraction();
    }

    /** Counts calls and the distinct archs they were made with. */
    private static final class Counting implements ToDoubleFunction<Arch> {
        int calls;
        final Set<Arch> distinct = new HashSet<>();

        @Override
        public double applyAsDouble(Arch a) {
            calls++;
            distinct.add(a);
            return negativeMacs(a);
        }
    }

    @Test
    void evolutionImprovesOnItsInitialPopulationAndScoresEachArchOnce() {
        // the whole range under the budget, so that the initial population leaves room to improve
        FlopsBand under = FlopsBand.under(BUDGET);
        EvolutionarySearch search = new EvolutionarySearch(SPACE, R20, under, 12, 10, 0.2, 0.5);
        Counting score = new Counting();
        ArchSearch.Result r = search.search(score, new SplittableRandom(21));
        // the same seed with no generations draws the same initial population
        ArchSearch.Result initial = new EvolutionarySearch(SPACE, R20, under, 12, 0, 0.2, 0.5)
                .search(ArchSearchTest::negativeMacs, new SplittableRandom(21));
        assertEquals(initial.history(), r.history().subList(0, initial.evaluated()));
        assertTrue(r.score() < initial.score(), r.score() + " vs " + initial.score());

        assertEquals(score.calls, r.evaluated());
        assertEquals(score.distinct.size(), r.evaluated());
        assertEquals(r.evaluated(), r.history().size());
        assertTrue(r.evaluated() <= 12 + 10 * (12 - search.parents()));
        checkResult(r, under);
    }

    @Test
    void evolutionIsDeterministicPerSeed() {
        EvolutionarySearch search = new EvolutionarySearch(SPACE, R20, BUDGET, 8, 5, 0.3, 0.5);
        ArchSearch.Result a = search.search(ArchSearchTest::negativeMacs, new SplittableRandom(3));
        ArchSearch.Result b = search.search(ArchSearchTest::negativeMacs, new SplittableRandom(3));
        ArchSearch.Result c = search.search(ArchSearchTest::negativeMacs, new SplittableRandom(4));
        assertEquals(a, b);
        assertNotEquals(a.history(), c.history());
        assertEquals("evolutionary", search.name());
    }

    @Test
    void randomSearchScoresDistinctSamplesUnderTheBudget() {
        RandomSearch search = new RandomSearch(SPACE, R20, BUDGET, 30);
        Counting score = new Counting();
        ArchSearch.Result r = search.search(score, new SplittableRandom(8));
        assertEquals(score.calls, r.evaluated());
        assertEquals(score.distinct.size(), r.evaluated());
        assertEquals(30, r.evaluated());
        checkResult(r);
        assertEquals(r, search.search(ArchSearchTest::negativeMacs, new SplittableRandom(8)));
        assertEquals("random", search.name());
    }

    @Test
    void randomSearchStopsWhenTheBandHoldsFewerArchsThanSamples() {
        // one block per stage, widths 0.5 or 1: 8 archs, all of them under 35% of the MACs
        ArchSpace tiny = new ArchSpace(List.of(new DepthRange(1, 1), new DepthRange(1, 1), new DepthRange(1, 1)),
                List.of(0.5, 1.0), false);
        FlopsBand under = FlopsBand.under(BUDGET);
        long inBand = 0;
        for (double a : List.of(0.5, 1.0)) for (double b : List.of(0.5, 1.0)) for (double c : List.of(0.5, 1.0)) {
            Arch arch = new Arch(List.of(1, 1, 1), List.of(a, b, c), List.of(a, a, a, b, b, b, c, c, c));
            if (under.contains(SubnetLayout.of(R20, arch).macsFraction())) inBand++;
        }
        ArchSearch.Result r = new RandomSearch(tiny, R20, under, 50).search(ArchSearchTest::negativeMacs,
                new SplittableRandom(2));
        assertEquals(8, inBand);
        assertEquals(8, r.evaluated());
    }

    @Test
    void ledgerKeepsTheFirstOfEqualScoresAndRanksNaNLast() {
        List<Arch> archs = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(1);
        while (archs.size() < 3) {
            Arch a = SPACE.sample(R20, rng);
            if (!archs.contains(a)) archs.add(a);
        }
        double[] scores = {Double.NaN, 2, 2};
        ArchSearch.Ledger ledger = new ArchSearch.Ledger(a -> scores[archs.indexOf(a)]);
        for (Arch a : archs) ledger.score(a);
        ledger.score(archs.get(1));
        ArchSearch.Result r = ledger.result();
        assertEquals(archs.get(1), r.best());
        assertEquals(2, r.score());
        assertEquals(3, r.evaluated());
    }

    @Test
    void budgetsOutsideTheSpaceAreRejectedUpFront() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RandomSearch(SPACE, R20, 0.01, 5));
        assertTrue(e.getMessage().startsWith("budget 0.01 is below the smallest arch of the space"), e.getMessage());
        assertEquals("population 1 must be at least 2", assertThrows(IllegalArgumentException.class,
                () -> new EvolutionarySearch(SPACE, R20, BUDGET, 1, 5, 0.3, 0.5)).getMessage());
        assertEquals("crossover probability 1.5 is not in [0, 1]", assertThrows(IllegalArgumentException.class,
                () -> new EvolutionarySearch(SPACE, R20, BUDGET, 4, 5, 0.3, 1.5)).getMessage());
    }

    /** The best is the lowest score of the history, and every arch scored is in the space and the band ([0.9·B, B] by default). */
    private static void checkResult(ArchSearch.Result r) {
        checkResult(r, FlopsBand.of(BUDGET, FlopsBand.DEFAULT_MIN_SHARE));
    }

    private static void checkResult(ArchSearch.Result r, FlopsBand band) {
        double min = Double.POSITIVE_INFINITY;
        for (ArchSearch.Scored s : r.history()) {
            assertTrue(SPACE.contains(R20, s.arch()), s.arch().toString());
            double f = SubnetLayout.of(R20, s.arch()).macsFraction();
            assertTrue(band.contains(f), s.arch() + ": " + f);
            assertEquals(negativeMacs(s.arch()), s.score());
            min = Math.min(min, s.score());
        }
        assertEquals(min, r.score());
        assertEquals(min, negativeMacs(r.best()));
    }
}
