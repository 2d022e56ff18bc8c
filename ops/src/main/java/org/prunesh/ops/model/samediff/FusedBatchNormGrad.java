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
 * Gradient of {@link FusedBatchNorm} as one graph op: inputs x, gamma, the statistics the forward
 * op used, the mode matrix and dL/dy; outputs dL/dx, dL/dgamma, dL/dbeta. All three come out of
 * one op, which matters in training: SameDiff updates a parameter in place as soon as its
 * gradient exists, and gamma has been read for dx by then.
 */
public final class FusedBatchNormGrad extends DynamicCustomOp implements JavaKernel {

    static final String NAME = "prunesh_batchnorm_bp";

    static {
        OpReplacements.registerKernel(NAME, FusedBatchNormGrad.class);
        JavaKernel.install();
    }

    /** For SameDiff's copies. */
    public FusedBatchNormGrad() {
    }

    FusedBatchNormGrad(SameDiff sd, SDVariable x, SDVariable gamma, SDVariable mean, SDVariable var, SDVariable mode,
                       SDVariable gradient, double eps) {
        super(null, sd, new SDVariable[]{x, gamma, mean, var, mode, gradient});
        addTArgument(eps);
    }

    @Override
    public String opName() {
        return NAME;
    }

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
        return FusedBatchNorm.shapes(oc != null ? oc.getInputArray(0) : arg(0).getArr());
    }

    @Override
    public void execute(OpContext ctx) {
        INDArray x = ctx.getInputArray(0);
        FusedBatchNorm.requireNchw(x);
        List<INDArray> out = ctx.getOutputArrays();
        BatchNormKernels.backward(x, ctx.getInputArray(1), ctx.getInputArray(2), ctx.getInputArray(3),
                ctx.getInputArray(5), FusedBatchNorm.training(ctx.getInputArray(4)), ctx.getTArguments().get(0),
                out.get(0), out.get(1), out.get(2));
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        throw new UnsupportedOperationException("second derivatives of batch norm are not supported");
    }
}
