package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What the two batch-norm kernel ops share: input 0 is the activation, [N, C, H, W] in NCHW or in
 * oneDNN's blocked {@code nChw16c} ({@link BlockedBatchNorm}), the one float argument is epsilon,
 * the integer arguments are 1 when ReLU follows the normalisation in the same op and 1 when the
 * activations are blocked, and the three outputs are one of x's shape and two per-channel vectors.
 */
abstract class BatchNormKernelOp extends KernelOp {

    BatchNormKernelOp() {
    }

    BatchNormKernelOp(SameDiff sd, SDVariable[] inputs, double eps, boolean relu, boolean blocked) {
        super(sd, inputs);
        addTArgument(eps);
        addIArgument(relu ? 1 : 0, blocked ? 1 : 0);
    }

    @Override
    public int getNumOutputs() {
        return 3;
    }

    @Override
    public List<DataType> calculateOutputDataTypes(List<DataType> inputTypes) {
        return Collections.nCopies(3, inputTypes.get(0));
    }

    /** x's shape, then two per-channel vectors (none while x is unknown). */
    @Override
    public List<LongShapeDescriptor> calculateOutputShape(OpContext oc) {
        INDArray x = oc != null ? oc.getInputArray(0) : arg(0).getArr();
        if (x == null) return List.of();
        LongShapeDescriptor channels = LongShapeDescriptor.fromShape(new long[]{x.size(1)}, x.dataType());
        return List.of(LongShapeDescriptor.fromShape(x.shape(), x.dataType()), channels, channels);
    }

    /** The activation, checked to be NCHW. */
    static INDArray activation(OpContext ctx) {
        INDArray x = ctx.getInputArray(0);
        if (x.rank() != 4) {
            throw new IllegalArgumentException("batch norm expects an NCHW activation of rank 4, got shape "
                    + Arrays.toString(x.shape()));
        }
        return x;
    }

    static double epsilon(OpContext ctx) {
        return ctx.getTArguments().get(0);
    }

    /** True when ReLU is part of the op. */
    static boolean relu(OpContext ctx) {
        return !ctx.getIArguments().isEmpty() && ctx.getIArguments().get(0) == 1L;
    }

    boolean relu() {
        return iArgs().length > 0 && iArgs()[0] == 1;
    }

    /** True when the activations (x, y, dL/dy, dL/dx) are in the blocked layout. */
    static boolean blocked(OpContext ctx) {
        return ctx.getIArguments().size() > 1 && ctx.getIArguments().get(1) == 1L;
    }

    boolean blocked() {
        return iArgs().length > 1 && iArgs()[1] == 1;
    }

    /** Entry (0, 0) of BatchNormState's mode matrix is 1 in training mode. */
    static boolean training(INDArray mode) {
        return mode.getDouble(0, 0) == 1.0;
    }
}
