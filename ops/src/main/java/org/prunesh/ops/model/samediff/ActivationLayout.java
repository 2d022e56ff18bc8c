package org.prunesh.ops.model.samediff;

/**
 * Where a fast graph keeps activations in oneDNN's blocked layouts {@code nChw16c} (a multiple of 16
 * channels) or {@code nChw8c} (of 8; oneDNN's AVX2 kernels take it as it is, and left to choose it
 * pads 8 channels to 16, which an [N, 8, H, W] array cannot hold) instead of NCHW.
 * oneDNN's direct convolutions compute in that layout: with NCHW activations every convolution
 * reorders its input in and its output out, and the backward its input, the output gradient and
 * the input gradient (51 ms of a 282 ms ResNet-20 w1 step). A tensor is blocked when its producer
 * and every consumer read that layout: the convolutions ({@link ConvForward}, {@link ConvBackward}),
 * batch norm ({@link BlockedBatchNorm}) and the element-wise ops, which do not care. Pooling, the
 * dense layers and anything else get NCHW through a {@link Relayout}.
 *
 * <p>Only on the CPU backend with oneDNN called directly, the Vector API compiled by C2 and
 * 16-float vectors; never with {@code -Dprunesh.layout=nchw}, which keeps every activation NCHW
 * (and is what the portable graph always does); {@code -Dprunesh.layout=16} blocks multiples of 16
 * channels only (as before 8-channel blocks, for comparisons).
 */
public final class ActivationLayout {

    static final String PROPERTY = "prunesh.layout";

    private ActivationLayout() {
    }

    /** True when tensors of {@code channels} channels are kept blocked in a fast graph built now. */
    public static boolean blocked(long channels) {
        return channels % ("16".equals(System.getProperty(PROPERTY)) ? 16 : 8) == 0 && available();
    }

    /** Channels per block of a blocked tensor of {@code channels}: 16 ({@code nChw16c}) or 8 ({@code nChw8c}). */
    static int block(long channels) {
        return channels % 16 == 0 ? 16 : 8;
    }

    static boolean available() {
        return !"nchw".equals(System.getProperty(PROPERTY)) && OneDnn.enabled() && BatchNormKernels.VECTOR
                && BlockedBatchNorm.SUPPORTED;
    }
}
