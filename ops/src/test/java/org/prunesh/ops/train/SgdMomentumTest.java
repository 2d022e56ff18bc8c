package org.prunesh.ops.train;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Steps against values worked out by hand from PyTorch's SGD update rule. */
class SgdMomentumTest {

    @Test
    void heavyBallMatchesPyTorch() {
        GradientUpdater<?> u = new SgdMomentum(0.1, 0.9, false).instantiate(Nd4j.zeros(DataType.FLOAT, 2), true);
        INDArray g1 = Nd4j.createFromArray(1f, -2f);
        u.applyUpdater(g1, 0, 0);
        // buf = g = [1, -2]; step = 0.1 * buf
        assertArrayEquals(new float[]{0.1f, -0.2f}, g1.toFloatVector(), 1e-7f);
        INDArray g2 = Nd4j.createFromArray(0.5f, 0.5f);
        u.applyUpdater(g2, 1, 0);
        // buf = 0.9*[1,-2] + [0.5,0.5] = [1.4, -1.3]
        assertArrayEquals(new float[]{0.14f, -0.13f}, g2.toFloatVector(), 1e-7f);
    }

    @Test
    void nesterovMatchesPyTorch() {
        GradientUpdater<?> u = new SgdMomentum(0.1, 0.9, true).instantiate(Nd4j.zeros(DataType.FLOAT, 2), true);
        INDArray g1 = Nd4j.createFromArray(1f, -2f);
        u.applyUpdater(g1, 0, 0);
        // buf = [1,-2]; d = g + 0.9*buf = [1.9, -3.8]
        assertArrayEquals(new float[]{0.19f, -0.38f}, g1.toFloatVector(), 1e-7f);
        INDArray g2 = Nd4j.createFromArray(0.5f, 0.5f);
        u.applyUpdater(g2, 1, 0);
        // buf = [1.4, -1.3]; d = [0.5 + 1.26, 0.5 - 1.17] = [1.76, -0.67]
        assertArrayEquals(new float[]{0.176f, -0.067f}, g2.toFloatVector(), 1e-6f);
    }
}
