package org.prunesh.ops.model.samediff;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.bytedeco.javacpp.BytePointer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

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

    /**
     * Like {@link #whole} but ignoring the strides of dimensions of size 1, which address nothing:
     * SameDiff's updater state is [1, N] with strides [1, 1]. Its elements are its buffer, in C order.
     */
    public static boolean dense(INDArray a) {
        if (a.offset() != 0 || a.data().length() != a.length() || a.ordering() != 'c') return false;
        long expected = 1;
        for (int d = a.rank() - 1; d >= 0; d--) {
            if (a.size(d) == 1) continue;
            if (a.stride(d) != expected) return false;
            expected *= a.size(d);
        }
        return true;
    }

    /**
     * Float arrays of one length, each {@link #dense}, small enough to address as one byte buffer:
     * what the element-wise Java passes take.
     */
    static boolean denseFloats(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a.dataType() != DataType.FLOAT || a.length() != arrays[0].length()
                    || a.length() > Integer.MAX_VALUE / Float.BYTES || !dense(a)) {
                return false;
            }
        }
        return true;
    }

    /** A whole float array's memory as a native-order byte buffer (a view, no copy): what Java passes address. */
    static ByteBuffer bytes(INDArray a) {
        return new BytePointer(a.data().addressPointer()).capacity(a.length() * Float.BYTES).asByteBuffer()
                .order(ByteOrder.nativeOrder());
    }
}
