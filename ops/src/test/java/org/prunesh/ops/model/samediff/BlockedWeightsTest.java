package org.prunesh.ops.model.samediff;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunesh.ops.model.samediff.InputConv2DTest.floats;
import static org.prunesh.ops.model.samediff.InputConv2DTest.values;

/**
 * Weights held in oneDNN's forward layout ({@link BlockedWeights}): a permutation of the plain
 * [kH, kW, in, out] elements, undone exactly, applied alike to companions; the convolution's output
 * and gradients with a weight held blocked equal those with it plain bit for bit (the same kernels,
 * one reorder fewer), the weight gradient coming out in the held layout.
 */
class BlockedWeightsTest {

    private static final long[] ARGS = {3, 3, 1, 1, 1, 1, 1, 1, 0, 0, 0};

    @Test
    void theForwardLayoutOfSixteenBySixteenWeightsIsOIhw16i16o() {
        INDArray w = weights(16, 32, 0.5);
        INDArray plain = w.dup();
        publish(w, 16, 32);
        assertTrue(BlockedWeights.toBlocked(w, () -> List.of()));
        try {
            // OIhw16i16o on AVX-512: blocks of 16 outputs x 16 inputs, outputs fastest, per kernel position
            float[] held = w.data().asFloat();
            for (int o = 0; o < 32; o++) {
                for (int i = 0; i < 16; i++) {
                    for (int kh = 0; kh < 3; kh++) {
                        for (int kw = 0; kw < 3; kw++) {
                            int at = (((o / 16) * 1 + i / 16) * 9 + kh * 3 + kw) * 256 + (i % 16) * 16 + o % 16;
                            assertEquals(plain.getFloat(kh, kw, i, o), held[at]);
                        }
                    }
                }
            }
        } finally {
            BlockedWeights.toPlain(w, List.of());
        }
        assertFalse(BlockedWeights.blocked(w));
        assertArrayEquals(plain.data().asFloat(), w.data().asFloat());
    }

    @Test
    void companionsArePermutedAlikeAndRestoredExactly() {
        // distinct values, so that the permuted array cannot equal the plain one by chance
        INDArray w = Nd4j.arange(9 * 16 * 32).castTo(DataType.FLOAT).subi(2000).divi(100).reshape(3, 3, 16, 32);
        INDArray mask = w.gt(0).castTo(DataType.FLOAT);
        INDArray momentum = w.mul(-2);
        INDArray plainW = w.dup(), plainMask = mask.dup(), plainMomentum = momentum.dup();
        publish(w, 16, 32);
        assertTrue(BlockedWeights.toBlocked(w, () -> List.of(mask, momentum)));
        assertNotEquals(plainW, w);
        // element-wise relations survive the permutation: what the update and the masking rely on
        assertEquals(w.gt(0).castTo(DataType.FLOAT), mask);
        assertEquals(w.mul(-2), momentum);
        BlockedWeights.toPlain(w, List.of(mask, momentum));
        assertEquals(plainW, w);
        assertEquals(plainMask, mask);
        assertEquals(plainMomentum, momentum);
    }

    @Test
    void aConvolutionWithItsWeightHeldBlockedComputesTheSameBitForBit() {
        int n = 2, ci = 16, co = 16, h = 6, wd = 5;
        INDArray x = floats(values(n * ci * h * wd, 0.37)).reshape(n, ci, h, wd);
        INDArray g = floats(values(n * co * h * wd, 0.61)).reshape(n, co, h, wd);
        INDArray w = weights(ci, co, 0.13);
        INDArray yPlain = Nd4j.create(DataType.FLOAT, n, co, h, wd), dxPlain = Nd4j.create(DataType.FLOAT, n, ci, h, wd);
        INDArray dwPlain = Nd4j.create(DataType.FLOAT, 3, 3, ci, co);
        ConvForward.output(x, w, null, ARGS, yPlain);
        ConvBackward.gradients(x, w, g, ARGS, dxPlain, dwPlain);

        assertTrue(BlockedWeights.toBlocked(w, () -> List.of()));
        INDArray y = Nd4j.create(DataType.FLOAT, n, co, h, wd), dx = Nd4j.create(DataType.FLOAT, n, ci, h, wd);
        INDArray dw = Nd4j.create(DataType.FLOAT, 3, 3, ci, co);
        try {
            ConvForward.output(x, w, null, ARGS, y);
            ConvBackward.gradients(x, w, g, ARGS, dx, dw);
        } finally {
            BlockedWeights.toPlain(w, List.of(dw));
        }
        assertArrayEquals(yPlain.data().asFloat(), y.data().asFloat());
        assertArrayEquals(dxPlain.data().asFloat(), dx.data().asFloat());
        assertArrayEquals(dwPlain.data().asFloat(), dw.data().asFloat());
    }

    /** 8 input channels in a 16-block would pad: such a weight stays plain. */
    @Test
    void aWeightWhoseLayoutWouldPadStaysPlain() {
        INDArray w = weights(8, 16, 0.7);
        INDArray plain = w.dup();
        INDArray x = floats(values(2 * 8 * 4 * 4, 0.2)).reshape(2, 8, 4, 4);
        ConvForward.output(x, w, null, ARGS, Nd4j.create(DataType.FLOAT, 2, 16, 4, 4));
        boolean held = BlockedWeights.toBlocked(w, () -> List.of());
        if (held) BlockedWeights.toPlain(w, List.of());
        assertEquals(plain, w);
    }

    @Test
    void aCompanionOfAnotherSizeIsRefused() {
        INDArray w = weights(16, 16, 0.3);
        publish(w, 16, 16);
        INDArray wrong = Nd4j.create(DataType.FLOAT, 7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BlockedWeights.toBlocked(w, () -> List.of(wrong)));
        assertEquals("a companion of a [3, 3, 16, 16] weight must be a float array of as many elements, not FLOAT [7]",
                e.getMessage());
        assertFalse(BlockedWeights.blocked(w));
    }

    private static INDArray weights(int in, int out, double seed) {
        return floats(values(9 * in * out, seed)).reshape(3, 3, in, out);
    }

    /** One forward call: the convolution publishes the layout its kernel wants for {@code w}. */
    private static void publish(INDArray w, int in, int out) {
        INDArray x = floats(values(2 * in * 4 * 4, 0.2)).reshape(2, in, 4, 4);
        ConvForward.output(x, w, null, ARGS, Nd4j.create(DataType.FLOAT, 2, out, 4, 4));
    }
}
