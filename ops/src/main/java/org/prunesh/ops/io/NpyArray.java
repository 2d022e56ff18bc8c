package org.prunesh.ops.io;

import java.util.Arrays;

/**
 * An n-dimensional array as a {@code .npy} file holds it: a shape and its elements in C order.
 * Arrays are held as given (not copied), so a large tensor is not duplicated on its way to disk.
 */
public sealed interface NpyArray {

    long[] shape();

    NpyDtype dtype();

    /** Number of elements, the product of the shape (1 for a scalar's empty shape). */
    int length();

    record Float32(long[] shape, float[] data) implements NpyArray {
        public Float32 {
            shape = checked(shape, data.length);
        }

        public NpyDtype dtype() {
            return NpyDtype.FLOAT32;
        }

        public int length() {
            return data.length;
        }
    }

    record Bool(long[] shape, boolean[] data) implements NpyArray {
        public Bool {
            shape = checked(shape, data.length);
        }

        public NpyDtype dtype() {
            return NpyDtype.BOOL;
        }

        public int length() {
            return data.length;
        }
    }

    record Int32(long[] shape, int[] data) implements NpyArray {
        public Int32 {
            shape = checked(shape, data.length);
        }

        public NpyDtype dtype() {
            return NpyDtype.INT32;
        }

        public int length() {
            return data.length;
        }
    }

    record Int64(long[] shape, long[] data) implements NpyArray {
        public Int64 {
            shape = checked(shape, data.length);
        }

        public NpyDtype dtype() {
            return NpyDtype.INT64;
        }

        public int length() {
            return data.length;
        }
    }

    /** The element count of a shape; throws if it is negative or beyond a Java array. */
    static int elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            n = Math.multiplyExact(n, d);
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has " + n
                    + " elements, more than a Java array holds");
        }
        return (int) n;
    }

    private static long[] checked(long[] shape, int length) {
        if (elements(shape) != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + elements(shape)
                    + " elements but the data has " + length);
        }
        return shape.clone();
    }
}
