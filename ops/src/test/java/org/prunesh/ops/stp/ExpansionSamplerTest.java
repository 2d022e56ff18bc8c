package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.stp.ArchSpace.DepthRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpansionSamplerTest {

    private static final Architecture R20 = Nets.resnet20();
    private static final ArchSpace SPACE = new ArchSpace(List.of(new DepthRange(1, 3), new DepthRange(1, 3),
            new DepthRange(1, 3)), ArchSpace.widthGrid(0.25, 1, 0.125), true);

    @Test
    void floorFallsFromTheFullNetworkToThreeQuartersOfTheBudget() {
        ExpansionSampler s = new ExpansionSampler(SPACE, R20, 0.4, 0.5);
        assertEquals(1.0, s.floor(0));
        assertEquals(1 - (1 - 0.3) * 0.5, s.floor(0.25));   // 0.65
        assertEquals(0.3, s.floor(0.5), 1e-15);
        assertEquals(0.3, s.floor(0.9), 1e-15);
    }

    @Test
    void drawsRespectTheFloorAndExpandTowardTheBudget() {
        ExpansionSampler s = new ExpansionSampler(SPACE, R20, 0.35, 0.6);
        SplittableRandom rng = new SplittableRandom(17);
        assertEquals(List.of(Arch.full(R20)), s.frontier());
        assertEquals(Arch.full(R20), s.next(0, rng));   // only the full network reaches a floor of 1
        double smallest = 1;
        int steps = 300;
        for (int i = 0; i <= steps; i++) {
            double progress = (double) i / steps;
            Arch a = s.next(progress, rng);
            double f = SubnetLayout.of(R20, a).macsFraction();
            assertTrue(f >= s.floor(progress), "step " + i + ": " + f + " under " + s.floor(progress));
            assertTrue(SPACE.contains(R20, a));
            smallest = Math.min(smallest, f);
        }
        assertTrue(smallest < 0.5, "smallest drawn " + smallest);
        assertEquals(ExpansionSampler.FRONTIER, s.frontier().size());
    }

    @Test
    void stateRoundTripContinuesTheSameDraws() {
        ExpansionSampler s = new ExpansionSampler(SPACE, R20, 0.35, 0.5);
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 40; i++) s.next(i / 100.0, rng);
        double[] state = s.state();
        assertEquals(1 + 8 * (3 + 3 + 9), state.length);
        assertEquals(8, state[0]);
        Arch first = s.frontier().get(0);
        assertEquals(first.depth().get(0), (int) state[1]);
        assertEquals(first.width().get(2), state[6]);
        assertEquals(first.inner().get(8), state[15]);

        ExpansionSampler resumed = new ExpansionSampler(SPACE, R20, 0.35, 0.5);
        resumed.restore(state);
        assertEquals(s.frontier(), resumed.frontier());
        assertArrayEquals(state, resumed.state());
        assertEquals(draws(s, 5), draws(resumed, 5));
    }

    @Test
    void restoreRejectsAForeignState() {
        ExpansionSampler s = new ExpansionSampler(SPACE, R20, 0.35, 0.5);
        assertEquals("an expansion frontier of this network is 1 to 8 archs of 15 genes each, not 3 numbers",
                assertThrows(IllegalArgumentException.class, () -> s.restore(new double[]{1, 3, 3})).getMessage());
        double[] state = s.state();
        state[4] = 0.3;   // the first width, not on the grid
        assertThrows(IllegalArgumentException.class, () -> s.restore(state));
        assertEquals(List.of(Arch.full(R20)), s.frontier());
    }

    @Test
    void uniformSamplingDrawsFromTheWholeSpaceWithoutState() {
        UniformSampler u = new UniformSampler(SPACE, R20);
        SplittableRandom a = new SplittableRandom(6), b = new SplittableRandom(6);
        for (int i = 0; i < 20; i++) {
            Arch x = u.next(0, a);
            assertEquals(SPACE.sample(R20, b), x);
        }
        assertEquals(0, u.state().length);
        u.restore(new double[0]);
        assertThrows(IllegalArgumentException.class, () -> u.restore(new double[]{1}));
    }

    private static List<Arch> draws(ExpansionSampler s, int n) {
        SplittableRandom rng = new SplittableRandom(99);
        List<Arch> archs = new ArrayList<>();
        for (int i = 0; i < n; i++) archs.add(s.next(0.45, rng));
        return archs;
    }

    @Test
    void stateOfAFreshSamplerIsTheLargestArch() {
        ExpansionSampler s = new ExpansionSampler(SPACE, R20, 0.35, 0.5);
        double[] expected = new double[16];
        expected[0] = 1;
        Arrays.fill(expected, 1, 4, 3);
        Arrays.fill(expected, 4, 16, 1);
        assertArrayEquals(expected, s.state());
    }
}
