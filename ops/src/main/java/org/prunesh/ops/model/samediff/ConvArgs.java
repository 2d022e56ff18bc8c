package org.prunesh.ops.model.samediff;

import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive_desc_base;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/** libnd4j's conv2d arguments as oneDNN takes them, for {@link ConvForward} and {@link ConvBackward}. */
final class ConvArgs {

    private ConvArgs() {
    }

    /** How many integer arguments libnd4j's conv2d takes. */
    static final int ARGS = 11;

    /** The op's integer arguments as an array (a plain loop: this runs on every convolution call). */
    static long[] of(OpContext ctx) {
        List<Long> list = ctx.getIArguments();
        long[] args = new long[list.size()];
        for (int i = 0; i < args.length; i++) args[i] = list.get(i);
        return args;
    }

    /** Explicit padding, NCHW, [kH, kW, in, out] weights: what the oneDNN paths take. */
    static boolean supports(long[] args) {
        return args.length == ARGS && args[8] == 0 && args[9] == 0 && args[10] == 0;
    }

    static void require(long[] args) {
        if (!supports(args)) throw new IllegalArgumentException("oneDNN convolutions take explicit padding, NCHW and "
                + "[kH, kW, in, out] weights; got arguments " + Arrays.toString(args));
    }

    /**
     * The array itself when oneDNN can address it as a plain buffer ({@link ArrayLayout#dense}: a 1x1
     * kernel's [1, 1, in, out] weight has odd strides on its size-1 dimensions), else a C-ordered copy.
     */
    static INDArray whole(INDArray a) {
        return ArrayLayout.dense(a) ? a : a.dup('c');
    }

    /** oneDNN's logical weight dimensions [out, in, kH, kW] of ND4J's [kH, kW, in, out]. */
    static long[] oneDnnWeights(long[] w) {
        return new long[]{w[3], w[2], w[0], w[1]};
    }

    /**
     * Strides, dilations (oneDNN counts the gaps: d - 1), left padding and libnd4j's right padding
     * (what makes the output size come out exactly) of x [N, C, H, W] to y [N, O, Ho, Wo].
     */
    static long[][] geometry(long[] x, long[] y, long[] a) {
        long[] padR = {(y[2] - 1) * a[2] + (a[0] - 1) * a[6] + 1 - x[2] - a[4],
                (y[3] - 1) * a[3] + (a[1] - 1) * a[7] + 1 - x[3] - a[5]};
        return new long[][]{{a[2], a[3]}, {a[6] - 1, a[7] - 1}, {a[4], a[5]}, padR};
    }

    /** The user-side layout of an activation of {@code channels}: NCHW, or blocked ({@link ActivationLayout}). */
    static memory.format_tag activation(boolean blocked, long channels) {
        if (!blocked) return memory.format_tag.nchw;
        return ActivationLayout.block(channels) == 16 ? memory.format_tag.nChw16c : memory.format_tag.nChw8c;
    }

    /** How many layout choices {@link #side} offers a convolution's primitive. */
    static final int ATTEMPTS = 3;

    /** {@code -Dprunesh.nhwc=off} skips the second choice of {@link #side}, for comparisons. */
    private static final boolean ONE_BLOCK_AS_NHWC = !"off".equals(System.getProperty("prunesh.nhwc"));

    /**
     * What a convolution's primitive is asked to take for an activation, choice {@code attempt}, the
     * next asked while oneDNN answers with its reference kernel ({@link #firstOptimised}):
     * <ol start="0">
     * <li>its blocked layout when it is blocked, so that no reorder is needed (left to choose, oneDNN
     * pads 8 channels to {@code nChw16c}, which an [N, 8, H, W] array cannot hold), else whatever it
     * picks;</li>
     * <li>a tensor of a single block (8 channels in {@code nChw8c}, 16 in {@code nChw16c}) as NHWC,
     * which is the same memory: no kernel takes {@code nChw8c} opposite {@code nChw16c}, but the NHWC
     * ones take ResNet-20 w0.5's 8-to-16 stage transition as it is, where choice 2 reordered 8 of its
     * tensors a step (2 ms);</li>
     * <li>whatever it picks for every side, and the ports reorder (LeNet-5's second convolution: its
     * 6-channel input stays NCHW, and the AVX2 kernel of its weight gradient wants the 16-channel
     * output gradient in 8-channel blocks).</li>
     * </ol>
     */
    static memory.desc side(long[] dims, boolean blocked, int attempt) {
        if (attempt == 0) return blocked ? new memory.desc(dims, memory.data_type.f32, activation(true, dims[1]))
                : any(dims);
        if (attempt == 1) return oneBlock(dims, blocked) ? nhwc(dims) : side(dims, blocked, 0);
        return any(dims);
    }

    /** The first of a primitive's descriptors, built for choice 0, 1, 2 of {@link #side}, that is an optimised kernel. */
    static <P extends primitive_desc_base> P firstOptimised(IntFunction<P> build) {
        for (int attempt = 0; ; attempt++) {
            if (attempt == 1 && !ONE_BLOCK_AS_NHWC) continue;
            P pd = build.apply(attempt);
            if (attempt == ATTEMPTS - 1 || optimised(pd, attempt == 1)) return pd;
        }
    }

    /**
     * Not the reference kernel, nor, on NHWC ({@code nhwc}), oneDNN 2.5's 1x1 weight-gradient kernel:
     * on an 8-channel NHWC input with stride 2 it writes past its buffers (glibc aborts with "free():
     * invalid size"; {@code ConvArgsTest}), so the next implementation, the direct kernel, is taken.
     */
    private static boolean optimised(primitive_desc_base pd, boolean nhwc) {
        if (nhwc && pd instanceof convolution_backward_weights.primitive_desc weights) {
            while (oneByOne(pd) && weights.next_impl()) {
                // the iterator moves pd itself to oneDNN's next implementation for the same descriptors
            }
            if (oneByOne(pd)) return false;
        }
        return !reference(pd);
    }

    private static boolean oneByOne(primitive_desc_base pd) {
        return pd.impl_info_str().getString().startsWith("jit_1x1");
    }

    /** A blocked tensor of a single block lies in memory exactly as NHWC. */
    private static boolean oneBlock(long[] dims, boolean blocked) {
        return blocked && dims[1] == ActivationLayout.block(dims[1]);
    }

    private static memory.desc nhwc(long[] dims) {
        return new memory.desc(dims, memory.data_type.f32, memory.format_tag.acdb);
    }

    /** The activation array's own layout as a primitive that wants {@code wanted} is to see it (NHWC: {@link #side}). */
    static memory.desc user(long[] dims, boolean blocked, memory.desc wanted) {
        if (oneBlock(dims, blocked) && wanted.equals(nhwc(dims))) return nhwc(dims);
        return new memory.desc(dims, memory.data_type.f32, activation(blocked, dims[1]));
    }

    /** Whether oneDNN chose its reference kernel, 100x slower than the optimised ones. */
    static boolean reference(primitive_desc_base pd) {
        return pd.impl_info_str().getString().startsWith("ref");
    }

    /** A float array of these dimensions in whatever layout the primitive picks. */
    static memory.desc any(long[] dims) {
        return new memory.desc(dims, memory.data_type.f32, memory.format_tag.any);
    }
}
