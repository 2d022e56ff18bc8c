package org.prunesh.ops.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModelsTest {

    @Test
    void lenet5OnFashionMnistHasTheClassicParameterCount() {
        Network net = Models.build(new ModelSpec.LeNet5(1.0), new long[]{1, 28, 28}, 10, 1, 0);
        // conv1 5*5*1*6+6, conv2 5*5*6*16+16, fc1 400*120+120, fc2 120*84+84, fc3 84*10+10
        assertEquals(156 + 2416 + 48120 + 10164 + 850, net.parameterCount());
        assertArrayEquals(new long[]{5, 5, 1, 6}, net.params().get(0).shape());
        assertEquals(List.of("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias",
                "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"), net.params().stream().map(ParamInfo::name).toList());
    }

    @Test
    void widthScalesHiddenLayers() {
        Network net = Models.build(new ModelSpec.Mlp(List.of(300, 100), 0.5), new long[]{784}, 10, 1, 0);
        assertEquals(784 * 150 + 150 + 150 * 50 + 50 + 50 * 10 + 10, net.parameterCount());
    }

    @Test
    void cnnOnCifarShapes() {
        Network net = Models.build(new ModelSpec.Cnn(0.25), new long[]{3, 32, 32}, 10, 1, 0);
        // channels 8, 8, 16, 16; fc1 16*8*8 -> 64; fc2 64 -> 10
        long expected = (27 * 8 + 8) + (72 * 8 + 8) + (72 * 16 + 16) + (144 * 16 + 16) + (1024 * 64 + 64) + (64 * 10 + 10);
        assertEquals(expected, net.parameterCount());
    }

    @Test
    void convModelsRejectFlatData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Models.build(new ModelSpec.LeNet5(1), new long[]{32}, 4, 1, 0));
        assertEquals("model lenet5 needs image data (channels x height x width); this data set has flat samples "
                + "of 32 features; use model mlp", e.getMessage());
    }

    @Test
    void exclusionsPickTensorsByKindPositionAndGlob() {
        Network net = Models.build(new ModelSpec.LeNet5(1.0), new long[]{1, 28, 28}, 10, 1, 0);
        assertEquals(List.of("conv1.weight", "conv2.weight", "fc1.weight", "fc2.weight", "fc3.weight"),
                names(Exclusions.DEFAULT.prunable(net.params())));
        assertEquals(List.of("conv2.weight", "fc1.weight", "fc2.weight"),
                names(new Exclusions(true, true, true, true, List.of()).prunable(net.params())));
        assertEquals(List.of("fc1.weight", "fc2.weight", "fc3.weight"),
                names(new Exclusions(false, false, true, true, List.of("conv*")).prunable(net.params())));
        assertEquals(10, Exclusions.NONE.prunable(net.params()).size());
    }

    private static List<String> names(List<ParamInfo> params) {
        return params.stream().map(ParamInfo::name).toList();
    }
}
