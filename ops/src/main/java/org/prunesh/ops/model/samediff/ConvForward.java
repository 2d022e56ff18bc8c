package org.prunesh.ops.model.samediff;

import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.stream;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * A convolution with [kH, kW, in, out] weights through oneDNN's direct algorithm ({@link OneDnn}) in
 * its blocked layout, the activations NCHW or already blocked ({@link ActivationLayout}: then
 * they are not reordered). libnd4j's {@code conv2d} has oneDNN compute in NHWC and
 * reorders the activations to and from it on every call, which on ResNet-20 w1 took longer than
 * the convolutions themselves (51 against 40 ms per step, {@code DNNL_VERBOSE=1}); the reorders to
 * the blocked layout take about a third of that. Arguments as {@link ConvBackward#gradients}.
 */
final class ConvForward {

    private ConvForward() {
    }

    /** y = conv(x, w) (+ b when {@code b} is not null), NCHW. */
    static void output(INDArray x, INDArray w, INDArray b, long[] args, INDArray y) {
        output(x, w, b, args, y, false, false);
    }

    /** y = conv(x, w) (+ b), x and y each NCHW or blocked ({@link ActivationLayout}). */
    static void output(INDArray x, INDArray w, INDArray b, long[] args, INDArray y, boolean xBlocked, boolean yBlocked) {
        ConvArgs.require(args);
        INDArray xs = ConvArgs.whole(x), ws = ConvArgs.whole(w), bs = b == null ? null : ConvArgs.whole(b);
        INDArray ys = ArrayLayout.whole(y) ? y : y.ulike();
        BlockedWeights.Layout held = BlockedWeights.of(ws);
        String key = "fwd" + Arrays.toString(x.shape()) + Arrays.toString(w.shape()) + Arrays.toString(y.shape())
                + (b != null) + Arrays.toString(args) + xBlocked + yBlocked + (held == null ? 0 : held.id());
        Plan plan = OneDnn.plan(key, () -> new Plan(x.shape(), w.shape(), y.shape(), b != null, args, xBlocked,
                yBlocked, held));
        // a held weight is converted already; only a plain one needs its layout known
        if (held == null) BlockedWeights.prefer(ws, plan.wanted);
        plan.run(xs, ws, bs, ys);
        if (ys != y) y.assign(ys);
    }

    private static final class Plan implements OneDnn.Plan {
        final primitive conv;
        final OneDnnPort x, w, b, y;
        final IntMemoryMap args = new IntMemoryMap();
        /** The weight layout the kernel reads, when a weight's buffer can hold it ({@link BlockedWeights}). */
        final BlockedWeights.Layout wanted;

        /** {@code held}: the layout the weights are held in, null when plain. */
        Plan(long[] xd, long[] wShape, long[] yd, boolean bias, long[] a, boolean xBlocked, boolean yBlocked,
             BlockedWeights.Layout held) {
            long[] wd = ConvArgs.oneDnnWeights(wShape);
            long[][] geometry = ConvArgs.geometry(xd, yd, a);
            convolution_forward.primitive_desc pd = ConvArgs.firstOptimised(i -> descriptor(xd, wd, yd, bias,
                    geometry, ConvArgs.side(xd, xBlocked, i), ConvArgs.side(yd, yBlocked, i)));
            conv = new convolution_forward(pd);
            x = new OneDnnPort(ConvArgs.user(xd, xBlocked, pd.src_desc()), pd.src_desc(), true);
            w = new OneDnnPort(BlockedWeights.desc(held, wd), pd.weights_desc(), true);
            wanted = BlockedWeights.wanted(pd.weights_desc(), wd);
            b = bias ? new OneDnnPort(new long[]{wd[0]}, memory.format_tag.x, pd.bias_desc(), true) : null;
            y = new OneDnnPort(ConvArgs.user(yd, yBlocked, pd.dst_desc()), pd.dst_desc(), false);
            args.put(dnnl.DNNL_ARG_SRC, x.inner).put(dnnl.DNNL_ARG_WEIGHTS, w.inner).put(dnnl.DNNL_ARG_DST, y.inner);
            if (b != null) args.put(dnnl.DNNL_ARG_BIAS, b.inner);
        }

        private static convolution_forward.primitive_desc descriptor(long[] xd, long[] wd, long[] yd, boolean bias,
                                                                     long[][] g, memory.desc x, memory.desc y) {
            memory.desc w = ConvArgs.any(wd);
            convolution_forward.desc desc = bias
                    ? new convolution_forward.desc(dnnl.prop_kind.forward_training, dnnl.algorithm.convolution_direct,
                    x, w, ConvArgs.any(new long[]{wd[0]}), y, g[0], g[1], g[2], g[3])
                    : new convolution_forward.desc(dnnl.prop_kind.forward_training, dnnl.algorithm.convolution_direct,
                    x, w, y, g[0], g[1], g[2], g[3]);
            return new convolution_forward.primitive_desc(desc, OneDnn.engine());
        }

        void run(INDArray xa, INDArray wa, INDArray ba, INDArray ya) {
            stream s = OneDnn.stream();
            x.bind(xa);
            w.bind(wa);
            y.bind(ya);
            x.copyIn(s);
            w.copyIn(s);
            if (b != null) {
                b.bind(ba);
                b.copyIn(s);
            }
            conv.execute(s, args);
            y.copyOut(s);
            s._wait();
        }

        @Override
        public void close() {
            x.close();
            w.close();
            if (b != null) b.close();
            y.close();
            conv.close();
            args.close();
        }
    }
}
