package org.prunesh.ops.model.samediff;

import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive_desc_base;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;

import java.util.Arrays;
import java.util.List;

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

    /**
     * What a convolution's primitive is first asked to take for an activation: its blocked layout
     * when it is blocked, so that no reorder is needed (left to choose, oneDNN pads 8 channels to
     * {@code nChw16c}, which an [N, 8, H, W] array cannot hold), else whatever it picks. Where no
     * optimised kernel takes the layouts asked for ({@link #reference}: 8 channels opposite 16, or a
     * weight gradient whose AVX2 kernel wants an 8-channel block of a 16-channel output gradient),
     * the caller asks again with every side left to the primitive, and the ports reorder.
     */
    static memory.desc side(long[] dims, boolean blocked) {
        return blocked ? new memory.desc(dims, memory.data_type.f32, activation(true, dims[1])) : any(dims);
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
