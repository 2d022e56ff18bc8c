package org.prunesh.ops.train;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PruningListenerTest {

    // InPlace.addScaled is how the listener adds weight decay to a gradient.

    @Test
    void weightDecayIsAddedToTheGradientInPlace() {
        INDArray g = Nd4j.createFromArray(new float[][]{{1, 2}, {3, 4}});
        INDArray w = Nd4j.createFromArray(new float[][]{{10, 20}, {30, -40}});
        InPlace.addScaled(g, w, 0.5);
        assertArrayEquals(new float[]{6, 12, 18, -16}, g.dup().data().asFloat(), 0f);
        assertArrayEquals(new float[]{10, 20, 30, -40}, w.dup().data().asFloat(), 0f);
    }

    @Test
    void weightDecayOnAViewTouchesOnlyTheView() {
        INDArray base = Nd4j.createFromArray(new float[][]{{1, 2}, {3, 4}, {5, 6}});
        INDArray g = base.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
        InPlace.addScaled(g, Nd4j.createFromArray(new float[][]{{2, 2}, {2, 2}}), 0.25);
        assertArrayEquals(new float[]{1, 2, 3.5f, 4.5f, 5.5f, 6.5f}, base.dup().data().asFloat(), 0f);
    }

    /** A reshaped whole array (as the optimizer sees a gradient) is updated in place too. */
    @Test
    void weightDecayOnAReshapedGradient() {
        INDArray g = Nd4j.createFromArray(1f, 2f, 3f, 4f);
        INDArray flat = g.reshape(1, 4);
        InPlace.addScaled(flat, Nd4j.createFromArray(new float[][]{{4, 3, 2, 1}}), -1);
        assertArrayEquals(new float[]{-3, -1, 1, 3}, g.dup().data().asFloat(), 0f);
    }

    /** ln(e^0 + e^ln3) - 0 = ln 4 for the first row's class 0; the second row's target is class 1. */
    @Test
    void crossEntropyOfLiteralLogits() {
        INDArray logits = Nd4j.createFromArray(new float[][]{{0, (float) Math.log(3)}, {0, 0}});
        INDArray labels = Nd4j.createFromArray(new float[][]{{1, 0}, {0, 1}});
        assertEquals((Math.log(4) + Math.log(2)) / 2, PruningListener.crossEntropy(logits, labels, 0), 1e-6);
    }
}
