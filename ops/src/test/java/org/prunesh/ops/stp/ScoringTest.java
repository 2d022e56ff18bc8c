package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.data.Dataset;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.Slimming;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Search and extraction realise a subnet with one calibration. */
class ScoringTest {

    private static Dataset data() {
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.randn(DataType.FLOAT, 70, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 70, 10);
        for (int i = 0; i < 70; i++) y.putScalar(i, i % 10, 1f);
        return new Dataset("synthetic", x, y, x, y, 10, new long[]{1, 28, 28}).holdOut(30);
    }

    @Test
    void batchesAreTheFirstOfEachSplitInDataOrder() {
        Dataset data = data();
        Scoring s = new Scoring(3, 2, 16, 1);
        List<INDArray> calibration = s.calibration(data);
        assertEquals(List.of(16L, 16L, 8L), calibration.stream().map(b -> b.size(0)).toList());
        assertEquals(data.trainX().getRow(17), calibration.get(1).getRow(1));
        List<INDArray> heldOut = s.heldOut(data);
        assertEquals(List.of(16L, 14L), heldOut.stream().map(b -> b.size(0)).toList());
        assertEquals(data.heldOutX().getRow(16), heldOut.get(1).getRow(0));
        assertEquals(new Scoring(20, 4, 128, 1.0), Scoring.defaults(128));
        assertEquals("calibration needs at least one batch, not 0",
                assertThrows(IllegalArgumentException.class, () -> new Scoring(0, 4, 128, 1)).getMessage());
    }

    @Test
    void theScoredAndTheExtractedSubnetHaveTheSameStatisticsAndAccuracy() {
        Dataset data = data();
        Network net = Models.build(new ModelSpec.ResNet(20, 0.25), new long[]{1, 28, 28}, 10, 2, 0,
                Slimming.masksOnly());
        ChannelOrder order = ChannelOrder.identity(net.architecture());
        Arch arch = Arch.coupled(net.architecture(), List.of(1, 2, 3), List.of(0.5, 0.75, 0.5));
        Scoring s = new Scoring(2, 1, 16, 1);
        Network scored, extracted;
        double accuracy;
        try (CandidateEvaluator e = s.evaluator(net, order, data)) {
            assertTrue(e.applyAsDouble(arch) > 0);
            accuracy = e.accuracy(arch, data.heldOutX(), data.heldOutY());
            scored = e.extract(arch);
            assertEquals(2, e.calibrationBatches());
        }
        try (CandidateEvaluator e = s.extractor(net, order, data)) {
            extracted = e.extract(arch);
        }
        for (String b : scored.buffers()) assertEquals(scored.array(b), extracted.array(b), b);
        assertEquals(accuracy, org.prunesh.ops.train.Evaluator.evaluate(extracted, data.heldOutX(), data.heldOutY(),
                1000).accuracy(), 1e-12);
    }
}
