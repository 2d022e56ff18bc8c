package org.prunesh.ops.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.prunesh.ops.model.samediff.ArrayLayout;
import org.prunesh.ops.model.samediff.NativeCalls;

/** In-place array updates of the training step that would otherwise allocate a temporary each step. */
final class InPlace {

    private InPlace() {
    }

    /**
     * y += a·x in one native pass when both cover their whole buffers in C order (else
     * y.addi(x·a)). libnd4j's {@code axpy} op, not BLAS saxpy: OpenBLAS hands the call to its own
     * threads while libgomp's spin on the other core, and in a training step the weight-decay saxpy
     * calls were measured at 9% of a VGG-19 w0.25 step (17 ms; 0.016 ms each on a quiet machine).
     */
    static void addScaled(INDArray y, INDArray x, double a) {
        if (y.length() == x.length() && ArrayLayout.whole(y) && ArrayLayout.whole(x)) {
            // the op computes input 0 + a · input 1
            NativeCalls.run("axpy", NativeCalls.of(y, x.reshape(y.shape())), NativeCalls.of(y), new long[0],
                    new boolean[0], new double[]{a});
        } else {
            y.addi(x.mul(a));
        }
    }
}
