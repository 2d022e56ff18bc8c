package org.prunesh.ops.model.samediff;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A convolution from 8 to 16 channels with both tensors blocked (ResNet-20 w0.5's stage transition):
 * no oneDNN kernel takes {@code nChw8c} opposite {@code nChw16c}, so {@link ConvArgs#side} asks for
 * both as NHWC, the same memory as a single block, and only the weights are reordered.
 */
class ConvArgsTest {

    private static final long[] THREE_BY_THREE = {3, 3, 2, 2, 1, 1, 1, 1, 0, 0, 0};
    private static final long[] ONE_BY_ONE = {1, 1, 2, 2, 0, 0, 1, 1, 0, 0, 0};

    @BeforeAll
    static void oneDnn() {
        Assumptions.assumeTrue(OneDnn.enabled(), "oneDNN is not loaded");
    }

    @Test
    void aThreeByThreeTransitionReordersOnlyItsWeightsAndMatchesTheNchwPath() {
        assertTransition(5, 18, THREE_BY_THREE, true);
    }

    /**
     * The shortcut's weight gradient on NHWC must not be oneDNN 2.5's 1x1 kernel, which writes past
     * its buffers there: with it, glibc aborted this JVM within a few calls ("free(): invalid size").
     */
    @Test
    void aOneByOneTransitionReordersOnlyItsWeightsAndWritesNothingPastItsBuffers() {
        for (int n = 1; n <= 6; n++) assertTransition(n, 14, ONE_BY_ONE, true);
        for (int call = 0; call < 20; call++) assertTransition(7, 30, ONE_BY_ONE, call == 0);
    }

    /**
     * x [n, 8, hw, hw] to y [n, 16, ...]: blocked against NCHW, and the reorders of the blocked plans,
     * which are built on the first call of a shape ({@code fresh}; sizes no other test uses).
     */
    private static void assertTransition(int n, int hw, long[] args, boolean fresh) {
        long k = args[0];
        long out = (hw + 2 * args[4] - k) / 2 + 1;
        INDArray x = Nd4j.rand(DataType.FLOAT, n, 8, hw, hw).subi(0.5);
        INDArray w = Nd4j.rand(DataType.FLOAT, k, k, 8, 16).subi(0.5);
        INDArray g = Nd4j.rand(DataType.FLOAT, n, 16, out, out).subi(0.5);
        INDArray y = Nd4j.create(DataType.FLOAT, n, 16, out, out), dx = x.ulike(), dw = w.ulike();
        ConvForward.output(x, w, null, args, y);
        ConvBackward.gradients(x, w, g, args, dx, dw);

        INDArray yb = y.ulike(), dxb = x.ulike(), dwb = w.ulike();
        long before = OneDnnPort.REORDERING.get();
        ConvForward.output(blocked(x), w, null, args, yb, true, true);
        ConvBackward.gradients(blocked(x), w, blocked(g), args, dxb, dwb, null, true, true);
        long reorders = OneDnnPort.REORDERING.get() - before;
        // the forward's weights; the backward's weights in and weight gradient out; x, y, g, dx none
        assertEquals(fresh ? 3 : 0, reorders, "reordering ports built for " + n + "x8x" + hw + "x" + hw + ", k" + k);

        assertClose(blocked(y), yb);
        assertClose(blocked(dx), dxb);
        assertClose(dw, dwb);
    }

    /** An [N, C, H, W] array of 8 or 16 channels in its single-block layout, which is NHWC's order. */
    private static INDArray blocked(INDArray nchw) {
        return Nd4j.create(nchw.permute(0, 2, 3, 1).dup('c').data(), nchw.shape());
    }

    private static void assertClose(INDArray expected, INDArray actual) {
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        double error = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(error <= 1e-5 * scale, "largest difference " + error);
    }
}
