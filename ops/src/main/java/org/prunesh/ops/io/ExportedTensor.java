package org.prunesh.ops.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor to export, flattened in C order like {@code TensorState}. Arrays are held as given.
 *
 * @param mask     true where the weight is active
 * @param gradient the gradient last used for selection; null when there was none
 */
public record ExportedTensor(String name, long[] shape, float[] weights, boolean[] mask, float[] gradient) {

    public ExportedTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(mask, "mask");
        shape = shape.clone();
        long n = 1;
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("tensor " + name + ": negative dimension in shape " + Arrays.toString(shape));
            n *= d;
        }
        if (weights.length != n || mask.length != n || (gradient != null && gradient.length != n)) {
            throw new IllegalArgumentException("tensor " + name + ": shape " + Arrays.toString(shape) + " holds " + n
                    + " elements but weights has " + weights.length + ", mask " + mask.length
                    + (gradient == null ? "" : ", gradient " + gradient.length));
        }
    }

    public int activeCount() {
        int a = 0;
        for (boolean m : mask) if (m) a++;
        return a;
    }

    /** Share of inactive elements; 0 for an empty tensor. */
    public double sparsity() {
        return mask.length == 0 ? 0 : 1 - (double) activeCount() / mask.length;
    }
}
