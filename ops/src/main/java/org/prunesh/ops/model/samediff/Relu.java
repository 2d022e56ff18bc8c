package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.DynamicCustomOp;

import java.util.List;

/**
 * ReLU, max(x, 0), whose gradient is dL/dy·sign(y) with y its own output: two elementwise ops
 * that run at memory speed. SameDiff's ReLU differentiates through the {@code thresholdedrelu_bp}
 * kernel, measured about 10x slower here on ResNet-20 activations ([128, 16, 32, 32]: 7.7 ms
 * against 0.3 + 0.5 ms; the {@code relu_bp} kernel takes 1.8 ms). The forward op is the native
 * custom op {@code relu}, not SameDiff's legacy scalar op: a legacy op is rebuilt by its op number
 * when the gradient function copies the graph, which would swap this class back for the stock
 * one, while a custom op is rebuilt as the class {@link OpReplacements} registered.
 */
public final class Relu extends DynamicCustomOp {

    static {
        OpReplacements.register("relu", Relu.class);
    }

    /** For SameDiff's copies. */
    public Relu() {
    }

    public Relu(SameDiff sd, SDVariable x) {
        super(null, sd, new SDVariable[]{x});
        addTArgument(0.0);  // the native op's threshold
    }

    @Override
    public String opName() {
        return "relu";
    }

    @Override
    public List<DataType> calculateOutputDataTypes(List<DataType> inputTypes) {
        return List.of(inputTypes.get(0));
    }

    /** sign(y) is 1 where x > 0 and 0 elsewhere, the same derivative as SameDiff's (0 at x = 0). */
    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        return List.of(sameDiff.math().sign(outputVariable()).mul(gradient.get(0)));
    }
}
