package org.prunesh.bench;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.prune.TensorState;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectionBenchTest {

    @Test
    void theStreamingPassSumsAbsoluteWeightsAndGradientsOverEveryTensor() {
        TensorState a = new TensorState("a", new long[]{5}, new float[]{1, -2, 3, -4, 5},
                new float[]{0.5f, -0.5f, 1, 1, -1}, new boolean[5]);
        TensorState b = new TensorState("b", new long[]{2}, new float[]{-0.25f, 0}, new float[]{0, 2}, new boolean[2]);
        assertEquals(15 + 4 + 0.25 + 2, SelectionBench.streamingPass(List.of(a, b)));
    }

    @Test
    void aTinyRunPrunesTheTargetOfTheWeightsOnlyAndTimesAllThree() {
        // MLP 16 -> 32 -> 4: prunable fc1.weight (512) and fc2.weight (128); biases are not ranked
        var net = Models.build(new ModelSpec.Mlp(List.of(32), 1.0), new long[]{16}, 4, 1, 0);
        SelectionBench.Result r = SelectionBench.run(net, 0.3, 2, 0, 1);
        assertEquals(640, r.parameters());
        assertEquals(2, r.tensors());
        assertEquals(Math.round(0.3 * 640), r.pruned());
        assertEquals(2, r.repeats());
        assertEquals(0, r.warmups(), "no warm-up asked for");
        assertTrue(r.firstSelectSeconds() > 0, r.toString());
        assertEquals(r.selectSeconds() / r.passSeconds(), r.selectRatio());
        assertEquals(r.stepSeconds() / r.passSeconds(), r.stepRatio());
        assertEquals("gradient ratio 0.5 then magnitude", SelectionBench.FGGP.describe());
    }

    @Test
    void atLeastOneRepeat() {
        var net = Models.build(new ModelSpec.Mlp(List.of(4), 1.0), new long[]{2}, 2, 1, 0);
        assertEquals("selection bench needs at least 1 repeat, got 0",
                assertThrows(IllegalArgumentException.class, () -> SelectionBench.run(net, 0.3, 0, 0, 1)).getMessage());
    }
}
