package org.prunesh.ops.model.samediff;

import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;

import java.util.Arrays;
import java.util.List;

/**
 * An [N, C, H, W] activation copied between NCHW and the blocked layout {@code nChw16c}
 * ({@link ActivationLayout}) by a oneDNN reorder; one integer argument, 1 towards the blocked
 * layout. Its gradient is the copy the other way. A graph has one where blocked activations meet
 * an op that reads NCHW (pooling before the classifier).
 */
public final class Relayout extends ElementwiseKernelOp {

    static final String NAME = "prunesh_relayout";

    static {
        OpReplacements.registerKernel(NAME, Relayout.class);
        JavaKernel.install();
    }

    /** For SameDiff's copies; the direction is restored from the op arguments. */
    public Relayout() {
    }

    public Relayout(SameDiff sd, SDVariable x, boolean toBlocked) {
        super(sd, x);
        addIArgument(toBlocked ? 1 : 0);
    }

    @Override
    public String opName() {
        return NAME;
    }

    private static boolean toBlocked(List<Long> args) {
        return args.get(0) == 1L;
    }

    @Override
    public void execute(OpContext ctx) {
        INDArray x = ctx.getInputArray(0), y = ctx.getOutputArray(0);
        if (x.rank() != 4) throw new IllegalArgumentException("a relayout copies rank-4 arrays, got " + Arrays.toString(x.shape()));
        // oneDNN addresses whole buffers: a view is copied first, as the convolutions do (ConvArgs.whole)
        INDArray xs = ConvArgs.whole(x), ys = ArrayLayout.whole(y) ? y : y.ulike();
        boolean blocked = toBlocked(ctx.getIArguments());
        OneDnn.plan("relayout" + blocked + Arrays.toString(x.shape()), () -> new Plan(x.shape(), blocked)).run(xs, ys);
        if (ys != y) y.assign(ys);
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        return List.of(new Relayout(sameDiff, gradient.get(0), iArgs()[0] != 1).outputVariable());
    }

    private static final class Plan implements OneDnn.Plan {
        final memory from, to;
        final reorder copy;

        Plan(long[] dims, boolean toBlocked) {
            memory.format_tag plain = memory.format_tag.nchw, blocked = ConvArgs.activation(true, dims[1]);
            from = new memory(new memory.desc(dims, memory.data_type.f32, toBlocked ? plain : blocked), OneDnn.engine(), null);
            to = new memory(new memory.desc(dims, memory.data_type.f32, toBlocked ? blocked : plain), OneDnn.engine(), null);
            copy = new reorder(from, to);
        }

        void run(INDArray x, INDArray y) {
            stream s = OneDnn.stream();
            from.set_data_handle(x.data().addressPointer());
            to.set_data_handle(y.data().addressPointer());
            copy.execute(s, from, to);
            s._wait();
        }

        @Override
        public void close() {
            copy.close();
            from.close();
            to.close();
        }
    }
}
