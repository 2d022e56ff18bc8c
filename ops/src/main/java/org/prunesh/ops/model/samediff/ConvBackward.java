package org.prunesh.ops.model.samediff;

import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.stream;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Both gradients of a convolution with [kH, kW, in, out] weights, through oneDNN's direct
 * algorithm ({@link OneDnn}), the activations NCHW or blocked ({@link ActivationLayout}); for NCHW: the output gradient is reordered once into oneDNN's blocked layout
 * and read by the input-gradient and the weight-gradient primitive (when both want the same
 * layout), the weights are reordered in and the two gradients out. On ResNet-20's layers (128
 * images, two threads) this takes 6.1 ms against {@code conv2d_bp}'s 10-13 at 16 channels of 32x32,
 * 4.8 against 8.4 at 8 channels, 4.2-4.6 against 8.6 at 32 of 16x16. The weight gradient equals
 * {@code conv2d_bp}'s bit for bit on these shapes (the same oneDNN kernel); the input gradient
 * differs in the last bits (direct sums instead of Winograd's transforms).
 * Primitives and blocked buffers are built once per shape and thread and reused.
 */
final class ConvBackward {

    private ConvBackward() {
    }

    /**
     * dx (unless {@code dx} is null) and dW of y = conv(x, w) given g = dL/dy. {@code args} are libnd4j's conv2d integer
     * arguments: kH, kW, sH, sW, pH, pW, dH, dW, padding mode (0: the given padding), data format
     * (0: NCHW), weights format (0: [kH, kW, in, out]), which {@link ConvArgs#supports} checks.
     */
    static void gradients(INDArray x, INDArray w, INDArray g, long[] args, INDArray dx, INDArray dw) {
        gradients(x, w, g, args, dx, dw, null, false, false);
    }

    /**
     * {@link #gradients} with x (and dx) and g each NCHW or blocked ({@link ActivationLayout}), and
     * dL/db of a bias added to y unless {@code db} is null: the weight-gradient primitive sums it per
     * channel as it reads g, instead of a sum over an NCHW copy of g.
     */
    static void gradients(INDArray x, INDArray w, INDArray g, long[] args, INDArray dx, INDArray dw, INDArray db,
                          boolean xBlocked, boolean gBlocked) {
        ConvArgs.require(args);
        INDArray xs = ConvArgs.whole(x), ws = ConvArgs.whole(w), gs = ConvArgs.whole(g);
        INDArray dxs = dx == null || ArrayLayout.whole(dx) ? dx : dx.ulike(), dws = ArrayLayout.whole(dw) ? dw : dw.ulike();
        INDArray dbs = db == null || ArrayLayout.whole(db) ? db : db.ulike();
        // a weight held blocked is read, and its gradient written, in its layout ({@link BlockedWeights})
        BlockedWeights.Layout held = BlockedWeights.of(ws);
        String key = "bwd" + (dx != null) + (db != null) + Arrays.toString(x.shape()) + Arrays.toString(w.shape())
                + Arrays.toString(g.shape()) + Arrays.toString(args) + xBlocked + gBlocked
                + (held == null ? 0 : held.id());
        OneDnn.plan(key, () -> new Plan(x.shape(), w.shape(), g.shape(), args, dx != null, db != null, xBlocked,
                gBlocked, held)).run(xs, ws, gs, dxs, dws, dbs);
        if (dxs != dx) dx.assign(dxs);
        if (dws != dw) dw.assign(dws);
        if (dbs != db) db.assign(dbs);
    }

    /** The weight-gradient primitive and, when dx is wanted, the input-gradient one, with their arrays. */
    private static final class Plan implements OneDnn.Plan {
        final primitive weights, data;
        final OneDnnPort x, g, dw, db, w, gForData, dx;
        final IntMemoryMap weightArgs = new IntMemoryMap(), dataArgs;
        final List<OneDnnPort> in = new ArrayList<>(), out = new ArrayList<>();

        Plan(long[] xd, long[] wShape, long[] gd, long[] a, boolean inputGradient, boolean biasGradient, boolean xBlocked,
             boolean gBlocked, BlockedWeights.Layout held) {
            long[] wd = ConvArgs.oneDnnWeights(wShape);
            long[][] geo = ConvArgs.geometry(xd, gd, a);
            memory.desc wAny = ConvArgs.any(wd);
            convolution_forward.primitive_desc hint = ConvArgs.firstOptimised(i -> hint(ConvArgs.side(xd, xBlocked, i),
                    wAny, ConvArgs.side(gd, gBlocked, i), geo));
            memory.desc bias = biasGradient ? new memory.desc(new long[]{wd[0]}, memory.data_type.f32, memory.format_tag.x)
                    : null;
            convolution_backward_weights.primitive_desc wpd = ConvArgs.firstOptimised(i -> weightsDescriptor(
                    ConvArgs.side(xd, xBlocked, i), wAny, bias, ConvArgs.side(gd, gBlocked, i), geo, hint));
            weights = new convolution_backward_weights(wpd);
            x = port(in, ConvArgs.user(xd, xBlocked, wpd.src_desc()), wpd.src_desc(), true);
            g = port(in, ConvArgs.user(gd, gBlocked, wpd.diff_dst_desc()), wpd.diff_dst_desc(), true);
            memory.desc wHeld = BlockedWeights.desc(held, wd);
            dw = port(out, wHeld, wpd.diff_weights_desc(), false);
            weightArgs.put(dnnl.DNNL_ARG_SRC, x.inner).put(dnnl.DNNL_ARG_DIFF_DST, g.inner)
                    .put(dnnl.DNNL_ARG_DIFF_WEIGHTS, dw.inner);
            db = biasGradient ? port(out, new long[]{wd[0]}, memory.format_tag.x, wpd.diff_bias_desc(), false) : null;
            if (db != null) weightArgs.put(dnnl.DNNL_ARG_DIFF_BIAS, db.inner);
            if (!inputGradient) {
                data = null;
                w = gForData = dx = null;
                dataArgs = null;
                return;
            }
            convolution_backward_data.primitive_desc dpd = ConvArgs.firstOptimised(i -> dataDescriptor(
                    ConvArgs.side(xd, xBlocked, i), wAny, ConvArgs.side(gd, gBlocked, i), geo, hint));
            data = new convolution_backward_data(dpd);
            w = port(in, wHeld, dpd.weights_desc(), true);
            // one reorder of g serves both primitives when they want the same layout
            gForData = dpd.diff_dst_desc().equals(wpd.diff_dst_desc()) ? g
                    : port(in, ConvArgs.user(gd, gBlocked, dpd.diff_dst_desc()), dpd.diff_dst_desc(), true);
            dx = port(out, ConvArgs.user(xd, xBlocked, dpd.diff_src_desc()), dpd.diff_src_desc(), false);
            dataArgs = new IntMemoryMap().put(dnnl.DNNL_ARG_DIFF_DST, gForData.inner).put(dnnl.DNNL_ARG_WEIGHTS, w.inner)
                    .put(dnnl.DNNL_ARG_DIFF_SRC, dx.inner);
        }

        private static convolution_forward.primitive_desc hint(memory.desc x, memory.desc w, memory.desc g, long[][] geo) {
            return new convolution_forward.primitive_desc(new convolution_forward.desc(dnnl.prop_kind.forward_training,
                    dnnl.algorithm.convolution_direct, x, w, g, geo[0], geo[1], geo[2], geo[3]), OneDnn.engine());
        }

        /** {@code b} null: no bias gradient. */
        private static convolution_backward_weights.primitive_desc weightsDescriptor(memory.desc x, memory.desc w,
                memory.desc b, memory.desc g, long[][] geo, convolution_forward.primitive_desc hint) {
            convolution_backward_weights.desc desc = b == null
                    ? new convolution_backward_weights.desc(dnnl.algorithm.convolution_direct, x, w, g, geo[0], geo[1],
                    geo[2], geo[3])
                    : new convolution_backward_weights.desc(dnnl.algorithm.convolution_direct, x, w, b, g, geo[0], geo[1],
                    geo[2], geo[3]);
            return new convolution_backward_weights.primitive_desc(desc, OneDnn.engine(), hint);
        }

        private static convolution_backward_data.primitive_desc dataDescriptor(memory.desc x, memory.desc w,
                memory.desc g, long[][] geo, convolution_forward.primitive_desc hint) {
            return new convolution_backward_data.primitive_desc(new convolution_backward_data.desc(
                    dnnl.algorithm.convolution_direct, x, w, g, geo[0], geo[1], geo[2], geo[3]), OneDnn.engine(), hint);
        }

        private static OneDnnPort port(List<OneDnnPort> list, long[] dims, memory.format_tag tag, memory.desc wanted,
                                       boolean in) {
            return port(list, new memory.desc(dims, memory.data_type.f32, tag), wanted, in);
        }

        private static OneDnnPort port(List<OneDnnPort> list, memory.desc held, memory.desc wanted, boolean in) {
            OneDnnPort p = new OneDnnPort(held, wanted, in);
            list.add(p);
            return p;
        }

        void run(INDArray xa, INDArray wa, INDArray ga, INDArray dxa, INDArray dwa, INDArray dba) {
            stream s = OneDnn.stream();
            x.bind(xa);
            g.bind(ga);
            dw.bind(dwa);
            if (db != null) db.bind(dba);
            if (data != null) {
                w.bind(wa);
                if (gForData != g) gForData.bind(ga);
                dx.bind(dxa);
            }
            for (OneDnnPort p : in) p.copyIn(s);
            if (data != null) data.execute(s, dataArgs);
            weights.execute(s, weightArgs);
            for (OneDnnPort p : out) p.copyOut(s);
            s._wait();
        }

        @Override
        public void close() {
            for (OneDnnPort p : in) p.close();
            for (OneDnnPort p : out) p.close();
            weights.close();
            weightArgs.close();
            if (data != null) {
                data.close();
                dataArgs.close();
            }
        }
    }
}
