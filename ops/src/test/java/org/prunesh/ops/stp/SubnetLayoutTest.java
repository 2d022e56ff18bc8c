package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.model.Architecture;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubnetLayoutTest {

    private static final Architecture R20 = Nets.resnet20();

    @Test
    void keptCountRoundsHalfUpAndKeepsOneChannel() {
        assertEquals(2, SubnetLayout.keptCount(3, 0.5));
        assertEquals(19, SubnetLayout.keptCount(32, 0.578125));  // 18.5
        assertEquals(1, SubnetLayout.keptCount(16, 0.01));
        assertEquals(24, SubnetLayout.keptCount(64, 0.375));
    }

    @Test
    void fullArchCountsLikeTheNetwork() {
        SubnetLayout full = SubnetLayout.of(R20, Arch.full(R20));
        assertEquals(40_813_184, full.macs());   // FlopsTest's published ResNet-20 figures
        assertEquals(272_474, full.params());
        assertEquals(1.0, full.macsFraction());
        assertEquals(Set.of(), full.droppedBlocks());
        assertEquals(R20.layers(), full.layers());
    }

    @Test
    void resnet20AtALiteralArch() {
        // streams 8, 24, 24 (0.5·16, 0.75·32, 0.375·64); inner groups follow their stage
        SubnetLayout l = SubnetLayout.of(R20, Arch.coupled(R20, List.of(2, 3, 1), List.of(0.5, 0.75, 0.375)));
        long macs = 27 * 8 * 1024                                   // stem 3x3, 3 -> 8, 32x32
                + 2 * 2 * 9 * 8 * 8 * 1024                          // layer1.0, layer1.1: two 3x3 8 -> 8
                + (9 * 8 * 24 + 9 * 24 * 24 + 8 * 24) * 256         // layer2.0: conv1, conv2, 1x1 shortcut, 16x16
                + 2 * 2 * 9 * 24 * 24 * 256                         // layer2.1, layer2.2
                + (9 * 24 * 24 + 9 * 24 * 24 + 24 * 24) * 64        // layer3.0 at 8x8
                + 24 * 10;                                          // fc
        long params = 27 * 8 + 2 * 8
                + 2 * 2 * (9 * 8 * 8 + 2 * 8)
                + 9 * 8 * 24 + 2 * 24 + 9 * 24 * 24 + 2 * 24 + 8 * 24 + 2 * 24
                + 2 * 2 * (9 * 24 * 24 + 2 * 24)
                + 9 * 24 * 24 + 2 * 24 + 9 * 24 * 24 + 2 * 24 + 24 * 24 + 2 * 24
                + 24 * 10 + 10;
        assertEquals(10_408_176, macs);
        assertEquals(macs, l.macs());
        assertEquals(params, l.params());
        assertEquals(macs / 40_813_184.0, l.macsFraction());
        assertEquals(List.of("layer1.2", "layer3.1", "layer3.2"), List.copyOf(l.droppedBlocks()));
        // in the network's group order: a stream closes where the next stage's projection opens
        assertEquals(List.of("layer1.0.conv1", "layer1.1.conv1", "layer2.0.conv1", "layer1.stream", "layer2.1.conv1",
                "layer2.2.conv1", "layer3.0.conv1", "layer2.stream", "layer3.stream"), List.copyOf(l.channels().keySet()));
        assertEquals(List.of(8L, 8L, 24L, 8L, 24L, 24L, 24L, 24L, 24L), List.copyOf(l.channels().values()));
        assertFalse(l.contains("layer1.2.conv1"));
        assertTrue(l.contains("layer2.0.shortcut.1"));
        assertEquals(List.of(8L, 24L), List.of(l.layer("layer2.0.shortcut.0").inChannels(),
                l.layer("layer2.0.shortcut.0").outChannels()));
        assertEquals(List.of(24L, 10L), List.of(l.layer("fc").inChannels(), l.layer("fc").outChannels()));
        assertEquals(3, l.layer("conv1").inChannels());
        assertThrows(IllegalArgumentException.class, () -> l.channels("layer3.1.conv1"));
    }

    @Test
    void innerWidthsNarrowOnlyTheirBlock() {
        List<Double> inner = List.of(1.0, 1.0, 1.0, 1.0, 0.5, 1.0, 1.0, 1.0, 1.0);
        SubnetLayout l = SubnetLayout.of(R20, new Arch(List.of(3, 3, 3), List.of(1.0, 1.0, 1.0), inner));
        Architecture.Layer conv1 = l.layer("layer2.1.conv1");
        Architecture.Layer conv2 = l.layer("layer2.1.conv2");
        assertEquals(List.of(32L, 16L, 16L, 32L), List.of(conv1.inChannels(), conv1.outChannels(), conv2.inChannels(),
                conv2.outChannels()));
        assertEquals(16, l.layer("layer2.1.bn1").outChannels());
        // two 3x3 convolutions at 16x16 lose half their 32·32 products
        assertEquals(40_813_184 - 2 * 9 * 32 * 16 * 256, l.macs());
        assertEquals(272_474 - 2 * 9 * 32 * 16 - 2 * 16, l.params());
    }

    @Test
    void denseAndMiniLayouts() {
        Architecture mini = Nets.mini();
        SubnetLayout l = SubnetLayout.of(mini, new Arch(List.of(1), List.of(0.5), List.of(0.5, 0.5)));
        assertEquals(Map.of("layer1.0.conv1", 1L, "layer1.stream", 2L), l.channels());
        assertEquals(List.of("conv1", "bn1", "layer1.0.conv1", "layer1.0.bn1", "layer1.0.conv2", "layer1.0.bn2", "fc"),
                l.layers().stream().map(Architecture.Layer::name).toList());
        // conv1 1·2, conv1 2·1, conv2 1·2, fc 2·2 against 3 + 6 + 6 + 6 + 6 + 6
        assertEquals(2 + 2 + 2 + 4, l.macs());
        assertEquals(33, mini.macs());
        assertEquals(2 + 4 + 2 + 2 + 2 + 4 + 4 + 2, l.params());
    }
}
