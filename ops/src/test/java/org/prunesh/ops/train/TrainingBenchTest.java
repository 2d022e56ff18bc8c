package org.prunesh.ops.train;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingBenchTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, TrainingBench.median(new double[]{3, 1, 2}));
        assertEquals(2.5, TrainingBench.median(new double[]{4, 1, 3, 2}));
    }

    @Test
    void aTinyBenchReportsBothRatesAndTheirRatioAndKeepsTheMaskedNetworkAtItsSparsity() {
        ModelSpec spec = new ModelSpec.Mlp(List.of(32), 1.0);
        Network masked = Models.build(spec, new long[]{16}, 4, 1, 0);
        TrainingBench.Result r = TrainingBench.run("mlp", masked, 32, 0.5, 1, 3, 2, 1);
        assertTrue(r.denseImagesPerSecond() > 0 && r.maskedImagesPerSecond() > 0, r.toString());
        assertEquals(r.denseImagesPerSecond() / r.maskedImagesPerSecond() - 1, r.maskedOverhead(), 1e-12);
        // the last block re-applied the masks: half of the 16x32 + 32x4 prunable weights are zero
        long zeros = 0;
        for (String name : List.of("fc1.weight", "fc2.weight")) {
            for (float w : masked.array(name).dup().data().asFloat()) if (w == 0f) zeros++;
        }
        assertEquals((16 * 32 + 32 * 4) / 2, zeros);
    }
}
