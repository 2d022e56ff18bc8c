package org.prunesh.ops.model;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchitectureTest {

    @Test
    void resnet20GroupsEachStagesStreamAndEachBlocksInnerChannels() {
        Architecture a = Models.build(new ModelSpec.ResNet(20, 1), new long[]{3, 32, 32}, 10, 1, 0).architecture();
        Architecture.ChannelGroup stage1 = group(a, "layer1.stream");
        assertEquals(16, stage1.channels());
        // the stem feeds an identity shortcut, so it writes the first stage's stream
        assertEquals(List.of("conv1", "bn1", "layer1.0.conv2", "layer1.0.bn2", "layer1.1.conv2", "layer1.1.bn2",
                "layer1.2.conv2", "layer1.2.bn2"), stage1.producers());
        assertEquals(List.of("layer1.0.conv1", "layer1.1.conv1", "layer1.2.conv1", "layer2.0.conv1",
                "layer2.0.shortcut.0"), stage1.consumers());
        Architecture.ChannelGroup stage3 = group(a, "layer3.stream");
        assertEquals(List.of("layer3.0.shortcut.0", "layer3.0.shortcut.1", "layer3.0.conv2", "layer3.0.bn2",
                "layer3.1.conv2", "layer3.1.bn2", "layer3.2.conv2", "layer3.2.bn2"), stage3.producers());
        assertEquals(List.of("layer3.1.conv1", "layer3.2.conv1", "fc"), stage3.consumers());
        Architecture.ChannelGroup inner = group(a, "layer2.1.conv1");
        assertEquals(32, inner.channels());
        assertEquals(List.of("layer2.1.conv1", "layer2.1.bn1"), inner.producers());
        assertEquals(List.of("layer2.1.conv2"), inner.consumers());
        assertEquals(3 + 9, a.groups().size());

        assertEquals(List.of("layer1", "layer2", "layer3"), a.stages().stream().map(Architecture.Stage::name).toList());
        Architecture.Block first = a.stages().get(1).blocks().get(0);
        assertEquals(List.of("layer2.0.conv1", "layer2.0.bn1", "layer2.0.conv2", "layer2.0.bn2",
                "layer2.0.shortcut.0", "layer2.0.shortcut.1"), first.layers());
        assertFalse(first.identityShortcut());
        assertTrue(a.stages().get(1).blocks().get(1).identityShortcut());
        assertTrue(a.stages().get(0).blocks().get(0).identityShortcut());
    }

    @Test
    void resnet50StemIsItsOwnGroupAndBottlenecksHaveTwoInnerGroups() {
        Architecture a = Models.build(new ModelSpec.ResNet50(0.25), new long[]{3, 32, 32}, 10, 1, 0).architecture();
        Architecture.ChannelGroup stem = group(a, "stem");
        assertEquals(16, stem.channels());
        assertEquals(List.of("conv1", "bn1"), stem.producers());
        assertEquals(List.of("layer1.0.conv1", "layer1.0.shortcut.0"), stem.consumers());
        assertEquals(64, group(a, "layer1.stream").channels());
        assertEquals(List.of("layer4.0.conv3"), group(a, "layer4.0.conv2").consumers());
        assertEquals(1 + 4 + 2 * 16, a.groups().size());
        assertEquals(List.of(3, 4, 6, 3), a.stages().stream().map(s -> s.blocks().size()).toList());
    }

    @Test
    void vggGroupsEachConvolutionWithItsBatchNorm() {
        Architecture a = Models.build(new ModelSpec.Vgg19(1), new long[]{3, 32, 32}, 10, 1, 0).architecture();
        Architecture.ChannelGroup g = group(a, "features.7");
        assertEquals(List.of("features.7", "features.8"), g.producers());
        assertEquals(List.of("features.10"), g.consumers());
        assertEquals(List.of("classifier"), group(a, "features.49").consumers());
        assertEquals(List.of(2, 2, 4, 4, 4), a.stages().stream().map(s -> s.blocks().size()).toList());
    }

    /** Producers write exactly the group's channels and consumers read them, in every model. */
    @Test
    void everyGroupIsConsistentWithTheLayerShapes() {
        for (ModelSpec spec : List.of(new ModelSpec.ResNet(32, 0.5), new ModelSpec.ResNet50(0.125),
                new ModelSpec.Vgg19(0.125), new ModelSpec.LeNet5(1), new ModelSpec.Cnn(0.5),
                new ModelSpec.Mlp(List.of(30, 20), 1))) {
            long[] shape = spec instanceof ModelSpec.Mlp ? new long[]{64} : new long[]{3, 32, 32};
            Architecture a = Models.build(spec, shape, 10, 1, 0).architecture();
            Map<String, Integer> produced = new HashMap<>();
            for (Architecture.ChannelGroup g : a.groups()) {
                for (String p : g.producers()) {
                    assertEquals(g.channels(), a.layer(p).outChannels(), spec.name() + " " + p);
                    produced.merge(p, 1, Integer::sum);
                }
                for (String c : g.consumers()) {
                    Architecture.Layer l = a.layer(c);
                    // a dense layer after a flatten reads each channel height x width times
                    assertEquals(0, l.inChannels() % g.channels(), spec.name() + " " + c);
                    if (l.kind() == Architecture.Kind.CONV) assertEquals(g.channels(), l.inChannels());
                }
            }
            for (Architecture.Layer l : a.layers()) {
                int expected = l == a.layers().get(a.layers().size() - 1) ? 0 : 1;
                assertEquals(expected, produced.getOrDefault(l.name(), 0), spec.name() + " " + l.name());
            }
        }
    }

    private static Architecture.ChannelGroup group(Architecture a, String name) {
        return a.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }
}
