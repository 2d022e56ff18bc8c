package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;

import java.util.List;

/**
 * Batch norm over the channels of an NCHW tensor as one graph op ({@link JavaKernel}; it replaces
 * 9 forward and 17 backward native ops per layer). Inputs x, gamma, beta, running mean, running
 * variance and the [2, 4] mode matrix of {@code BatchNormState} (entry (0, 0) is 1 in training
 * mode); one float argument, epsilon; one integer argument, 1 when y is followed by ReLU in the
 * same op (y = max(bn(x), 0), one pass fewer each way). Outputs y and the statistics used: in
 * training mode the batch mean and biased batch variance, in eval mode the running ones. Its
 * gradient is {@link FusedBatchNormGrad}, which includes the paths through batch statistics.
 */
public final class FusedBatchNorm extends BatchNormKernelOp {

    static final String NAME = "prunesh_batchnorm";

    static {
        OpReplacements.registerKernel(NAME, FusedBatchNorm.class);
        JavaKernel.install();
    }

    /** For SameDiff's copies; epsilon is restored from the op arguments. */
    public FusedBatchNorm() {
    }

    public FusedBatchNorm(SameDiff sd, SDVariable x, SDVariable gamma, SDVariable beta, SDVariable runningMean,
                          SDVariable runningVar, SDVariable mode, double eps, boolean relu, boolean blocked) {
        super(sd, new SDVariable[]{x, gamma, beta, runningMean, runningVar, mode}, eps, relu, blocked);
    }

    @Override
    public String opName() {
        return NAME;
    }

    @Override
    public void execute(OpContext ctx) {
        List<INDArray> out = ctx.getOutputArrays();
        BatchNormKernels.forward(activation(ctx), ctx.getInputArray(1), ctx.getInputArray(2), ctx.getInputArray(3),
                ctx.getInputArray(4), training(ctx.getInputArray(5)), epsilon(ctx), relu(ctx), out.get(0), out.get(1), out.get(2),
                blocked(ctx));
    }

    /** Gradients for x, gamma and beta; the running statistics and the mode are constants. */
    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        SDVariable[] in = args();
        SDVariable[] out = outputVariables();
        return List.of(new FusedBatchNormGrad(sameDiff, in[0], in[1], out[1], out[2], in[5], gradient.get(0),
                relu() ? out[0] : null, tArgs()[0], blocked()).outputVariables());
    }
}
