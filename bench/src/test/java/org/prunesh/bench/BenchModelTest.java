package org.prunesh.bench;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.model.ModelSpec;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BenchModelTest {

    @Test
    void aNameWithAWidthGivesTheModelOnCifarShapedSamples() {
        BenchModel m = BenchModel.parse("resnet20:0.5", 1);
        assertEquals(new ModelSpec.ResNet(20, 0.5), m.spec());
        assertArrayEquals(new long[]{3, 32, 32}, m.sampleShape());
        assertEquals(10, m.classes());
        assertEquals("resnet20 w0.5", m.label());
        assertEquals("3x32x32", m.shapeText());
    }

    @Test
    void withoutAWidthTheDefaultAppliesAndLeNetTrainsOnFashionMnistShapedSamples() {
        BenchModel m = BenchModel.parse("lenet5", 1);
        assertEquals(new ModelSpec.LeNet5(1), m.spec());
        assertEquals("1x28x28", m.shapeText());
        assertEquals("lenet5 w1", m.label());
        assertEquals(new ModelSpec.Vgg19(0.25), BenchModel.parse(" vgg19 ", 0.25).spec());
        assertEquals(new ModelSpec.ResNet50(2), BenchModel.parse("resnet50:2", 1).spec());
    }

    @Test
    void theStandardSetIsIssueSevens() {
        assertEquals(List.of("resnet20 w1", "resnet20 w0.5", "vgg19 w0.25", "lenet5 w1"),
                BenchModel.STANDARD.stream().map(BenchModel::label).toList());
    }

    @Test
    void unknownNamesAndBadWidthsAreExplained() {
        assertEquals("unknown model 'alexnet'; expected lenet5, cnn, vgg19, resnet50 or resnetN (N = 6n+2: 20, 32, 56, 110)",
                assertThrows(IllegalArgumentException.class, () -> BenchModel.parse("alexnet", 1)).getMessage());
        assertEquals("a CIFAR ResNet has depth 6n+2 (20, 32, 44, 56, 110), not 21",
                assertThrows(IllegalArgumentException.class, () -> BenchModel.parse("resnet21", 1)).getMessage());
        assertEquals("width in 'vgg19:wide' is not a number: 'wide'",
                assertThrows(IllegalArgumentException.class, () -> BenchModel.parse("vgg19:wide", 1)).getMessage());
        assertEquals("width of 'vgg19' must be positive, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> BenchModel.parse("vgg19:0", 1)).getMessage());
    }
}
