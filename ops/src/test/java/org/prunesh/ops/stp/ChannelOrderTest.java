package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelOrderTest {

    private static final Architecture MINI = Nets.mini();
    private static final Map<String, float[]> W = Nets.miniWeights();

    @Test
    void coupledChannelsShareOneOrderDecidedByTheSumOverProducers() {
        // each stream producer alone would order differently ...
        assertArrayEquals(new double[]{5, 0, 1}, ChannelOrder.scores(MINI, alone("conv1"), Importance.L1, W::get));
        assertArrayEquals(new double[]{0, 4, 3},
                ChannelOrder.scores(MINI, alone("layer1.0.conv2"), Importance.L1, W::get));
        assertArrayEquals(new int[]{0, 2, 1}, ChannelOrder.of(single("conv1"), Importance.L1, W::get).order("s"));
        assertArrayEquals(new int[]{1, 2, 0},
                ChannelOrder.of(single("layer1.0.conv2"), Importance.L1, W::get).order("s"));
        // ... the group sums them, {5 + 0 + 2, 0 + 4 + 2, 1 + 3 + 2}, and the tie of 1 and 2 goes to the lower index
        ChannelOrder order = ChannelOrder.of(MINI, Importance.L1, W::get);
        assertArrayEquals(new double[]{7, 6, 6},
                ChannelOrder.scores(MINI, MINI.groups().get(2), Importance.L1, W::get));
        assertArrayEquals(new int[]{0, 1, 2}, order.order("layer1.stream"));
        assertArrayEquals(new int[]{0, 1}, order.order("layer1.0.conv1"));   // {6, 2}
        assertArrayEquals(new int[]{0, 1}, order.order("layer1.1.conv1"));   // {1.5, 1.5}
        assertEquals(List.of("layer1.0.conv1", "layer1.1.conv1", "layer1.stream"), List.copyOf(order.groups()));
    }

    @Test
    void batchNormImportanceSumsAbsoluteGammas() {
        ChannelOrder order = ChannelOrder.of(MINI, Importance.BN, W::get);
        // |.1| + |-.5| + 0, .2 + .1 + 0, .3 + .1 + .05
        assertArrayEquals(new int[]{0, 2, 1}, order.order("layer1.stream"));
        assertArrayEquals(new int[]{1, 0}, order.order("layer1.0.conv1"));   // gammas .5, 1
        assertArrayEquals(new int[]{0, 2}, order.keep("layer1.stream", 2));
        assertArrayEquals(new int[]{0, 1}, order.keep("layer1.0.conv1", 2));  // kept in index order
        assertArrayEquals(new int[]{1}, order.keep("layer1.0.conv1", 1));
        assertArrayEquals(new boolean[]{true, false, true}, order.keepMask("layer1.stream", 2));
    }

    @Test
    void rejectsWhatIsNotAnOrder() {
        assertEquals("the order of group g is not a permutation of 0..1: [0, 0]",
                assertThrows(IllegalArgumentException.class,
                        () -> new ChannelOrder(Map.of("g", new int[]{0, 0}))).getMessage());
        ChannelOrder identity = ChannelOrder.identity(MINI);
        assertArrayEquals(new int[]{0, 1, 2}, identity.order("layer1.stream"));
        assertEquals("group layer1.stream has 3 channels, cannot keep 4",
                assertThrows(IllegalArgumentException.class, () -> identity.keep("layer1.stream", 4)).getMessage());
        assertEquals("no channel order for group nope",
                assertThrows(IllegalArgumentException.class, () -> identity.order("nope")).getMessage());
        Architecture noNorm = single("conv1");
        assertEquals("group s has no batch-norm producer to rank its channels by BN",
                assertThrows(IllegalArgumentException.class,
                        () -> ChannelOrder.of(noNorm, Importance.BN, W::get)).getMessage());
    }

    /** On a built network the flattening follows the [kH, kW, in, out] layout of its weights. */
    @Test
    void networkWeightsAreReadWithTheOutputChannelLast() {
        Network net = Models.build(new ModelSpec.ResNet(20, 0.25), new long[]{3, 32, 32}, 10, 3, 0);
        Architecture a = net.architecture();
        Architecture.ChannelGroup inner = a.groups().stream().filter(g -> g.name().equals("layer2.1.conv1"))
                .findFirst().orElseThrow();
        INDArray w = net.array("layer2.1.conv1.weight");
        double[] expected = Transforms.abs(w.castTo(DataType.DOUBLE), true).sum(0, 1, 2).toDoubleVector();
        assertEquals(8, expected.length);
        double[] scores = ChannelOrder.scores(a, inner, Importance.L1, name -> ChannelOrder.flat(net.array(name)));
        assertArrayEquals(expected, scores, 1e-5);
        ChannelOrder order = ChannelOrder.of(net, Importance.L1);
        int[] top = order.order("layer2.1.conv1");
        for (int i = 1; i < top.length; i++) assertTrue(scores[top[i - 1]] >= scores[top[i]]);
    }

    /** The mini network with one group {@code s} of 3 channels produced by one layer alone. */
    private static Architecture single(String producer) {
        return new Architecture(MINI.layers(), MINI.stages(), List.of(alone(producer)));
    }

    private static Architecture.ChannelGroup alone(String producer) {
        return new Architecture.ChannelGroup("s", 3, List.of(producer), List.of());
    }
}
