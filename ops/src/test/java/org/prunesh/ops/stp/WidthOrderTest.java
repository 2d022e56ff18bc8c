package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.Slimming;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WidthOrderTest {

    private static final ArchSpace SPACE = new ArchSpace(List.of(new ArchSpace.DepthRange(1, 3),
            new ArchSpace.DepthRange(1, 3), new ArchSpace.DepthRange(1, 3)), List.of(0.25, 0.5, 0.75, 1.0), false);

    /** ResNet-20 at width 0.25: layer1.stream has 4 channels. */
    private static Network net() {
        return Models.build(new ModelSpec.ResNet(20, 0.25), new long[]{1, 28, 28}, 10, 2, 0, new Slimming(1, 1, 1));
    }

    /** Scales the stem's filter of stream channel {@code c}, which moves it in the L1 order. */
    private static void scaleStem(Network net, int c, double factor) {
        INDArray w = net.array("conv1.weight");
        INDArray filter = w.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(c));
        w.put(new org.nd4j.linalg.indexing.INDArrayIndex[]{NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.point(c)}, filter.mul(factor));
    }

    private static StimulativeTraining hook(Network net, WidthOrder order) {
        return new StimulativeTraining(net, new UniformSampler(SPACE, net.architecture()), order, 1);
    }

    @Test
    void theFixedPrefixNeverMovesWhateverTheWeights() {
        Network net = net();
        StimulativeTraining st = hook(net, WidthOrder.DEFAULT);
        assertEquals(new WidthOrder.Fixed(), WidthOrder.DEFAULT);
        st.beforeStep(0, 10);
        scaleStem(net, 3, 1000);
        st.beforeStep(1, 10);
        for (String g : st.order().groups()) {
            int[] identity = ChannelOrder.identity(net.architecture()).order(g);
            assertArrayEquals(identity, st.order().order(g), g);
        }
        assertArrayEquals(new int[]{0, 1, 2, 3}, st.order().order("layer1.stream"));
    }

    @Test
    void reRankedFollowsTheWeightsAndFrozenStopsFollowingThem() {
        Network net = net();
        StimulativeTraining reranked = hook(net, new WidthOrder.Reranked(Importance.L1, 1));
        StimulativeTraining frozen = hook(net, new WidthOrder.FrozenAfter(Importance.L1, 1, 2));
        scaleStem(net, 3, 1000);
        reranked.beforeStep(0, 10);
        frozen.beforeStep(0, 10);
        assertEquals(3, reranked.order().order("layer1.stream")[0]);
        assertEquals(3, frozen.order().order("layer1.stream")[0]);
        scaleStem(net, 3, 0);
        scaleStem(net, 2, 1000);
        reranked.beforeStep(1, 10);
        frozen.beforeStep(1, 10);   // before step 2: still ranked
        assertEquals(2, reranked.order().order("layer1.stream")[0]);
        assertEquals(2, frozen.order().order("layer1.stream")[0]);
        scaleStem(net, 2, 0);
        scaleStem(net, 1, 1000);
        reranked.beforeStep(2, 10);
        frozen.beforeStep(2, 10);   // from step 2 on: frozen
        assertEquals(1, reranked.order().order("layer1.stream")[0]);
        assertEquals(2, frozen.order().order("layer1.stream")[0]);
    }

    @Test
    void whenEachPolicyRanksAgain() {
        WidthOrder.Reranked every3 = new WidthOrder.Reranked(Importance.BN, 3);
        assertTrue(every3.rerankAt(0));
        assertFalse(every3.rerankAt(2));
        assertTrue(every3.rerankAt(6));
        WidthOrder.FrozenAfter frozen = new WidthOrder.FrozenAfter(Importance.L1, 3, 6);
        assertTrue(frozen.rerankAt(3));
        assertFalse(frozen.rerankAt(6));
        assertFalse(new WidthOrder.Fixed().rerankAt(0));
    }
}
