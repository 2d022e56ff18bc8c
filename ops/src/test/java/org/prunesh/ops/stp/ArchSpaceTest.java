package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.stp.ArchSpace.DepthRange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchSpaceTest {

    private static final Architecture R20 = Nets.resnet20();
    private static final List<Double> GRID = ArchSpace.widthGrid(0.25, 1.0, 0.125);
    private static final List<DepthRange> DEPTHS = List.of(new DepthRange(1, 3), new DepthRange(1, 3),
            new DepthRange(1, 3));
    private static final ArchSpace STAGE = new ArchSpace(DEPTHS, GRID, false);
    private static final ArchSpace BLOCK = new ArchSpace(DEPTHS, GRID, true);

    @Test
    void widthGridsStepInExactDecimals() {
        assertEquals(List.of(0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0), GRID);
        assertEquals(List.of(0.1, 0.2, 0.3), ArchSpace.widthGrid(0.1, 0.3, 0.1));
        assertEquals(List.of(0.5), ArchSpace.widthGrid(0.5, 0.5, 0.25));
        assertEquals("widths must ascend without repeats: [0.5, 0.5]", assertThrows(IllegalArgumentException.class,
                () -> new ArchSpace(DEPTHS, List.of(0.5, 0.5), false)).getMessage());
        assertEquals("depth range 2..1 is empty or negative", assertThrows(IllegalArgumentException.class,
                () -> new DepthRange(2, 1)).getMessage());
        assertEquals("space depth [1..3, 1..3, 1..3] width [0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1] per block",
                BLOCK.toString());
    }

    @Test
    void problemsNameTheStageAndBlock() {
        ArchSpace bad = new ArchSpace(List.of(new DepthRange(0, 3), new DepthRange(0, 3), new DepthRange(1, 4)),
                GRID, false);
        assertEquals(List.of("block layer2.0 changes the shape of its input, so it cannot be dropped: stage layer2"
                        + " needs a depth range from at least 1",
                "stage layer3 has 3 blocks, the space allows 4"), bad.problems(R20));
        assertEquals(List.of("the network has 3 stages, the space gives 1 depth ranges"),
                new ArchSpace(List.of(new DepthRange(1, 1)), GRID, false).problems(R20));
        assertEquals(List.of(), STAGE.problems(R20));
    }

    @Test
    void samplesCoverEveryChoiceAndStayInTheSpace() {
        SplittableRandom rng = new SplittableRandom(7);
        Set<Integer> depths = new HashSet<>();
        Set<Double> widths = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            Arch a = STAGE.sample(R20, rng);
            assertTrue(STAGE.contains(R20, a), a.toString());
            assertEquals(Arch.coupled(R20, a.depth(), a.width()), a);   // per stage: inner follows width
            depths.addAll(a.depth());
            widths.addAll(a.width());
        }
        assertEquals(Set.of(1, 2, 3), depths);
        assertEquals(Set.copyOf(GRID), widths);
        assertEquals(samples(STAGE, 11), samples(STAGE, 11));
        assertNotEquals(samples(STAGE, 11), samples(STAGE, 12));
    }

    @Test
    void perBlockSamplesVaryInnerWidthsOfKeptBlocksOnly() {
        SplittableRandom rng = new SplittableRandom(3);
        boolean varied = false;
        for (int i = 0; i < 100; i++) {
            Arch a = BLOCK.sample(R20, rng);
            assertTrue(BLOCK.contains(R20, a));
            for (int s = 0, block = 0; s < 3; s++) {
                for (int b = 0; b < 3; b++, block++) {
                    double inner = a.inner().get(block);
                    if (b >= a.depth().get(s)) assertEquals(a.width().get(s), inner);   // canonical
                    else varied |= inner != a.width().get(s);
                }
            }
        }
        assertTrue(varied);
    }

    @Test
    void containsChecksEveryGene() {
        Arch a = Arch.coupled(R20, List.of(2, 3, 1), List.of(0.5, 0.75, 0.375));
        assertTrue(STAGE.contains(R20, a));
        assertTrue(BLOCK.contains(R20, a));
        assertFalse(STAGE.contains(R20, Arch.coupled(R20, List.of(2, 3, 1), List.of(0.5, 0.7, 0.375))));
        assertFalse(STAGE.contains(R20, Arch.coupled(R20, List.of(0, 3, 1), List.of(0.5, 0.75, 0.375))));
        Arch perBlock = new Arch(a.depth(), a.width(), List.of(0.5, 1.0, 0.5, 0.75, 0.75, 0.75, 0.375, 0.375, 0.375));
        assertFalse(STAGE.contains(R20, perBlock));
        assertTrue(BLOCK.contains(R20, perBlock));
    }

    @Test
    void sampleUnderRespectsTheBudget() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 100; i++) {
            Arch a = BLOCK.sampleUnder(R20, 0.35, rng, 1000);
            assertTrue(BLOCK.contains(R20, a));
            assertTrue(SubnetLayout.of(R20, a).macsFraction() <= 0.35, a.toString());
        }
    }

    @Test
    void aBudgetBelowTheSmallestArchIsRejected() {
        Arch smallest = STAGE.smallest(R20);
        assertEquals("arch depth [1, 1, 1] width [0.25, 0.25, 0.25]", smallest.toString());
        // streams and inner groups of 4, 8, 16 channels, one block per stage
        long macs = 27 * 4 * 1024 + 2 * 9 * 4 * 4 * 1024 + (9 * 4 * 8 + 9 * 8 * 8 + 4 * 8) * 256
                + (9 * 8 * 16 + 9 * 16 * 16 + 8 * 16) * 64 + 16 * 10;
        assertEquals(864_416, macs);
        assertEquals(macs, SubnetLayout.of(R20, smallest).macs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> STAGE.sampleUnder(R20, 0.02, new SplittableRandom(1), 10));
        assertEquals("budget 0.02 is below the smallest arch of the space, arch depth [1, 1, 1] width [0.25, 0.25,"
                + " 0.25] with 0.02118 of the MACs", e.getMessage());
        assertEquals("arch depth [3, 3, 3] width [1, 1, 1]", STAGE.largest(R20).toString());
    }

    @Test
    void mutationResamplesGenesWithItsProbability() {
        SplittableRandom rng = new SplittableRandom(9);
        Arch parent = Arch.coupled(R20, List.of(2, 3, 1), List.of(0.5, 0.75, 0.375));
        assertEquals(parent, BLOCK.mutate(R20, parent, 0, rng));
        int changed = 0;
        for (int i = 0; i < 200; i++) {
            Arch child = BLOCK.mutate(R20, parent, 0.3, rng);
            assertTrue(BLOCK.contains(R20, child));
            if (!child.equals(parent)) changed++;
            Arch under = BLOCK.mutateUnder(R20, parent, 0.3, 0.35, rng, ArchSpace.TRIES);
            assertTrue(SubnetLayout.of(R20, under).macsFraction() <= 0.35);
            assertTrue(BLOCK.contains(R20, under));
        }
        assertTrue(changed > 150, "changed " + changed);
        Arch outside = Arch.coupled(R20, List.of(2, 3, 1), List.of(0.5, 0.7, 0.375));
        assertThrows(IllegalArgumentException.class, () -> BLOCK.mutate(R20, outside, 0.3, rng));
    }

    @Test
    void crossoverTakesEachGeneFromAParentAndKeepsStageCoupling() {
        SplittableRandom rng = new SplittableRandom(4);
        Arch x = Arch.coupled(R20, List.of(1, 1, 3), List.of(0.5, 0.25, 0.25));     // 6.2% of the MACs
        Arch y = Arch.coupled(R20, List.of(3, 2, 1), List.of(0.25, 0.375, 0.5));    // 7.2%
        Set<Arch> children = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Arch c = STAGE.crossover(R20, x, y, rng);
            assertTrue(STAGE.contains(R20, c));
            for (int s = 0; s < 3; s++) {
                assertTrue(List.of(x.depth().get(s), y.depth().get(s)).contains(c.depth().get(s)));
                assertTrue(List.of(x.width().get(s), y.width().get(s)).contains(c.width().get(s)));
            }
            children.add(c);
            Arch under = STAGE.crossoverUnder(R20, x, y, 0.1, rng, ArchSpace.TRIES);
            assertTrue(SubnetLayout.of(R20, under).macsFraction() <= 0.1);
        }
        // two choices for each of six genes; the largest child has 20% of the MACs
        assertEquals(64, children.size());
        assertTrue(children.stream().anyMatch(c -> SubnetLayout.of(R20, c).macsFraction() > 0.2));
        assertThrows(IllegalArgumentException.class,
                () -> STAGE.crossoverUnder(R20, x, Arch.full(R20), 0.1, rng, ArchSpace.TRIES));
    }

    private static List<Arch> samples(ArchSpace space, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Arch> archs = new ArrayList<>();
        for (int i = 0; i < 20; i++) archs.add(space.sample(R20, rng));
        return archs;
    }
}
