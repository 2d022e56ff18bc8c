package org.prunesh.ops.model.samediff;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReluTest {

    /** loss = Σ relu(x)·c: dloss/dx = c where x > 0, else 0 (0 at x = 0 too, as SameDiff's own ReLU). */
    @Test
    void forwardAndGradientOnLiteralValues() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", Nd4j.createFromArray(-1.5f, 0f, 2f, 0.25f, -0.1f, 3f).reshape(2, 3));
        SDVariable c = sd.constant("c", Nd4j.createFromArray(1f, 2f, 3f, 4f, 5f, 6f).reshape(2, 3));
        SDVariable y = new Relu(sd, x).outputVariable();
        sd.setLossVariables(y.mul(c).sum().rename("loss"));

        assertArrayEquals(new float[]{0f, 0f, 2f, 0.25f, 0f, 3f}, y.eval().dup().data().asFloat(), 0f);
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> g = sd.calculateGradients(Map.of(), "x");
        assertArrayEquals(new float[]{0f, 0f, 3f, 4f, 0f, 6f}, g.get("x").dup().data().asFloat(), 0f);
    }

    /** The gradient function is built from copies of the ops: the copy must still be this class. */
    @Test
    void theGradientFunctionUsesTheFastBackwardPass() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", Nd4j.createFromArray(-1f, 2f));
        sd.setLossVariables(new Relu(sd, x).outputVariable().sum().rename("loss"));
        sd.createGradFunction();
        Set<String> ops = new HashSet<>();
        for (SameDiffOp op : sd.getFunction("grad").getOps().values()) ops.add(op.getOp().opName());
        assertTrue(ops.contains("sign"), ops.toString());
        assertFalse(ops.contains("thresholdedrelu_bp"), ops.toString());
    }
}
