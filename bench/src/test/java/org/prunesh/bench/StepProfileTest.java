package org.prunesh.bench;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.model.samediff.ActivationLayout;
import org.prunesh.bench.StepProfile.Part;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StepProfileTest {

    /** The tiny benches time whatever the JIT is doing: no wait for it. */
    private static final JitSettle.Limits NO_WAIT = JitSettle.DEFAULT.upTo(0);


    @Test
    void opsAreGroupedByWhatTheyComputeOnBothSides() {
        assertEquals(Part.CONVOLUTION, StepProfile.kind("conv2d_bp"));
        assertEquals(Part.CONVOLUTION, StepProfile.peerKind("aten::mkldnn_convolution"));
        assertEquals(Part.BATCH_NORM, StepProfile.kind("prunesh_batchnorm_bp"));
        assertEquals(Part.BATCH_NORM, StepProfile.peerKind("aten::native_batch_norm_backward"));
        assertEquals(Part.RELU, StepProfile.kind("relu"));
        assertEquals(Part.RELU, StepProfile.peerKind("aten::threshold_backward"));
        assertEquals(Part.POOLING, StepProfile.kind("maxpool2d_bp"));
        assertEquals(Part.LINEAR, StepProfile.kind("xw_plus_b"));
        assertEquals(Part.LINEAR, StepProfile.kind("matmul"));
        assertEquals(Part.LINEAR, StepProfile.peerKind("aten::addmm"));
        assertEquals(Part.LOSS, StepProfile.kind("softmax_cross_entropy_loss_with_logits_grad"));
        assertEquals(Part.OTHER_OPS, StepProfile.kind("add"));
        assertEquals(Part.OPTIMIZER, StepProfile.peerKind("optimizer"));
        assertEquals(Part.MASKS, StepProfile.peerKind("masks"));
        // the autograd engine's own entries, even when they name an op
        assertEquals(Part.FRAMEWORK, StepProfile.peerKind("autograd::engine::evaluate_function:_ReluBackward0"));
    }

    /**
     * Two profiled steps took 0.6 s (300 ms each) and two plain ones 0.5 s: 15.3 ms per step are in
     * named entries, the other 284.7 ms are the framework's with the autograd entry's 0.2.
     */
    @Test
    void thePeersAnswerBecomesMillisecondsPerStep() {
        StepProfile.Side s = StepProfile.peer(List.of("0.5", "0.6", "aten::convolution_backward:4:20000.0",
                "aten::native_batch_norm:4:8000.0", "optimizer:2:1000.0", "masks:2:200.0",
                "autograd::engine::evaluate_function:_ReluBackward0:4:400.0", "aten::add:4:1000.0"), 2);
        assertEquals(250, s.plainMs(), 1e-9);
        assertEquals(300, s.profiledMs(), 1e-9);
        Map<Part, Double> expected = new LinkedHashMap<>();
        for (Part p : Part.values()) expected.put(p, 0.0);
        expected.put(Part.CONVOLUTION, 10.0);
        expected.put(Part.BATCH_NORM, 4.0);
        expected.put(Part.OTHER_OPS, 0.5);
        expected.put(Part.OPTIMIZER, 0.5);
        expected.put(Part.MASKS, 0.1);
        expected.put(Part.FRAMEWORK, 0.2 + 284.7);
        expected.forEach((p, ms) -> assertEquals(ms, s.parts().get(p), 1e-9, p.label()));
        assertEquals(new StepProfile.Op("aten::convolution_backward", 2, 10), s.ops().get(0));
        assertEquals(new StepProfile.Op("autograd::engine::evaluate_function:_ReluBackward0", 2, 0.2), s.ops().get(4));
        assertThrows(IllegalArgumentException.class, () -> StepProfile.peer(List.of("0.5", "0.6", "aten::add"), 2));
    }

    /**
     * LeNet-5 per step, op by op: two convolutions forward, both weight gradients and the second's
     * input gradient from one prunesh_conv2d_bp each (the first needs no input gradient), their bias
     * gradients too; three linear layers as matmul and biasadd, each with its backward;
     * ReLU forward and its backward as sign times the gradient after each of the four layers. And
     * the parts add up to the step.
     */
    @Test
    void oursCountsEveryOpOfEveryProfiledStep() {
        BenchModel lenet = BenchModel.parse("lenet5", 1);
        StepProfile.Side ours = StepProfile.ours(lenet.build(1), new TrainingBench.Options(8, 0.5, 1, 1, 1, 1, NO_WAIT), 2);
        Map<String, Double> calls = new LinkedHashMap<>();
        ours.ops().forEach(op -> calls.put(op.name(), op.calls()));
        Map<String, Double> expected = new java.util.HashMap<>(Map.ofEntries(Map.entry("conv2d", 2.0),
                Map.entry("prunesh_conv2d_bp", 2.0),
                Map.entry("maxpool2d", 2.0), Map.entry("maxpool2d_bp", 2.0), Map.entry("matmul", 3.0),
                Map.entry("matmul_bp", 3.0), Map.entry("biasadd", 3.0), Map.entry("biasadd_bp", 3.0),
                Map.entry("relu", 4.0), Map.entry("sign", 4.0), Map.entry("multiply", 4.0),
                Map.entry("softmax_cross_entropy_loss_grad", 1.0),
                Map.entry("reshape", 3.0), Map.entry("shape_of", 1.0)));
        if (ActivationLayout.blocked(16)) {
            // the second convolution's 16 channels stay in the blocked layout through its max pooling,
            // then one copy out of it for the classifier and one back into it for the gradient (the
            // bias gradients come out of prunesh_conv2d_bp, no reduce_sum over a copy)
            expected.putAll(Map.of("maxpool2d", 1.0, "maxpool2d_bp", 1.0, "prunesh_maxpool2", 1.0,
                    "prunesh_maxpool2_bp", 1.0, "prunesh_relayout", 2.0));
        }
        assertEquals(expected, calls);
        double sum = ours.parts().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(ours.profiledMs(), sum, 1e-6);
    }
}
