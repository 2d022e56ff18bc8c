package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.model.BatchNormState;
import org.prunesh.ops.model.Flops;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.Slimming;
import org.prunesh.ops.train.Evaluator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractionTest {

    /** ResNet-20 at width 0.5: streams of 8, 16 and 32 channels. */
    private static Network slimmable() {
        return Nets.withBatchNorms(Models.build(new ModelSpec.ResNet(20, 0.5), new long[]{1, 28, 28}, 10, 3, 0,
                Slimming.masksOnly()));
    }

    private static StpGraph.Kept kept() {
        Map<String, int[]> ch = new HashMap<>();
        ch.put("layer1.stream", new int[]{0, 2, 3, 7});
        ch.put("layer2.stream", new int[]{1, 4, 5, 9, 10, 15});
        ch.put("layer3.stream", new int[]{0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30});
        ch.put("layer1.0.conv1", new int[]{1, 6});
        ch.put("layer1.1.conv1", new int[]{0, 1, 2, 3, 4});
        ch.put("layer1.2.conv1", new int[]{5});
        ch.put("layer2.0.conv1", new int[]{2, 3, 8, 11});
        ch.put("layer2.1.conv1", new int[]{0, 15});
        ch.put("layer2.2.conv1", new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
        ch.put("layer3.0.conv1", new int[]{31});
        ch.put("layer3.1.conv1", new int[]{4, 5});
        ch.put("layer3.2.conv1", new int[]{6});
        return new StpGraph.Kept(ch, Set.of("layer1.2", "layer3.1", "layer3.2"));
    }

    @Test
    void extractedLogitsEqualTheMaskedSubnet() {
        Network full = slimmable();
        StpGraph.Kept kept = kept();
        StpGraph.apply(full, 0, kept);
        Network small = Extraction.extract(full, kept);
        assertEquals(new ModelSpec.SubnetResNet(20, 0.5, List.of(4, 6, 11),
                List.of(List.of(2, 5), List.of(4, 2, 16), List.of(1))), small.spec());

        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.FLOAT, 16, 784);
        full.batchNorm().force(BatchNormState.Mode.EVAL);
        small.batchNorm().force(BatchNormState.Mode.EVAL);
        INDArray masked = Evaluator.logits(full, x);
        INDArray extracted = Evaluator.logits(small, x);
        double maxDiff = Math.abs(masked.sub(extracted).amaxNumber().doubleValue());
        assertTrue(maxDiff <= 1e-4, "max |masked - extracted| = " + maxDiff);
        // The masks matter: the full network answers differently.
        StpGraph.reset(full, 0);
        assertTrue(Evaluator.logits(full, x).sub(extracted).amaxNumber().doubleValue() > 1e-2);
    }

    @Test
    void extractedNetworkIsPhysicallySmaller() {
        Network full = slimmable();
        Network small = Extraction.extract(full, kept());
        // Stem 3x3x1x4 + bn; layer1.0 (4->2->4), layer1.1 (4->5->4); layer2.0 (4->4->6, projection 4->6),
        // layer2.1 (6->2->6), layer2.2 (6->16->6); layer3.0 (6->1->11, projection 6->11); fc 11x10+10.
        long expected = 36 + 8
                + (9 * 4 * 2 + 4 + 9 * 2 * 4 + 8) + (9 * 4 * 5 + 10 + 9 * 5 * 4 + 8)
                + (9 * 4 * 4 + 8 + 9 * 4 * 6 + 12 + 4 * 6 + 12) + (9 * 6 * 2 + 4 + 9 * 2 * 6 + 12)
                + (9 * 6 * 16 + 32 + 9 * 16 * 6 + 12)
                + (9 * 6 * 1 + 2 + 9 * 1 * 11 + 22 + 6 * 11 + 22) + (11 * 10 + 10);
        assertEquals(expected, small.parameterCount());
        assertTrue(Flops.count(small).macs() < Flops.count(full).macs());
        assertArrayEquals(new long[]{3, 3, 4, 2}, small.array("layer1.0.conv1.weight").shape());
        // The kept slice: stream channel 2 (input index 1) to internal channel 6 (output index 1).
        assertEquals(full.array("layer1.0.conv1.weight").getFloat(0, 1, 2, 6),
                small.array("layer1.0.conv1.weight").getFloat(0, 1, 1, 1));
    }

    @Test
    void aDroppedBlockBeforeAKeptOneIsRefused() {
        Network full = slimmable();
        StpGraph.Kept k = kept();
        StpGraph.Kept bad = new StpGraph.Kept(k.channels(), Set.of("layer2.1"));
        assertThrows(IllegalArgumentException.class, () -> Extraction.spec(full, bad));
    }

    @Test
    void gatherKeepsIndexedSlicesAlongAnAxis() {
        long[] shape = {2, 3, 2};
        float[] v = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        assertArrayEquals(new float[]{4, 5, 0, 1, 10, 11, 6, 7}, Extraction.gather(v, shape, 1, new int[]{2, 0}));
        assertArrayEquals(new long[]{2, 2, 2}, shape);
    }
}
