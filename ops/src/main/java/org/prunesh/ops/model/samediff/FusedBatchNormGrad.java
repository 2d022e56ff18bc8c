package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;

import java.util.List;

/**
 * Gradient of {@link FusedBatchNorm} as one graph op: inputs x, gamma, the statistics the forward
 * op used, the mode matrix, dL/dy and, when the forward op ends in ReLU, its output y (the
 * gradient counts where y > 0); outputs dL/dx, dL/dgamma, dL/dbeta. All three come out of
 * one op, which matters in training: SameDiff updates a parameter in place as soon as its
 * gradient exists, and gamma has been read for dx by then.
 */
public final class FusedBatchNormGrad extends BatchNormKernelOp {

    static final String NAME = "prunesh_batchnorm_bp";

    static {
        OpReplacements.registerKernel(NAME, FusedBatchNormGrad.class);
        JavaKernel.install();
    }

    /** For SameDiff's copies. */
    public FusedBatchNormGrad() {
    }

    FusedBatchNormGrad(SameDiff sd, SDVariable x, SDVariable gamma, SDVariable mean, SDVariable var, SDVariable mode,
                       SDVariable gradient, SDVariable reluOutput, double eps, boolean blocked) {
        super(sd, reluOutput == null ? new SDVariable[]{x, gamma, mean, var, mode, gradient}
                : new SDVariable[]{x, gamma, mean, var, mode, gradient, reluOutput}, eps, reluOutput != null, blocked);
    }

    @Override
    public String opName() {
        return NAME;
    }

    @Override
    public void execute(OpContext ctx) {
        List<INDArray> out = ctx.getOutputArrays();
        BatchNormKernels.backward(activation(ctx), ctx.getInputArray(1), ctx.getInputArray(2), ctx.getInputArray(3),
                ctx.getInputArray(5), relu(ctx) ? ctx.getInputArray(6) : null, training(ctx.getInputArray(4)),
                epsilon(ctx), out.get(0), out.get(1), out.get(2), blocked(ctx));
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        throw new UnsupportedOperationException("second derivatives of batch norm are not supported");
    }
}
