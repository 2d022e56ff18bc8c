package org.prunesh.ops.model.samediff;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/** Layout facts the fast paths rely on. */
public final class ArrayLayout {

    private ArrayLayout() {
    }

    /**
     * C-ordered with default strides from offset 0, over exactly its buffer: a reshape of it is a
     * view of the same memory, and its buffer holds its elements and nothing else.
     */
    public static boolean whole(INDArray a) {
        return a.ordering() == 'c' && a.offset() == 0 && a.data().length() == a.length()
                && Shape.hasDefaultStridesForShape(a);
    }
}
