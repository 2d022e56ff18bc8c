package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * dL/dx of {@link BlockedMaxPool}: inputs x and dL/dy, both blocked; dL/dy goes to where each
 * window's maximum was taken, 0 elsewhere, in one pass ({@link VectorMaxPool#backward}).
 */
public final class BlockedMaxPoolGrad extends ElementwiseKernelOp {

    static final String NAME = "prunesh_maxpool2_bp";

    static {
        OpReplacements.registerKernel(NAME, BlockedMaxPoolGrad.class);
        JavaKernel.install();
    }

    /** For SameDiff's copies. */
    public BlockedMaxPoolGrad() {
    }

    public BlockedMaxPoolGrad(SameDiff sd, SDVariable x, SDVariable gradient) {
        super(sd, x, gradient);
    }

    @Override
    public String opName() {
        return NAME;
    }

    @Override
    public void execute(OpContext ctx) {
        INDArray x = ConvArgs.whole(ctx.getInputArray(0)), g = ConvArgs.whole(ctx.getInputArray(1));
        INDArray dx = ctx.getOutputArray(0), dxs = ArrayLayout.whole(dx) ? dx : dx.ulike();
        VectorMaxPool.Shape s = BlockedMaxPool.shape(x);
        ByteBuffer xb = ArrayLayout.bytes(x), gb = ArrayLayout.bytes(g), db = ArrayLayout.bytes(dxs);
        ChannelParallel.run(s.planes(), (from, to) -> VectorMaxPool.backward(xb, gb, db, s, from, to));
        if (dxs != dx) dx.assign(dxs);
    }

    /** Never differentiated: training needs first derivatives only. */
    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        throw new UnsupportedOperationException("the max pooling gradient has no gradient here");
    }
}
