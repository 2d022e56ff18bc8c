package org.prunesh.ops.model.samediff;

/**
 * Where a fast graph keeps activations in oneDNN's blocked layout {@code nChw16c} instead of NCHW.
 * oneDNN's direct convolutions compute in that layout: with NCHW activations every convolution
 * reorders its input in and its output out, and the backward its input, the output gradient and
 * the input gradient (51 ms of a 282 ms ResNet-20 w1 step). A tensor is blocked when its producer
 * and every consumer read that layout: the convolutions ({@link ConvForward}, {@link ConvBackward}),
 * batch norm ({@link BlockedBatchNorm}) and the element-wise ops, which do not care. Pooling, the
 * dense layers and anything else get NCHW through a {@link Relayout}.
 *
 * <p>Only on the CPU backend with oneDNN called directly, the Vector API compiled by C2 and
 * 16-float vectors; never with {@code -Dprunesh.layout=nchw}, which keeps every activation NCHW
 * (and is what the portable graph always does).
 */
public final class ActivationLayout {

    static final String PROPERTY = "prunesh.layout";

    private ActivationLayout() {
    }

    /** True when tensors of {@code channels} channels are kept blocked in a fast graph built now. */
    public static boolean blocked(long channels) {
        return channels % BlockedBatchNorm.BLOCK == 0 && available();
    }

    static boolean available() {
        return !"nchw".equals(System.getProperty(PROPERTY)) && OneDnn.enabled() && BatchNormKernels.VECTOR
                && BlockedBatchNorm.SUPPORTED;
    }
}
