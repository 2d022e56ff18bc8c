package org.prunesh.ops.model.samediff;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResidualAddTest {

    /**
     * loss = Σ (a + b)·c + Σ (b + bias)·d with a broadcast stock add: the residual add's inputs get
     * dL/dy = c each (b also d), and the stock add keeps its reduction for the broadcast bias.
     */
    @Test
    void gradientsPassThroughToBothInputsAndStockAddsStillBroadcast() {
        SameDiff sd = SameDiff.create();
        SDVariable a = sd.var("a", Nd4j.createFromArray(new float[][]{{1, 2}, {3, 4}}));
        SDVariable b = sd.var("b", Nd4j.createFromArray(new float[][]{{-1, 0}, {5, 6}}));
        SDVariable bias = sd.var("bias", Nd4j.createFromArray(new float[]{10, 20}));
        SDVariable c = sd.constant("c", Nd4j.createFromArray(new float[][]{{1, 2}, {3, 4}}));
        SDVariable d = sd.constant("d", Nd4j.createFromArray(new float[][]{{0.5f, 0.5f}, {1, 1}}));
        SDVariable y = new ResidualAdd(sd, a, b).outputVariable();
        SDVariable loss = y.mul(c).sum().add(b.add(bias).mul(d).sum());
        sd.setLossVariables(loss.rename("loss"));

        assertArrayEquals(new float[]{0, 2, 8, 10}, y.eval().dup().data().asFloat(), 0f);
        Map<String, INDArray> g = sd.calculateGradients(Map.of(), "a", "b", "bias");
        assertArrayEquals(new float[]{1, 2, 3, 4}, g.get("a").dup().data().asFloat(), 0f);
        assertArrayEquals(new float[]{1.5f, 2.5f, 4, 5}, g.get("b").dup().data().asFloat(), 0f);
        assertArrayEquals(new float[]{1.5f, 1.5f}, g.get("bias").dup().data().asFloat(), 0f);
    }

    @Test
    void theGradientFunctionCopiesItWithoutAddBp() {
        SameDiff sd = SameDiff.create();
        SDVariable a = sd.var("a", Nd4j.createFromArray(1f, 2f));
        SDVariable b = sd.var("b", Nd4j.createFromArray(3f, 4f));
        sd.setLossVariables(new ResidualAdd(sd, a, b).outputVariable().sum().rename("loss"));
        sd.createGradFunction();
        Set<String> ops = new HashSet<>();
        for (SameDiffOp op : sd.getFunction("grad").getOps().values()) ops.add(op.getOp().opName());
        assertTrue(ops.contains("identity"), ops.toString());
        assertFalse(ops.contains("add_bp"), ops.toString());
    }
}
