package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.OpContext;

import java.util.List;

/** dL/dx = dL/dy · sign(y) for y = ReLU(x), one pass ({@link JavaKernel}); inputs y and dL/dy. */
public final class ReluGradient extends ElementwiseKernelOp {

    static final String NAME = "prunesh_relu_bp";

    static {
        OpReplacements.registerKernel(NAME, ReluGradient.class);
        JavaKernel.install();
    }

    /** For SameDiff's copies. */
    public ReluGradient() {
    }

    public ReluGradient(SameDiff sd, SDVariable y, SDVariable gradient) {
        super(sd, y, gradient);
    }

    @Override
    public String opName() {
        return NAME;
    }

    @Override
    public void execute(OpContext ctx) {
        ResidualPasses.reluGradient(ctx.getInputArray(0), ctx.getInputArray(1), ctx.getOutputArrays().get(0));
    }

    /** Never differentiated: training needs first derivatives only. */
    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        throw new UnsupportedOperationException("the ReLU gradient has no gradient here");
    }
}
