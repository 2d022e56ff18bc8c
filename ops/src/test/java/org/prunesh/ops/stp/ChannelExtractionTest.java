package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.model.BatchNormState;
import org.prunesh.ops.model.ChannelCoupling;
import org.prunesh.ops.model.Exclusions;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.model.ParamKind;
import org.prunesh.ops.prune.DensityBounds;
import org.prunesh.ops.prune.Granularity;
import org.prunesh.ops.prune.MagnitudeScore;
import org.prunesh.ops.prune.MaskSelector;
import org.prunesh.ops.prune.PruneRequest;
import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.Selection;
import org.prunesh.ops.prune.SelectionContext;
import org.prunesh.ops.train.Evaluator;
import org.prunesh.ops.train.MaskState;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Channel pruning along the coupled groups, then extraction of the smaller network from the masks. */
class ChannelExtractionTest {

    private static final List<String> STREAM1 = List.of("conv1.weight", "layer1.0.conv2.weight",
            "layer1.1.conv2.weight", "layer1.2.conv2.weight");

    /** ResNet-20 at width 0.25 (streams of 4, 8 and 16 channels) with non-trivial batch norms. */
    private static Network resnet() {
        return Nets.withBatchNorms(Models.build(new ModelSpec.ResNet(20, 0.25), new long[]{1, 28, 28}, 10, 3, 0));
    }

    /** Every convolution (not the classifier) pruned layerwise to 25% of its group's channels by L1. */
    private static MaskState pruned(Network net) {
        List<String> prunable = new Exclusions(false, true, true, true, List.of()).prunable(net.params()).stream()
                .map(ParamInfo::name).toList();
        MaskState masks = MaskState.dense(net, prunable);
        PruneRequest request = new PruneRequest(Selection.of(new MagnitudeScore()), Scope.LAYERWISE,
                new Granularity.Channel(Granularity.Norm.L1), DensityBounds.NONE)
                .coupledAs(ChannelCoupling.of(net).prunableWeights(prunable));
        masks.update(MaskSelector.select(masks.tensorStates(net, null), 0.25, request, SelectionContext.START));
        return masks;
    }

    @Test
    void theGroupsOfAResNetAreItsStreamsAndItsBlocksInnerConvolutions() {
        ChannelCoupling c = ChannelCoupling.of(resnet());
        assertEquals(STREAM1, group(c, "layer1.stream").weights());
        assertEquals(List.of("bn1.weight", "bn1.bias", "layer1.0.bn2.weight", "layer1.0.bn2.bias",
                "layer1.1.bn2.weight", "layer1.1.bn2.bias", "layer1.2.bn2.weight", "layer1.2.bn2.bias"),
                group(c, "layer1.stream").followers());
        // Three streams and nine inner groups; the stage-2 stream starts at its projection shortcut.
        assertEquals(12, c.groups().size());
        assertEquals(List.of("layer2.0.shortcut.0.weight", "layer2.0.conv2.weight", "layer2.1.conv2.weight",
                "layer2.2.conv2.weight"), group(c, "layer2.stream").weights());
        assertEquals(List.of("layer2.1.conv1.weight"), group(c, "layer2.1.conv1").weights());
        // Excluding the stem leaves the rest of its stream ranked together.
        assertEquals(STREAM1.subList(1, 4), c.prunableWeights(STREAM1.subList(1, 4)).get(0));
    }

    private static ChannelCoupling.Group group(ChannelCoupling c, String name) {
        return c.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aResidualStreamLosesTheSameChannelInEveryConvolution() {
        Network net = resnet();
        MaskState masks = pruned(net);
        // The channel of lowest L1 summed over the stream's four convolutions goes from all four.
        double[] sum = new double[4];
        for (String w : STREAM1) {
            INDArray l1 = Nd4j.math().abs(net.array(w)).reshape('c', -1, 4).sum(0);
            for (int c = 0; c < 4; c++) sum[c] += l1.getDouble(c);
        }
        int lowest = 0;
        for (int c = 1; c < 4; c++) if (sum[c] < sum[lowest]) lowest = c;
        for (String w : STREAM1) {
            INDArray perChannel = masks.mask(w).reshape('c', -1, 4).min(0);
            float[] expected = {1, 1, 1, 1};
            expected[lowest] = 0;
            assertArrayEquals(expected, perChannel.toFloatVector(), w);
            assertEquals(0, masks.mask(w).reshape('c', -1, 4).max(0).getFloat(lowest), 0, w + " keeps an element");
        }
        // 25% of every group: 1 of 4, 2 of 8, 4 of 16 channels; the classifier is excluded.
        assertEquals(3, ChannelCoupling.of(net).keptChannels(masks.masks()).get("layer1.stream").length);
        assertEquals(6, ChannelCoupling.of(net).keptChannels(masks.masks()).get("layer2.1.conv1").length);
        assertEquals(12, ChannelCoupling.of(net).keptChannels(masks.masks()).get("layer3.stream").length);
    }

    /** Asserts that the cut network's eval-mode logits equal the masked network's on a random batch. */
    private static void assertSameLogits(Network net, MaskState masks, Network cut) {
        // The masked network as training with channel granularity leaves it: weights masked, and the
        // batch norms of removed channels zeroed.
        Network masked = Models.copyOf(net);
        masks.apply(masked);
        ChannelCoupling.of(masked).zeroFollowers(masked, masks.masks());
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.FLOAT, 8, 784);
        masked.batchNorm().force(BatchNormState.Mode.EVAL);
        cut.batchNorm().force(BatchNormState.Mode.EVAL);
        INDArray expectedLogits = Evaluator.logits(masked, x);
        double maxDiff = expectedLogits.sub(Evaluator.logits(cut, x)).amaxNumber().doubleValue();
        assertTrue(maxDiff <= 1e-4, "max |masked - extracted| = " + maxDiff);
        // The cut matters: the unpruned network answers differently.
        net.batchNorm().force(BatchNormState.Mode.EVAL);
        assertTrue(Evaluator.logits(net, x).sub(expectedLogits).amaxNumber().doubleValue() > 1e-2);
    }

    @Test
    void theExtractedNetworkComputesTheMaskedOnesLogitsWithFewerMacs() {
        Network net = resnet();
        MaskState masks = pruned(net);
        Extraction.Result cut = Extraction.fromMasks(net, masks.masks());
        assertEquals(new ModelSpec.SubnetResNet(20, 0.25, List.of(3, 6, 12),
                List.of(List.of(3, 3, 3), List.of(6, 6, 6), List.of(12, 12, 12))), cut.network().spec());

        // MACs at 32x32 (28x28 padded): stem 3x3 1->3; layer1 six 3x3 3->3; layer2 at 16x16: 3->6 (stride 2),
        // 1x1 projection 3->6, five 3x3 6->6; layer3 at 8x8: 6->12, projection 6->12, five 12->12; fc 12x10.
        long expected = 9L * 1 * 3 * 1024 + 6 * 9L * 3 * 3 * 1024
                + 9L * 3 * 6 * 256 + 3 * 6 * 256 + 5 * 9L * 6 * 6 * 256
                + 9L * 6 * 12 * 64 + 6 * 12 * 64 + 5 * 9L * 12 * 12 * 64 + 12 * 10;
        assertEquals(expected, cut.macs());
        assertEquals(1_447_032, expected);
        assertTrue(cut.macs() < cut.fullMacs());

        assertSameLogits(net, masks, cut.network());
    }

    @Test
    void aChannelPrunedVggIsCutLayerByLayer() {
        // VGG-19 at width 1/16: convolutions of 4, 4, 8, 8, 16 (x4), 32 (x4), 32 (x4) channels; 25% of each goes.
        Network net = Nets.withBatchNorms(Models.build(new ModelSpec.Vgg19(1.0 / 16), new long[]{1, 28, 28}, 10, 3, 0));
        MaskState masks = pruned(net);
        Extraction.Result cut = Extraction.fromMasks(net, masks.masks());
        assertEquals(new ModelSpec.SubnetVgg19(1.0 / 16, List.of(3, 3, 6, 6, 12, 12, 12, 12, 24, 24, 24, 24,
                24, 24, 24, 24)), cut.network().spec());
        // At 32x32, 16x16, 8x8, 4x4 and 2x2, then the classifier on 24 features.
        long expected = 9L * (1 * 3 + 3 * 3) * 1024 + 9L * (3 * 6 + 6 * 6) * 256 + 9L * (6 * 12 + 3 * 12 * 12) * 64
                + 9L * (12 * 24 + 3 * 24 * 24) * 16 + 9L * 4 * 24 * 24 * 4 + 24 * 10;
        assertEquals(expected, cut.macs());
        assertEquals(898_800, expected);
        assertSameLogits(net, masks, cut.network());
    }

    @Test
    void onlyBasicBlockResNetsAndVggCanBeCut() {
        Network lenet = Models.build(new ModelSpec.LeNet5(1), new long[]{1, 28, 28}, 10, 3, 0);
        assertEquals("extraction needs a basic-block ResNet (resnet20, resnet32, resnet56, resnet110) or VGG-19, not lenet5",
                assertThrows(IllegalArgumentException.class, () -> Extraction.fromMasks(lenet, Map.of())).getMessage());
    }
}
