package org.prunesh.ops.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/** In-place array updates of the training step that would otherwise allocate a temporary each step. */
final class InPlace {

    private InPlace() {
    }

    /** y += a·x in one BLAS call when both cover their whole buffers in C order (else y.addi(x·a)). */
    static void addScaled(INDArray y, INDArray x, double a) {
        if (y.length() == x.length() && whole(y) && whole(x)) {
            Nd4j.getBlasWrapper().level1().axpy(y.length(), a, x, y);
        } else {
            y.addi(x.mul(a));
        }
    }

    /** C-ordered with default strides over all of its buffer, from offset 0 (a reshape of a whole array is). */
    private static boolean whole(INDArray a) {
        return a.ordering() == 'c' && a.offset() == 0 && a.data().length() == a.length() && Shape.hasDefaultStridesForShape(a);
    }
}
