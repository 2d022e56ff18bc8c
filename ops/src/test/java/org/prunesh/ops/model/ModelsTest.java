package org.prunesh.ops.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

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

    @Test
    void resnetTensorsHavePyTorchNames() {
        Network net = Models.build(new ModelSpec.ResNet(20, 0.5), new long[]{3, 32, 32}, 10, 1, 0);
        List<String> names = names(net.params());
        assertEquals(List.of("conv1.weight", "bn1.weight", "bn1.bias", "layer1.0.conv1.weight", "layer1.0.bn1.weight",
                "layer1.0.bn1.bias", "layer1.0.conv2.weight", "layer1.0.bn2.weight", "layer1.0.bn2.bias"), names.subList(0, 9));
        int shortcut = names.indexOf("layer2.0.shortcut.0.weight");
        assertEquals(List.of("layer2.0.bn2.bias", "layer2.0.shortcut.0.weight", "layer2.0.shortcut.1.weight",
                "layer2.0.shortcut.1.bias", "layer2.1.conv1.weight"), names.subList(shortcut - 1, shortcut + 4));
        assertEquals(List.of("fc.weight", "fc.bias"), names.subList(names.size() - 2, names.size()));
        // width 0.5: stages of 8, 16 and 32 channels; shortcut 1x1 from 8 to 16
        assertArrayEquals(new long[]{1, 1, 8, 16}, param(net, "layer2.0.shortcut.0.weight").shape());
        assertArrayEquals(new long[]{32, 10}, param(net, "fc.weight").shape());
        assertEquals(ParamKind.NORM, param(net, "layer3.2.bn2.weight").kind());
        // running mean and variance of 19 batch norms on the main path and 2 on projection shortcuts
        assertEquals(2 * 21, net.buffers().size());
        assertEquals(List.of("bn1.running_mean", "bn1.running_var", "layer1.0.bn1.running_mean"), net.buffers().subList(0, 3));
        // 19 convolutions on the main path and fc: the 20 of ResNet-20 (shortcuts not counted)
        assertEquals(20, names.stream().filter(n -> n.endsWith("conv1.weight") || n.endsWith("conv2.weight")
                || n.equals("fc.weight")).count());
    }

    @Test
    void vggTensorsAreNamedBySequentialIndex() {
        Network net = Models.build(new ModelSpec.Vgg19(0.25), new long[]{3, 32, 32}, 10, 1, 0);
        List<String> names = names(net.params());
        assertEquals(List.of("features.0.weight", "features.1.weight", "features.1.bias", "features.3.weight",
                "features.4.weight", "features.4.bias", "features.7.weight"), names.subList(0, 7));
        assertEquals(List.of("features.49.weight", "features.50.weight", "features.50.bias", "classifier.weight",
                "classifier.bias"), names.subList(names.size() - 5, names.size()));
        assertArrayEquals(new long[]{128, 10}, param(net, "classifier.weight").shape());
        // 16 convolutions and one linear classifier
        assertEquals(17, net.params().stream().filter(p -> p.kind() == ParamKind.WEIGHT).count());
    }

    @Test
    void fashionMnistImagesArePaddedTo32InsideTheGraph() {
        Network net = Models.build(new ModelSpec.ResNet(20, 0.25), new long[]{1, 28, 28}, 10, 1, 0);
        Architecture.Layer first = net.architecture().layers().get(0);
        assertEquals(32, first.inHeight());
        assertEquals(1, first.inChannels());
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 784);
        assertArrayEquals(new long[]{3, 10}, net.graph().output(Map.of(Network.INPUT, x), Network.LOGITS)
                .get(Network.LOGITS).shape());
        // VGG needs all 32 pixels for its five pools
        Network vgg = Models.build(new ModelSpec.Vgg19(0.125), new long[]{1, 28, 28}, 10, 1, 0);
        assertEquals(64, vgg.architecture().layer("classifier").inChannels());
    }

    @Test
    void copyCarriesWeightsAndRunningStatistics() {
        Network net = Models.build(new ModelSpec.ResNet(20, 0.25), new long[]{3, 32, 32}, 10, 1, 0);
        net.array("layer1.0.bn1.running_var").assign(3);
        net.array("conv1.weight").assign(0.5);
        Network copy = Models.copyOf(net);
        assertEquals(net.array("layer1.0.bn1.running_var"), copy.array("layer1.0.bn1.running_var"));
        assertEquals(net.array("conv1.weight"), copy.array("conv1.weight"));
    }

    @Test
    void resnetDepthMustBeSixNPlusTwo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelSpec.ResNet(21, 1));
        assertEquals("a CIFAR ResNet has depth 6n+2 (20, 32, 44, 56, 110), not 21", e.getMessage());
        assertEquals("resnet110", new ModelSpec.ResNet(110, 1).name());
    }

    @Test
    void newSpecsRoundTripThroughJsonWithTheirTypeNames() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("{\"kind\":\"resnet\",\"depth\":56,\"width\":0.5}", json.writeValueAsString(new ModelSpec.ResNet(56, 0.5)));
        assertEquals("{\"kind\":\"resnet50\",\"width\":1.0}", json.writeValueAsString(new ModelSpec.ResNet50(1)));
        assertEquals("{\"kind\":\"vgg19\",\"width\":0.25}", json.writeValueAsString(new ModelSpec.Vgg19(0.25)));
        for (ModelSpec spec : List.of(new ModelSpec.ResNet(110, 2), new ModelSpec.ResNet50(0.5), new ModelSpec.Vgg19(1))) {
            assertEquals(spec, json.readValue(json.writeValueAsString(spec), ModelSpec.class));
        }
    }

    private static ParamInfo param(Network net, String name) {
        return net.params().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> names(List<ParamInfo> params) {
        return params.stream().map(ParamInfo::name).toList();
    }
}
