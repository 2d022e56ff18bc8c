package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.OpContext;

import java.util.List;

/**
 * The end of a residual block, y = max(a + b, 0), as one graph op and one pass ({@link JavaKernel}),
 * instead of an add and a ReLU; its gradient is {@link ReluGradient} of y, passed on to both inputs
 * as it is (identities, which SameDiff runs without copying; its own add differentiates through
 * {@code add_bp}, which writes two copies), instead of sign and multiply. The same float operations as
 * the ops it replaces, so the same results bit for bit ({@code ResidualAddReluTest}).
 */
public final class ResidualAddRelu extends ElementwiseKernelOp {

    static final String NAME = "prunesh_add_relu";

    static {
        OpReplacements.registerKernel(NAME, ResidualAddRelu.class);
        JavaKernel.install();
    }

    /** For SameDiff's copies. */
    public ResidualAddRelu() {
    }

    /** @param a, b tensors of one shape (not checked: the builder knows their static shapes) */
    public ResidualAddRelu(SameDiff sd, SDVariable a, SDVariable b) {
        super(sd, a, b);
    }

    @Override
    public String opName() {
        return NAME;
    }

    @Override
    public void execute(OpContext ctx) {
        ResidualPasses.addRelu(ctx.getInputArray(0), ctx.getInputArray(1), ctx.getOutputArrays().get(0));
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        SDVariable d = new ReluGradient(sameDiff, outputVariable(), gradient.get(0)).outputVariable();
        return List.of(sameDiff.identity(d), sameDiff.identity(d));
    }
}
