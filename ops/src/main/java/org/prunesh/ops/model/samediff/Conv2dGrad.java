package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The input, weight and bias gradients of a convolution as one graph op computed by {@link ConvBackward}
 * (oneDNN's direct algorithm), in place of libnd4j's {@code conv2d_bp}. Inputs x, the weights and
 * dL/dy; integer arguments those of the forward {@code conv2d}, 1 when dL/dx is wanted, 1 when x (and
 * dL/dx) and 1 when dL/dy are in the blocked layout ({@link ActivationLayout}), 1 when a bias was
 * added to y; outputs dL/dx (when wanted), dL/dW and dL/db (when there is a bias: oneDNN sums it as
 * it reads dL/dy for dL/dW, where a separate sum needed an NCHW copy of a blocked dL/dy). A layer fed
 * the data needs no dL/dx, which {@code conv2d_bp} always computes (for 3 input channels as long as
 * for 16). The gradients come out of one op, which matters in training: SameDiff updates the
 * weights in place as soon as their gradient exists, and dx has read them by then.
 */
public final class Conv2dGrad extends KernelOp {

    static final String NAME = "prunesh_conv2d_bp";

    static {
        OpReplacements.registerKernel(NAME, Conv2dGrad.class);
        JavaKernel.install();
    }

    /** For SameDiff's copies; the convolution's arguments are restored from the op arguments. */
    public Conv2dGrad() {
    }

    /** {@code inputGradient} false: no dx (a layer fed the data); {@code biasGradient}: db after dW. */
    Conv2dGrad(SameDiff sd, SDVariable x, SDVariable weights, SDVariable gradient, long[] convArgs, boolean inputGradient,
               boolean xBlocked, boolean gBlocked, boolean biasGradient) {
        super(sd, x, weights, gradient);
        addIArgument(Arrays.copyOf(convArgs, ConvArgs.ARGS));
        addIArgument(inputGradient ? 1 : 0, xBlocked ? 1 : 0, gBlocked ? 1 : 0, biasGradient ? 1 : 0);
    }

    /** The argument {@code offset} places after the convolution's is 1. */
    private static boolean flag(long[] args, int offset) {
        return args.length > ConvArgs.ARGS + offset && args[ConvArgs.ARGS + offset] == 1;
    }

    /** The argument after the convolution's: 1 when dx is computed. */
    private static boolean inputGradient(long[] args) {
        return args.length <= ConvArgs.ARGS || args[ConvArgs.ARGS] == 1;
    }

    /** The fourth argument after the convolution's: 1 when db is computed (after dW). */
    private static boolean biasGradient(long[] args) {
        return flag(args, 3);
    }

    @Override
    public String opName() {
        return NAME;
    }

    @Override
    public int getNumOutputs() {
        return (inputGradient(iArgs()) ? 2 : 1) + (biasGradient(iArgs()) ? 1 : 0);
    }

    @Override
    public List<DataType> calculateOutputDataTypes(List<DataType> inputTypes) {
        return Collections.nCopies(getNumOutputs(), inputTypes.get(0));
    }

    /** x's shape (when dx is computed) and the weights' (none while they are unknown). */
    @Override
    public List<LongShapeDescriptor> calculateOutputShape(OpContext oc) {
        INDArray x = oc != null ? oc.getInputArray(0) : arg(0).getArr();
        INDArray w = oc != null ? oc.getInputArray(1) : arg(1).getArr();
        if (x == null || w == null) return List.of();
        List<LongShapeDescriptor> out = new ArrayList<>();
        if (inputGradient(iArgs())) out.add(LongShapeDescriptor.fromShape(x.shape(), x.dataType()));
        out.add(LongShapeDescriptor.fromShape(w.shape(), w.dataType()));
        if (biasGradient(iArgs())) out.add(LongShapeDescriptor.fromShape(new long[]{w.size(3)}, w.dataType()));
        return out;
    }

    @Override
    public void execute(OpContext ctx) {
        long[] args = ConvArgs.of(ctx);
        List<INDArray> out = ctx.getOutputArrays();
        boolean dx = inputGradient(args);
        int dw = dx ? 1 : 0;
        ConvBackward.gradients(ctx.getInputArray(0), ctx.getInputArray(1), ctx.getInputArray(2),
                Arrays.copyOf(args, ConvArgs.ARGS), dx ? out.get(0) : null, out.get(dw),
                biasGradient(args) ? out.get(dw + 1) : null, flag(args, 1), flag(args, 2));
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        throw new UnsupportedOperationException("second derivatives of a convolution are not supported");
    }
}
