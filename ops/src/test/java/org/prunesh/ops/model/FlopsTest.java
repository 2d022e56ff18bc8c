package org.prunesh.ops.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Counts from {@link Flops} against counts the test derives itself from each architecture's
 * definition (loops over the published layer tables), and against the widely reported figures.
 */
class FlopsTest {

    /** Accumulates parameters and MACs of a literal layer table. */
    private static final class Tally {
        long params;
        long macs;

        void conv(int kernel, long in, long out, long outSize) {
            params += (long) kernel * kernel * in * out;
            macs += (long) kernel * kernel * in * out * outSize * outSize;
        }

        void bn(long channels) {
            params += 2 * channels;
        }

        void fc(long in, long out) {
            params += in * out + out;
            macs += in * out;
        }
    }

    /** CIFAR ResNet 6n+2 with projection (option B) shortcuts entering stages 2 and 3. */
    private static Tally resnet(int n, int[] widths) {
        Tally t = new Tally();
        t.conv(3, 3, widths[0], 32);
        t.bn(widths[0]);
        long in = widths[0];
        for (int s = 0; s < 3; s++) {
            int size = 32 >> s;
            for (int b = 0; b < n; b++) {
                t.conv(3, in, widths[s], size);
                t.bn(widths[s]);
                t.conv(3, widths[s], widths[s], size);
                t.bn(widths[s]);
                if (s > 0 && b == 0) {
                    t.conv(1, in, widths[s], size);
                    t.bn(widths[s]);
                }
                in = widths[s];
            }
        }
        t.fc(widths[2], 10);
        return t;
    }

    @Test
    void resnetsCountExactlyWhatTheirDefinitionImplies() {
        for (int depth : new int[]{20, 32, 56, 110}) {
            Tally expected = resnet((depth - 2) / 6, new int[]{16, 32, 64});
            Flops.Report r = Flops.count(Models.build(new ModelSpec.ResNet(depth, 1), new long[]{3, 32, 32}, 10, 1, 0));
            assertEquals(expected.params, r.params(), "resnet" + depth);
            assertEquals(expected.macs, r.macs(), "resnet" + depth);
            assertEquals(r.params(), r.activeParams());
            assertEquals(r.macs(), r.effectiveMacs());
        }
        Tally half = resnet(3, new int[]{8, 16, 32});
        Flops.Report r = Flops.count(Models.build(new ModelSpec.ResNet(20, 0.5), new long[]{3, 32, 32}, 10, 1, 0));
        assertEquals(half.params, r.params());
        assertEquals(half.macs, r.macs());
    }

    @Test
    void resnetFiguresMatchThePublishedOnes() {
        Flops.Report r20 = Flops.count(Models.build(new ModelSpec.ResNet(20, 1), new long[]{3, 32, 32}, 10, 1, 0));
        assertEquals(272_474, r20.params());        // "0.27 M"
        assertEquals(40_813_184, r20.macs());       // "40.8 M"
        Flops.Report r56 = Flops.count(Models.build(new ModelSpec.ResNet(56, 1), new long[]{3, 32, 32}, 10, 1, 0));
        assertEquals(855_770, r56.params());
        assertEquals(125_747_840, r56.macs());
        // The published 0.85 M / 125.5 M are option A (zero-padding shortcuts, no parameters):
        // without the two projections (1x1 conv + BN entering stages 2 and 3) the counts agree.
        assertEquals(853_018, r56.params() - projections(r56, "params"));
        assertEquals(125_485_696, r56.macs() - projections(r56, "macs"));
        assertEquals(269_722, r20.params() - projections(r20, "params"));
        assertEquals(40_551_040, r20.macs() - projections(r20, "macs"));
    }

    private static long projections(Flops.Report r, String what) {
        return r.rows().stream().filter(row -> row.layer().contains(".shortcut."))
                .mapToLong(row -> what.equals("params") ? row.params() : row.macs()).sum();
    }

    @Test
    void resnet50CountsBottlenecksWithStrideOnTheThreeByThree() {
        Tally t = new Tally();
        t.conv(3, 3, 64, 32);
        t.bn(64);
        int[] counts = {3, 4, 6, 3};
        int[] planes = {64, 128, 256, 512};
        long in = 64;
        int size = 32;
        for (int s = 0; s < 4; s++) {
            int outSize = s == 0 ? size : size / 2;
            for (int b = 0; b < counts[s]; b++) {
                int inSize = b == 0 ? size : outSize;
                t.conv(1, in, planes[s], inSize);
                t.bn(planes[s]);
                t.conv(3, planes[s], planes[s], outSize);
                t.bn(planes[s]);
                t.conv(1, planes[s], 4L * planes[s], outSize);
                t.bn(4L * planes[s]);
                if (b == 0) {
                    t.conv(1, in, 4L * planes[s], outSize);
                    t.bn(4L * planes[s]);
                }
                in = 4L * planes[s];
            }
            size = outSize;
        }
        t.fc(2048, 10);
        Flops.Report r = Flops.count(Models.build(new ModelSpec.ResNet50(1), new long[]{3, 32, 32}, 10, 1, 0));
        assertEquals(t.params, r.params());
        assertEquals(t.macs, r.macs());
        assertEquals(23_520_842, r.params());       // "23.5 M" of the CIFAR ResNet-50
    }

    @Test
    void vgg19CountsItsConfiguration() {
        Tally t = new Tally();
        long in = 3;
        int size = 32;
        for (int v : new int[]{64, 64, 0, 128, 128, 0, 256, 256, 256, 256, 0, 512, 512, 512, 512, 0,
                512, 512, 512, 512, 0}) {
            if (v == 0) {
                size /= 2;
                continue;
            }
            t.conv(3, in, v, size);
            t.bn(v);
            in = v;
        }
        t.fc(512, 10);
        Flops.Report r = Flops.count(Models.build(new ModelSpec.Vgg19(1), new long[]{3, 32, 32}, 10, 1, 0));
        assertEquals(t.params, r.params());
        assertEquals(t.macs, r.macs());
        assertEquals(20_035_018, r.params());       // "20.0 M"
        assertEquals(398_136_320, r.macs());        // "0.4 G"
    }

    @Test
    void smallModelsCountTheirLayers() {
        Flops.Report lenet = Flops.count(Models.build(new ModelSpec.LeNet5(1), new long[]{1, 28, 28}, 10, 1, 0));
        // conv1 padded 28x28 out, conv2 10x10 out, fc 400-120-84-10
        assertEquals(List.of(117_600L, 240_000L, 48_000L, 10_080L, 840L), lenet.rows().stream().map(Flops.Row::macs).toList());
        assertEquals(61_706, lenet.params());
        Flops.Report mlp = Flops.count(Models.build(new ModelSpec.Mlp(List.of(300, 100), 1), new long[]{784}, 10, 1, 0));
        assertEquals(784 * 300 + 300 * 100 + 100 * 10, mlp.macs());
        Flops.Report cnn = Flops.count(Models.build(new ModelSpec.Cnn(0.25), new long[]{3, 32, 32}, 10, 1, 0));
        // channels 8, 8, 16, 16 at 32, 32, 16, 16 pixels; fc 1024 -> 64 -> 10
        assertEquals(27L * 8 * 1024 + 72L * 8 * 1024 + 72L * 16 * 256 + 144L * 16 * 256 + 1024 * 64 + 640, cnn.macs());
    }

    @Test
    void effectiveCountsScaleEachLayerByItsActiveWeights() {
        Network net = Models.build(new ModelSpec.LeNet5(1), new long[]{1, 28, 28}, 10, 1, 0);
        Flops.Report r = Flops.count(net, Map.of("conv1.weight", 75L, "fc1.weight", 4_800L));
        Flops.Row conv1 = r.rows().get(0);
        assertEquals(156, conv1.params());
        assertEquals(75 + 6, conv1.activeParams());
        assertEquals(117_600 / 2, conv1.effectiveMacs());
        assertEquals(4_800, r.rows().get(2).effectiveMacs());
        assertEquals(240_000, r.rows().get(1).effectiveMacs());
        assertEquals(61_706 - 75 - 43_200, r.activeParams());
        assertEquals(416_520 - 58_800 - 43_200, r.effectiveMacs());
    }
}
