package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * 2x2 max pooling with stride 2 of an [N, C, H, W] activation kept in the blocked layout
 * ({@link ActivationLayout}), its output blocked too, in one Java pass ({@link VectorMaxPool}); its
 * gradient is {@link BlockedMaxPoolGrad}, one more. libnd4j's {@code maxpool2d} reads only NCHW, so
 * a blocked activation was copied out before it (and its gradient back), the convolution after it
 * copied the NCHW output back in, and {@code maxpool2d_bp} pooled again to find the maxima before
 * routing the gradient: on VGG-19-bn w0.25 the pools and copies took 9.5 ms of a 120 ms step.
 */
public final class BlockedMaxPool extends ElementwiseKernelOp {

    static final String NAME = "prunesh_maxpool2";

    static {
        OpReplacements.registerKernel(NAME, BlockedMaxPool.class);
        JavaKernel.install();
    }

    /** For SameDiff's copies. */
    public BlockedMaxPool() {
    }

    /** @param x blocked, a multiple of 8 channels (not checked here: the builder knows its static shape) */
    public BlockedMaxPool(SameDiff sd, SDVariable x) {
        super(sd, x);
    }

    @Override
    public String opName() {
        return NAME;
    }

    /** [N, C, H/2, W/2] (none while the input's shape is unknown). */
    @Override
    public List<LongShapeDescriptor> calculateOutputShape(OpContext oc) {
        INDArray x = oc != null ? oc.getInputArray(0) : arg(0).getArr();
        if (x == null) return List.of();
        long[] s = x.shape();
        return List.of(LongShapeDescriptor.fromShape(new long[]{s[0], s[1], s[2] / 2, s[3] / 2}, x.dataType()));
    }

    @Override
    public void execute(OpContext ctx) {
        INDArray x = ConvArgs.whole(ctx.getInputArray(0)), y = ctx.getOutputArray(0);
        VectorMaxPool.Shape s = shape(x);
        // the passes address whole buffers, as oneDNN does: a view is copied first
        INDArray ys = ArrayLayout.whole(y) ? y : y.ulike();
        ByteBuffer xb = ArrayLayout.bytes(x), yb = ArrayLayout.bytes(ys);
        ChannelParallel.run(s.planes(), (from, to) -> VectorMaxPool.forward(xb, yb, s, from, to));
        if (ys != y) y.assign(ys);
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        return List.of(new BlockedMaxPoolGrad(sameDiff, arg(0), gradient.get(0)).outputVariable());
    }

    /** The pooling geometry of a rank-4 blocked activation, refused when the passes cannot read it. */
    static VectorMaxPool.Shape shape(INDArray x) {
        if (x.rank() != 4 || x.size(1) % 8 != 0 || x.dataType() != DataType.FLOAT || !BatchNormKernels.VECTOR
                || x.length() > Integer.MAX_VALUE / Float.BYTES) {
            throw new IllegalArgumentException("blocked max pooling takes float [N, C, H, W] arrays of under 2^29 floats "
                    + "with C a multiple of 8, and the Vector API; got " + x.dataType() + " " + Arrays.toString(x.shape()));
        }
        return VectorMaxPool.Shape.of(x.shape());
    }
}
