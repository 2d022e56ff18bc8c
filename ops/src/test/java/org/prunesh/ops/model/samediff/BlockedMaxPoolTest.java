package org.prunesh.ops.model.samediff;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Max pooling on the blocked layouts: exact on a literal tensor with ties and an odd width, and
 * equal bit for bit to libnd4j's {@code maxpool2d} and its gradient on NCHW copies of tensors of
 * small integers (ties everywhere, so the gradient's routing is compared, not only the maxima).
 */
class BlockedMaxPoolTest {

    static {
        // a graph gets its session when its first variable is set: the kernel must be runnable by then
        JavaKernel.install();
    }

    /** Index of (n, c, h, w) in nChw16c or nChw8c. */
    private static int blocked(int[] s, int n, int c, int h, int w) {
        int b = ActivationLayout.block(s[1]);
        return (((n * (s[1] / b) + c / b) * s[2] + h) * s[3] + w) * b + c % b;
    }

    private static int plain(int[] s, int n, int c, int h, int w) {
        return ((n * s[1] + c) * s[2] + h) * s[3] + w;
    }

    private static float[] relayout(float[] v, int[] s, boolean toBlocked) {
        float[] out = new float[v.length];
        for (int n = 0; n < s[0]; n++)
            for (int c = 0; c < s[1]; c++)
                for (int h = 0; h < s[2]; h++)
                    for (int w = 0; w < s[3]; w++) {
                        int p = plain(s, n, c, h, w), b = blocked(s, n, c, h, w);
                        if (toBlocked) out[b] = v[p];
                        else out[p] = v[b];
                    }
        return out;
    }

    /**
     * y and dL/dx of loss = Σ y·k, k[c] = c + 1, for NCHW values x of shape s: through the blocked op
     * (x copied into the layout, the results out of it) or libnd4j's maxpool2d.
     */
    private static float[][] pool(float[] x, int[] s, boolean viaBlocked) {
        SameDiff sd = SameDiff.create();
        float[] values = viaBlocked ? relayout(x, s, true) : x;
        SDVariable xv = sd.var("x", Nd4j.createFromArray(values).reshape(s[0], s[1], s[2], s[3]));
        float[] k = new float[s[0] * s[1] * (s[2] / 2) * (s[3] / 2)];
        int[] ys = {s[0], s[1], s[2] / 2, s[3] / 2};
        for (int n = 0; n < ys[0]; n++)
            for (int c = 0; c < ys[1]; c++)
                for (int i = 0; i < ys[2] * ys[3]; i++) {
                    int at = plain(ys, n, c, i / ys[3], i % ys[3]);
                    k[viaBlocked ? blocked(ys, n, c, i / ys[3], i % ys[3]) : at] = c + 1;
                }
        SDVariable kv = sd.constant("k", Nd4j.createFromArray(k).reshape(ys[0], ys[1], ys[2], ys[3]));
        SDVariable y = viaBlocked ? new BlockedMaxPool(sd, xv).outputVariable()
                : sd.cnn().maxPooling2d(xv, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2)
                .type(Pooling2D.Pooling2DType.MAX).paddingMode(PaddingMode.VALID).isNHWC(false).build());
        sd.setLossVariables(y.mul(kv).sum().rename("loss"));
        float[] yv = y.eval().dup().data().asFloat();
        Map<String, INDArray> g = sd.calculateGradients(Map.of(), "x");
        float[] dx = g.get("x").dup().data().asFloat();
        return viaBlocked ? new float[][]{relayout(yv, ys, false), relayout(dx, s, false)} : new float[][]{yv, dx};
    }

    /**
     * One sample, 8 channels of 2x3 (the third column is in no window); channel 0 has its maximum
     * last, 1 is flat, 2 ties at its first and last element, 3 between the second and third; 4-7
     * take the maximum at positions 0-3. The gradient of each window is its channel's k = c + 1.
     */
    @Test
    void literalWindowsWithTiesAndAnOddWidth() {
        int[] s = {1, 8, 2, 3};
        float[][] planes = {
                {1, 2, 9, 3, 4, 7}, {5, 5, 5, 5, 5, 5}, {-1, -3, 0, -2, -1, 8}, {0, 7, 0, 7, 0, 0},
                {6, 1, 0, 2, 3, 0}, {1, 6, 0, 2, 3, 0}, {1, 2, 0, 6, 3, 0}, {1, 2, 0, 3, 6, 0}};
        float[] x = new float[48];
        for (int c = 0; c < 8; c++) System.arraycopy(planes[c], 0, x, c * 6, 6);
        float[][] r = pool(x, s, true);
        assertArrayEquals(new float[]{4, 5, -1, 7, 6, 6, 6, 6}, r[0], 0f);
        float[][] dx = {
                {0, 0, 0, 0, 1, 0}, {2, 0, 0, 0, 0, 0}, {3, 0, 0, 0, 0, 0}, {0, 4, 0, 0, 0, 0},
                {5, 0, 0, 0, 0, 0}, {0, 6, 0, 0, 0, 0}, {0, 0, 0, 7, 0, 0}, {0, 0, 0, 0, 8, 0}};
        float[] expected = new float[48];
        for (int c = 0; c < 8; c++) System.arraycopy(dx[c], 0, expected, c * 6, 6);
        assertArrayEquals(expected, r[1], 0f);
    }

    @Test
    void equalsLibnd4jsPoolingAndItsGradientOnSixteenChannelBlocks() {
        compareWithLibnd4j(new int[]{3, 32, 6, 8}, 1);
    }

    /** 24 channels: three 8-channel blocks; odd height and width leave a row and a column out. */
    @Test
    void equalsLibnd4jsPoolingAndItsGradientOnEightChannelBlocksOfOddSize() {
        compareWithLibnd4j(new int[]{2, 24, 7, 5}, 2);
    }

    private static void compareWithLibnd4j(int[] s, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[s[0] * s[1] * s[2] * s[3]];
        for (int i = 0; i < x.length; i++) x[i] = random.nextInt(4) - 1;
        float[][] ours = pool(x, s, true), theirs = pool(x, s, false);
        assertArrayEquals(theirs[0], ours[0], 0f);
        assertArrayEquals(theirs[1], ours[1], 0f);
    }

    @Test
    void refusesChannelsThatAreNotWholeBlocks() {
        INDArray x = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 6, 4, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlockedMaxPool.shape(x));
        org.junit.jupiter.api.Assertions.assertEquals("blocked max pooling takes float [N, C, H, W] arrays of under "
                + "2^29 floats with C a multiple of 8, and the Vector API; got FLOAT [1, 6, 4, 4]", e.getMessage());
    }
}
