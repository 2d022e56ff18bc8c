package org.prunesh.ops.model.samediff;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The per-parameter work around a training step done in one Java pass each instead of native
 * calls, whose cost per call (tens of µs) does not depend on the tensor's size: the momentum
 * update (four native calls per tensor, 85-130 µs in all), the parameter's update (a native
 * subtract) and re-applying a mask. With `prune-sh bench --measure profile` the optimizer's part
 * of a ResNet-20 w0.5 step went from 17.7 ms (of 283) to 3.0, the masks' from 1.2 ms to 0.2-0.4. Each method returns false, having done nothing, where the pass does not
 * apply (another backend than the CPU one, no vector module, not dense float arrays), and the
 * caller then makes the native calls, which stay the portable path.
 */
public final class UpdatePasses {

    private static final boolean AVAILABLE = BatchNormKernels.VECTOR && Nd4j.getEnvironment().isCPU();
    private static volatile boolean enabled = AVAILABLE && !"native".equals(System.getProperty("prunesh.update"));

    private UpdatePasses() {
    }

    /**
     * buf = buf·mu + g, then g = buf·lr, or with {@code nesterov} g = (g + buf·mu)·lr, in place,
     * with float {@code mu} and {@code lr} as the native scalar ops use them.
     */
    public static boolean momentum(INDArray g, INDArray buf, double mu, double lr, boolean nesterov) {
        if (!applies(g, buf)) return false;
        VectorUpdate.momentum(ArrayLayout.bytes(g), ArrayLayout.bytes(buf), (int) g.length(), (float) mu, (float) lr,
                nesterov);
        return true;
    }

    /** y = y - x, in place (x may have another shape with the same elements in C order). */
    public static boolean subtract(INDArray y, INDArray x) {
        if (!applies(y, x)) return false;
        VectorUpdate.subtract(ArrayLayout.bytes(y), ArrayLayout.bytes(x), (int) y.length());
        return true;
    }

    /** y = y·mask, in place. */
    public static boolean multiply(INDArray y, INDArray mask) {
        if (!applies(y, mask)) return false;
        VectorUpdate.multiply(ArrayLayout.bytes(y), ArrayLayout.bytes(mask), (int) y.length());
        return true;
    }

    /**
     * mask = 1 where {@code keep}, else 0: a mask array from selection's output. ND4J's
     * {@code Nd4j.create(float[])} copies element by element, and the boolean-to-float loop
     * mispredicts on every other unit; together most of a ResNet-50 pruning step.
     */
    public static boolean fromMask(boolean[] keep, INDArray mask) {
        if (!applies(mask) || mask.length() != keep.length) return false;
        VectorUpdate.fromMask(keep, ArrayLayout.bytes(mask), keep.length);
        return true;
    }

    /** active = mask != 0: selection's input from a mask array. */
    public static boolean toMask(INDArray mask, boolean[] active) {
        if (!applies(mask) || mask.length() != active.length) return false;
        VectorUpdate.toMask(ArrayLayout.bytes(mask), active, active.length);
        return true;
    }

    /** Chooses the Java passes (when available) or the native calls, for comparisons in one process. */
    public static void use(boolean on) {
        enabled = on && AVAILABLE;
    }

    private static boolean applies(INDArray... arrays) {
        return enabled && ArrayLayout.denseFloats(arrays);
    }
}
