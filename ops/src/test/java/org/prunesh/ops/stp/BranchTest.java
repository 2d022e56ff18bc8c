package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.model.BatchNormState;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.model.ParamKind;
import org.prunesh.ops.model.Slimming;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A training branch is the subnet it stands for: its gradient and its training-mode logits. */
class BranchTest {

    /** ResNet-20 at width 0.25 (streams of 4, 8, 16) with one training branch, T = 1. */
    private static Network net() {
        return Models.build(new ModelSpec.ResNet(20, 0.25), new long[]{1, 28, 28}, 10, 2, 0, new Slimming(1, 1, 1));
    }

    private static final Map<String, INDArray> BATCH = batch();

    private static Map<String, INDArray> batch() {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 8, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 10);
        for (int i = 0; i < 8; i++) y.putScalar(i, i % 10, 1f);
        return Map.of(Network.INPUT, x, Network.LABEL, y);
    }

    /** Depth [1, 2, 3]: layer1.1, layer1.2 and layer2.2 dropped; inner groups at half width. */
    private static final List<Integer> DEPTH = List.of(1, 2, 3);

    @Test
    void theDistillationGradientIsZeroForWeightsOnlyDroppedBlocksUseAndNotForSharedOnes() {
        Network net = net();
        Arch arch = Arch.coupled(net.architecture(), DEPTH, List.of(0.5, 0.5, 0.5));
        StpGraph.Kept kept = StpGraph.Kept.of(net.architecture(), arch, ChannelOrder.identity(net.architecture()));
        StpGraph.apply(net, 1, kept);
        net.graph().setLossVariables(Slimming.distillName(1));
        List<String> weights = new ArrayList<>();
        for (ParamInfo p : net.params()) weights.add(p.name());
        Map<String, INDArray> grads = net.graph().calculateGradients(BATCH, weights);

        List<String> dropped = List.of("layer1.1", "layer1.2", "layer2.2");
        int zero = 0, shared = 0;
        for (ParamInfo p : net.params()) {
            INDArray g = grads.get(p.name());
            String block = p.layer().length() > 8 ? p.layer().substring(0, 8) : p.layer();
            if (dropped.contains(block)) {
                assertEquals(0.0, g.amaxNumber().doubleValue(), p.name());   // exactly
                zero++;
            } else if (p.kind() == ParamKind.WEIGHT) {
                assertTrue(g.amaxNumber().doubleValue() > 0, p.name());
                shared++;
            }
        }
        assertEquals(3 * 6, zero);   // two convolutions and two batch norms (weight, bias) per block
        assertEquals(1 + 6 * 2 + 2 + 1, shared);   // convolution and dense weights: stem, 6 kept blocks, 2 shortcuts, fc
        // within a kept block, the filters of dropped inner channels (2 and 3 of 4) get nothing either
        INDArray inner = grads.get("layer1.0.conv1.weight");
        for (int c = 0; c < 4; c++) {
            double amax = inner.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(c))
                    .amaxNumber().doubleValue();
            if (c < 2) assertTrue(amax > 0, "channel " + c);
            else assertEquals(0.0, amax, "channel " + c);
        }
    }

    @Test
    void aBranchsTrainingModeLogitsEqualTheExtractedNetworks() {
        Network net = net();
        Arch arch = new Arch(DEPTH, List.of(0.5, 0.75, 0.25),
                List.of(0.25, 0.5, 0.5, 1.0, 0.75, 0.75, 0.5, 0.25, 1.0));
        StpGraph.Kept kept = StpGraph.Kept.of(net.architecture(), arch, ChannelOrder.of(net, Importance.L1));
        StpGraph.apply(net, 1, kept);
        Network small = Extraction.extract(net, kept);

        net.batchNorm().force(BatchNormState.Mode.TRAIN);
        small.batchNorm().force(BatchNormState.Mode.TRAIN);
        net.graph().getSessions().clear();
        String branch = Slimming.logitsName(1);
        INDArray fromBranch = net.graph().output(Map.of(Network.INPUT, BATCH.get(Network.INPUT)), branch).get(branch);
        small.graph().getSessions().clear();
        INDArray extracted = small.graph().output(Map.of(Network.INPUT, BATCH.get(Network.INPUT)), Network.LOGITS)
                .get(Network.LOGITS);
        double diff = fromBranch.sub(extracted).amaxNumber().doubleValue();
        assertTrue(diff <= 1e-4, "max |branch - extracted| = " + diff);
        // the branch is not the full network
        INDArray full = net.graph().output(Map.of(Network.INPUT, BATCH.get(Network.INPUT)), Network.LOGITS)
                .get(Network.LOGITS);
        assertTrue(full.sub(extracted).amaxNumber().doubleValue() > 1e-2);
    }

    @Test
    void extractionLeavesTheFullNetworksArraysAsTheyWere() {
        Network net = net();
        Map<String, long[]> before = new java.util.HashMap<>();
        for (ParamInfo p : net.params()) before.put(p.name(), net.array(p.name()).shape().clone());
        Arch arch = Arch.coupled(net.architecture(), DEPTH, List.of(0.5, 0.5, 0.5));
        for (int i = 0; i < 2; i++) {
            Extraction.extract(net, StpGraph.Kept.of(net.architecture(), arch, ChannelOrder.identity(net.architecture())));
        }
        for (ParamInfo p : net.params()) {
            assertArrayEquals(before.get(p.name()), net.array(p.name()).shape(), p.name());
            assertEquals(Arrays.stream(before.get(p.name())).reduce(1, (x, y) -> x * y),
                    net.array(p.name()).dup('c').data().length(), p.name());
        }
    }
}
