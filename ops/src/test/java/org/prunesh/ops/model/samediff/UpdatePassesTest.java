package org.prunesh.ops.model.samediff;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.prunesh.ops.train.SgdMomentum;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java passes against the native calls they replace, on lengths with and without a vector tail. */
class UpdatePassesTest {

    @AfterEach
    void restore() {
        UpdatePasses.use(true);
    }

    /** Three momentum steps, each side from the same start: heavy ball equal bit for bit. */
    @Test
    void heavyBallEqualsTheNativeCallsExactly() {
        assertTrue(UpdatePasses.momentum(random(5, 1), Nd4j.create(DataType.FLOAT, new long[]{1, 5}, new long[]{1, 1}, 'c'),
                0.9, 0.1, false), "the updater's [1, n] state takes the Java pass");
        for (int n : new int[]{1, 37, 1000}) {
            float[][] java = steps(n, false, true);
            float[][] nat = steps(n, false, false);
            assertArrayEquals(nat[0], java[0], 0f, "step, n = " + n);
            assertArrayEquals(nat[1], java[1], 0f, "momentum buffer, n = " + n);
        }
    }

    /** Nesterov's native path adds with libnd4j's axpy, which may fuse; within one float rounding. */
    @Test
    void nesterovEqualsTheNativeCallsToOneRounding() {
        for (int n : new int[]{1, 37, 1000}) {
            float[][] java = steps(n, true, true);
            float[][] nat = steps(n, true, false);
            for (int i = 0; i < n; i++) {
                assertTrue(Math.abs(nat[0][i] - java[0][i]) <= Math.ulp(nat[0][i]), "step " + i + ", n = " + n);
            }
            assertArrayEquals(nat[1], java[1], 0f, "momentum buffer, n = " + n);
        }
    }

    /** Selection's booleans to a mask array and back, on 37 units (two vectors of 16 and a tail of 5). */
    @Test
    void masksConvertToAndFromBooleansExactly() {
        boolean[] keep = new boolean[37];
        for (int i = 0; i < keep.length; i++) keep[i] = i % 3 != 0 && i != 35;
        INDArray mask = Nd4j.createUninitialized(DataType.FLOAT, new long[]{37}, 'c');
        assertTrue(UpdatePasses.fromMask(keep, mask));
        float[] values = mask.toFloatVector();
        for (int i = 0; i < keep.length; i++) assertEquals(keep[i] ? 1f : 0f, values[i], "unit " + i);

        // != 0 as Java has it: NaN active, -0.0 not, any other value active
        float[] read = {1f, 0f, -0f, Float.NaN, 0.5f, -2f, 0f, 1f, 0f, 0f, 1f, 1f, 0f, 1f, 0f, 1f, -0f, 3f, 0f};
        boolean[] active = new boolean[read.length];
        assertTrue(UpdatePasses.toMask(Nd4j.createFromArray(read), active));
        assertArrayEquals(new boolean[]{true, false, false, true, true, true, false, true, false, false, true, true,
                false, true, false, true, false, true, false}, active);
        assertFalse(UpdatePasses.toMask(Nd4j.createFromArray(read), new boolean[18]), "a length mismatch is left to the caller");
    }

    @Test
    void masksMultiplyExactlyAndViewsAreLeftToTheNativeCall() {
        INDArray y = random(37, 1);
        INDArray mask = Nd4j.createFromArray(new float[37]).addi(1);
        mask.putScalar(3, 0f);
        mask.putScalar(36, 0f);
        INDArray expected = y.mul(mask);
        assertTrue(UpdatePasses.multiply(y, mask));
        assertArrayEquals(expected.toFloatVector(), y.toFloatVector(), 0f);

        INDArray view = random(40, 2).get(NDArrayIndex.interval(3, 40));
        assertFalse(UpdatePasses.multiply(view, mask), "an offset view is not a whole buffer");
        INDArray everyOther = random(74, 4).reshape(37, 2).getColumn(0);
        assertFalse(UpdatePasses.multiply(everyOther, mask), "a strided view is not dense");
        UpdatePasses.use(false);
        assertFalse(UpdatePasses.multiply(y, mask));
    }

    /** The step and momentum buffer after three updates of gradients drawn from seed 3. */
    private static float[][] steps(int n, boolean nesterov, boolean java) {
        UpdatePasses.use(java);
        // SameDiff's updater state: [1, n] with strides [1, 1]
        INDArray buf = Nd4j.create(DataType.FLOAT, new long[]{1, n}, new long[]{1, 1}, 'c');
        GradientUpdater<?> u = new SgdMomentum(0.05, 0.9, nesterov).instantiate(buf, true);
        INDArray g = null;
        for (int k = 0; k < 3; k++) {
            g = random(n, 3 + k);
            u.applyUpdater(g, k, 0);
        }
        return new float[][]{g.toFloatVector(), buf.toFloatVector()};
    }

    private static INDArray random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (r.nextDouble() * 4 - 2);
        return Nd4j.createFromArray(v);
    }
}
