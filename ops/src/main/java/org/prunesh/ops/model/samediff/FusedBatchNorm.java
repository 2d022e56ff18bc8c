package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Batch norm over the channels of an NCHW tensor as one graph op ({@link JavaKernel}; it replaces
 * 9 forward and 17 backward native ops per layer). Inputs x, gamma, beta, running mean, running
 * variance and the [2, 4] mode matrix of {@code BatchNormState} (entry (0, 0) is 1 in training
 * mode); one float argument, epsilon. Outputs y and the statistics used: in training mode the
 * batch mean and biased batch variance, in eval mode the running ones. Its gradient is
 * {@link FusedBatchNormGrad}, which includes the paths through batch statistics.
 */
public final class FusedBatchNorm extends DynamicCustomOp implements JavaKernel {

    static final String NAME = "prunesh_batchnorm";

    static {
        OpReplacements.registerKernel(NAME, FusedBatchNorm.class);
        JavaKernel.install();
    }

    /** For SameDiff's copies; epsilon is restored from the op arguments. */
    public FusedBatchNorm() {
    }

    public FusedBatchNorm(SameDiff sd, SDVariable x, SDVariable gamma, SDVariable beta, SDVariable runningMean,
                          SDVariable runningVar, SDVariable mode, double eps) {
        super(null, sd, new SDVariable[]{x, gamma, beta, runningMean, runningVar, mode});
        addTArgument(eps);
    }

    @Override
    public String opName() {
        return NAME;
    }

    /** Only asked for when something executes the op natively, which it cannot be. */
    @Override
    public long opHash() {
        throw new IllegalStateException(opName() + " runs in Java only, in SameDiff sessions created after "
                + "JavaKernel.install(); it was sent to the native executioner (SameDiff.fit is not supported)");
    }

    /** Epsilon, the only state, travels as the op argument; there is no native op descriptor to read. */
    @Override
    public Map<String, Object> propertiesForFunction() {
        return Map.of();
    }

    @Override
    public void setPropertiesForFunction(Map<String, Object> properties) {
    }

    @Override
    public int getNumOutputs() {
        return 3;
    }

    @Override
    public List<DataType> calculateOutputDataTypes(List<DataType> inputTypes) {
        return Collections.nCopies(3, inputTypes.get(0));
    }

    @Override
    public List<LongShapeDescriptor> calculateOutputShape(OpContext oc) {
        return shapes(oc != null ? oc.getInputArray(0) : arg(0).getArr());
    }

    /** Output shapes of both batch-norm ops: x's, then two per-channel vectors (none if x is unknown). */
    static List<LongShapeDescriptor> shapes(INDArray x) {
        if (x == null) return List.of();
        LongShapeDescriptor channels = LongShapeDescriptor.fromShape(new long[]{x.size(1)}, x.dataType());
        return List.of(LongShapeDescriptor.fromShape(x.shape(), x.dataType()), channels, channels);
    }

    @Override
    public void execute(OpContext ctx) {
        INDArray x = ctx.getInputArray(0);
        requireNchw(x);
        List<INDArray> out = ctx.getOutputArrays();
        BatchNormKernels.forward(x, ctx.getInputArray(1), ctx.getInputArray(2), ctx.getInputArray(3),
                ctx.getInputArray(4), training(ctx.getInputArray(5)), ctx.getTArguments().get(0),
                out.get(0), out.get(1), out.get(2));
    }

    /** Gradients for x, gamma and beta; the running statistics and the mode are constants. */
    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        SDVariable[] in = args();
        SDVariable[] out = outputVariables();
        return List.of(new FusedBatchNormGrad(sameDiff, in[0], in[1], out[1], out[2], in[5], gradient.get(0),
                tArgs()[0]).outputVariables());
    }

    static boolean training(INDArray mode) {
        return mode.getDouble(0, 0) == 1.0;
    }

    static void requireNchw(INDArray x) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException("batch norm expects an NCHW activation of rank 4, got shape "
                    + java.util.Arrays.toString(x.shape()));
        }
    }
}
