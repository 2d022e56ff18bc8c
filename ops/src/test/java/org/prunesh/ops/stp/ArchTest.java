package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.model.Architecture;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchTest {

    private static final Architecture R20 = Nets.resnet20();

    @Test
    void printsTheScriptLiteralLeavingOutInnerThatFollowsTheWidths() {
        Arch coupled = Arch.coupled(R20, List.of(2, 3, 1), List.of(0.5, 0.75, 0.375));
        assertEquals(List.of(0.5, 0.5, 0.5, 0.75, 0.75, 0.75, 0.375, 0.375, 0.375), coupled.inner());
        assertEquals("arch depth [2, 3, 1] width [0.5, 0.75, 0.375]", coupled.toString());
        assertEquals("arch depth [2, 3, 1] width [0.5, 0.75, 0.375]", coupled.literal(R20));
        Arch perBlock = new Arch(List.of(2, 3, 1), List.of(0.5, 0.75, 0.375),
                List.of(0.5, 0.5, 0.5, 0.75, 0.25, 0.75, 0.375, 0.375, 0.375));
        assertEquals("arch depth [2, 3, 1] width [0.5, 0.75, 0.375] inner [0.5, 0.5, 0.5, 0.75, 0.25, 0.75, 0.375,"
                + " 0.375, 0.375]", perBlock.toString());
        assertEquals("arch depth [3, 3, 3] width [1, 1, 1]", Arch.full(R20).toString());
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0), Arch.full(R20).inner());
    }

    @Test
    void literalWithTheNetworkUsesItsBlocksPerStage() {
        // 3 stages of 1, 2, 3 blocks would be split 2, 2, 2 without the network
        Arch arch = new Arch(List.of(1, 2, 3), List.of(0.25, 0.5, 1.0), List.of(0.25, 0.5, 0.5, 1.0, 1.0, 1.0));
        assertTrue(arch.innerFollowsWidth(List.of(1, 2, 3)));
        assertEquals("arch depth [1, 2, 3] width [0.25, 0.5, 1] inner [0.25, 0.5, 0.5, 1, 1, 1]", arch.toString());
        Architecture mini = Nets.mini();
        assertEquals("arch depth [1] width [0.5]", new Arch(List.of(1), List.of(0.5), List.of(0.5, 0.5)).literal(mini));
    }

    @Test
    void rejectsWhatIsNotAnArch() {
        assertEquals("width 0 is not a fraction in (0, 1]", assertThrows(IllegalArgumentException.class,
                () -> new Arch(List.of(1), List.of(0.0), List.of())).getMessage());
        assertEquals("inner 1.5 is not a fraction in (0, 1]", assertThrows(IllegalArgumentException.class,
                () -> new Arch(List.of(1), List.of(1.0), List.of(1.5))).getMessage());
        assertEquals("an arch needs one width per stage: depth has 2 entries, width 1",
                assertThrows(IllegalArgumentException.class,
                        () -> new Arch(List.of(1, 1), List.of(1.0), List.of())).getMessage());
        assertEquals("depth -1 is negative", assertThrows(IllegalArgumentException.class,
                () -> new Arch(List.of(-1), List.of(1.0), List.of())).getMessage());
    }

    @Test
    void problemsNameTheBlocksThatCannotBeDropped() {
        Arch noStage2 = Arch.coupled(R20, List.of(3, 0, 4), List.of(1.0, 1.0, 1.0));
        assertEquals(List.of("block layer2.0 changes the shape of its input (projection or no shortcut), so it cannot"
                        + " be dropped: stage layer2 needs depth at least 1",
                "stage layer3 has 3 blocks, the arch keeps 4"), noStage2.problems(R20));
        Arch shortInner = new Arch(List.of(1, 1, 1), List.of(1.0, 1.0, 1.0), List.of(1.0));
        assertEquals(List.of("the network has 9 blocks, the arch gives 1 inner widths"), shortInner.problems(R20));
        assertEquals(List.of("the network has 3 stages, the arch gives 1"),
                new Arch(List.of(1), List.of(1.0), List.of()).problems(R20));
        // stage 1 may be emptied: all its blocks have identity shortcuts
        assertEquals(List.of(), Arch.coupled(R20, List.of(0, 1, 1), List.of(1.0, 1.0, 1.0)).problems(R20));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shortInner.requireFits(R20));
        assertEquals("arch depth [1, 1, 1] width [1, 1, 1] inner [1] does not fit the network: the network has 9"
                + " blocks, the arch gives 1 inner widths", e.getMessage());
    }
}
