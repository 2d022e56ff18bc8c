package org.prunesh.ops.model.samediff;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResidualAddReluTest {

    static {
        // before any graph exists: SameDiff creates a graph's session when its first variable is set
        JavaKernel.install();
    }

    private static final int THREADS = ChannelParallel.threads();

    @AfterEach
    void restore() {
        ResidualPasses.useVector(true);
        ChannelParallel.threads(THREADS);
    }

    /** y = max(a + b, 0); dx = g·sign(y), which keeps the sign of zero: -4·0 is -0. */
    @Test
    void literalValuesBothWays() {
        INDArray y = Nd4j.create(DataType.FLOAT, 3);
        ResidualPasses.addRelu(Nd4j.createFromArray(1f, -2f, 0.5f), Nd4j.createFromArray(-1f, 1f, 0.25f), y);
        assertArrayEquals(new float[]{0f, 0f, 0.75f}, y.toFloatVector(), 0f);
        INDArray dx = Nd4j.create(DataType.FLOAT, 3);
        ResidualPasses.reluGradient(y, Nd4j.createFromArray(3f, -4f, 5f), dx);
        float[] d = dx.toFloatVector();
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(d[0]));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(d[1]));
        assertEquals(5f, d[2], 0f);
    }

    /**
     * The vector passes against the native ops they replace, bit for bit, with and without a vector
     * tail, and split across two threads (three whole units and a tail).
     */
    @Test
    void theVectorPassesEqualTheNativeOpsBitForBit() {
        ChannelParallel.threads(2);
        for (int n : new int[]{37, 1000, 3 * ResidualPasses.CHUNK + 37}) {
            INDArray a = random(n, 1), b = random(n, 2), g = random(n, 3);
            b.putScalar(0, -a.getFloat(0));   // a sum of exactly 0
            float[][] java = passes(a, b, g, true);
            float[][] nat = passes(a, b, g, false);
            for (int k = 0; k < 2; k++) {
                for (int i = 0; i < n; i++) {
                    assertEquals(Float.floatToRawIntBits(nat[k][i]), Float.floatToRawIntBits(java[k][i]),
                            (k == 0 ? "y" : "dx") + "[" + i + "], n = " + n);
                }
            }
        }
    }

    /** loss = Σ relu(a + b)·c: both inputs get c·sign(y), through one gradient op and no sign or multiply. */
    @Test
    void inAGraphBothInputsGetTheReluGradient() {
        SameDiff sd = SameDiff.create();
        SDVariable a = sd.var("a", Nd4j.createFromArray(new float[][]{{1, -2}, {3, 4}}));
        SDVariable b = sd.var("b", Nd4j.createFromArray(new float[][]{{-1, 0}, {5, -6}}));
        SDVariable c = sd.constant("c", Nd4j.createFromArray(new float[][]{{1, 2}, {3, 4}}));
        SDVariable y = new ResidualAddRelu(sd, a, b).outputVariable();
        sd.setLossVariables(y.mul(c).sum().rename("loss"));

        assertArrayEquals(new float[]{0, 0, 8, 0}, y.eval().dup().data().asFloat(), 0f);
        Map<String, INDArray> grads = sd.calculateGradients(Map.of(), "a", "b");
        assertArrayEquals(new float[]{0, 0, 3, 0}, grads.get("a").dup().data().asFloat(), 0f);
        assertArrayEquals(new float[]{0, 0, 3, 0}, grads.get("b").dup().data().asFloat(), 0f);
        Set<String> ops = new HashSet<>();
        for (SameDiffOp op : sd.getFunction("grad").getOps().values()) ops.add(op.getOp().opName());
        assertTrue(ops.contains(ReluGradient.NAME) && ops.contains("identity"), ops.toString());
        assertFalse(ops.contains("sign") || ops.contains("add_bp"), ops.toString());
    }

    private static float[][] passes(INDArray a, INDArray b, INDArray g, boolean vector) {
        ResidualPasses.useVector(vector);
        INDArray y = Nd4j.create(DataType.FLOAT, a.length());
        INDArray dx = Nd4j.create(DataType.FLOAT, a.length());
        ResidualPasses.addRelu(a, b, y);
        ResidualPasses.reluGradient(y, g, dx);
        return new float[][]{y.toFloatVector(), dx.toFloatVector()};
    }

    private static INDArray random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (r.nextDouble() * 4 - 2);
        return Nd4j.createFromArray(v);
    }
}
