package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.Slimming;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StimulativeTrainingTest {

    private static final ArchSpace SPACE = new ArchSpace(List.of(new ArchSpace.DepthRange(1, 3),
            new ArchSpace.DepthRange(1, 3), new ArchSpace.DepthRange(1, 3)), List.of(0.25, 0.5, 0.75, 1.0), false);

    private static Network net() {
        return Models.build(new ModelSpec.ResNet(20, 0.25), new long[]{1, 28, 28}, 10, 2, 0, new Slimming(2, 1, 4));
    }

    private static float[] mask(Network net, int branch, String bn) {
        return net.graph().getArrForVarName(Slimming.maskName(branch, bn)).dup().data().asFloat();
    }

    @Test
    void eachStepWritesOneSampledSubnetPerBranchAndLeavesTheFullNetworkWhole() {
        Network net = net();
        ExpansionSampler sampler = new ExpansionSampler(SPACE, net.architecture(), 0.35, 0.5);
        StimulativeTraining hook = new StimulativeTraining(net, sampler, Importance.L1, 10, 7);
        hook.beforeStep(40, 100);
        for (String bn : List.of("bn1", "layer1.0.bn1", "layer3.2.bn2")) {
            float[] full = mask(net, 0, bn);
            for (float v : full) assertEquals(1f, v);
        }
        // Branch masks realise the channels that the same draw keeps.
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7 * 0x9E3779B97F4A7C15L + 40);
        ExpansionSampler replay = new ExpansionSampler(SPACE, net.architecture(), 0.35, 0.5);
        Arch first = replay.next(0.4, rng);
        StpGraph.Kept kept = StpGraph.Kept.of(net.architecture(), first, ChannelOrder.of(net, Importance.L1));
        float[] stream = mask(net, 1, "bn1");
        float[] expected = new float[stream.length];
        for (int c : kept.channels("layer1.stream")) expected[c] = 1f;
        assertArrayEquals(expected, stream);
        assertTrue(SubnetLayout.of(net.architecture(), first).macsFraction() >= sampler.floor(0.4) - 1e-12);
    }

    @Test
    void theKdTermVanishesWhenTheSubnetIsTheFullNetworkAndNotOtherwise() {
        Network net = net();
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 8, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 10);
        for (int i = 0; i < 8; i++) y.putScalar(i, i % 10, 1f);
        String kd = Slimming.distillName(1);
        net.graph().getSessions().clear();
        double same = net.graph().output(Map.of(Network.INPUT, x, Network.LABEL, y), kd).get(kd).getDouble(0);
        assertEquals(0.0, same, 1e-6);

        Arch small = Arch.coupled(net.architecture(), List.of(1, 2, 1), List.of(0.5, 0.5, 0.25));
        StpGraph.apply(net, 1, StpGraph.Kept.of(net.architecture(), small, ChannelOrder.identity(net.architecture())));
        net.graph().getSessions().clear();
        double different = net.graph().output(Map.of(Network.INPUT, x, Network.LABEL, y), kd).get(kd).getDouble(0);
        assertTrue(different > 1e-4, "KD " + different);
    }

    @Test
    void stateRoundTripRestoresTheChannelOrderAndTheFrontier() {
        Network net = net();
        StimulativeTraining a = new StimulativeTraining(net,
                new ExpansionSampler(SPACE, net.architecture(), 0.35, 0.5), Importance.L1, 1000, 5);
        for (long step = 0; step < 6; step++) a.beforeStep(step, 20);
        Map<String, double[]> saved = a.state();

        ExpansionSampler sampler = new ExpansionSampler(SPACE, net.architecture(), 0.35, 0.5);
        StimulativeTraining b = new StimulativeTraining(net, sampler, Importance.L1, 1000, 5);
        b.restore(saved);
        for (String g : a.order().groups()) assertArrayEquals(a.order().order(g), b.order().order(g), g);
        a.beforeStep(6, 20);
        float[] fromA = mask(net, 2, "layer2.0.bn1");
        b.beforeStep(6, 20);
        assertArrayEquals(fromA, mask(net, 2, "layer2.0.bn1"));
    }
}
