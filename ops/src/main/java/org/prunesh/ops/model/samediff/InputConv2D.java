package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SameDiff's 2-D convolution, computed by oneDNN 2.5 directly on the CPU backend ({@link OneDnn}):
 * the forward through {@link ConvForward}, both gradients through one {@link Conv2dGrad}, or only
 * the weight gradient when no trainable variable is upstream of the input (the first layer, fed the
 * input placeholder; {@code conv2d_bp} always also computes the input gradient, and for 3 input
 * channels takes as long as for 16).
 *
 * <p>Elsewhere (another backend, {@code -Dprunesh.conv=native}) libnd4j's conv2d and conv2d_bp, with
 * two cheaper gradients for stride-1 layers: the first layer's weight gradient alone, and on
 * activations of at most {@value #SMALL_SPATIAL} pixels (VGG-19's 2x2 stage) both gradients, from
 * forward convolutions (1.35 ms against conv2d_bp's 2.35 for [128, 128, 2, 2] at two threads). The
 * weight gradient is itself a convolution, of the input with the batch as channels by the output
 * gradient as filters, and the input gradient one of the output gradient by the weights flipped in
 * space with in and out swapped:
 * <pre>
 *   dW[kh, kw, i, o] = Σ_{n,h,w} x[n, i, h + kh - p, w + kw - p] · g[n, o, h, w]
 *                    = conv(x as [I, N, H, W], g as filters [O, N, Ho, Wo], padding p)[i, o, kh, kw]
 *   dx = conv(g, W[k-1-kh, k-1-kw, o, i], padding k - 1 - p)
 * </pre>
 * Registered for the native op, so the gradient function's copies are this class ({@link OpReplacements}).
 */
public final class InputConv2D extends Conv2D implements JavaKernel {

    static {
        OpReplacements.register("conv2d", InputConv2D.class);
        // its gradient may hold a Conv2dGrad, which only kernel-aware sessions run
        JavaKernel.install();
    }

    private static final String HEIGHT = "inputHeight", WIDTH = "inputWidth", IN_BLOCKED = "inputBlocked",
            OUT_BLOCKED = "outputBlocked";
    /** Up to this many input pixels, two forward convolutions beat conv2d_bp (measured at 2x2, not at 4x4). */
    private static final long SMALL_SPATIAL = 4;

    /** Input height and width, 0 when unknown; SameDiff's copies of the graph do not keep static shapes. */
    private long inputHeight, inputWidth;
    /** The input's and the output's layout: blocked ({@link ActivationLayout}) or NCHW. */
    private boolean inputBlocked, outputBlocked;

    /** For SameDiff's copies; the configuration is restored from the op arguments, the input size from properties. */
    public InputConv2D() {
    }

    public InputConv2D(SameDiff sd, SDVariable input, SDVariable weights, SDVariable bias, Conv2DConfig config,
                       long inputHeight, long inputWidth) {
        this(sd, input, weights, bias, config, inputHeight, inputWidth, false, false);
    }

    /** With x and y each NCHW or blocked; blocked needs {@link OneDnn}. */
    public InputConv2D(SameDiff sd, SDVariable input, SDVariable weights, SDVariable bias, Conv2DConfig config,
                       long inputHeight, long inputWidth, boolean inputBlocked, boolean outputBlocked) {
        super(sd, input, weights, bias, config);
        this.inputHeight = inputHeight;
        this.inputWidth = inputWidth;
        this.inputBlocked = inputBlocked;
        this.outputBlocked = outputBlocked;
    }

    @Override
    public Map<String, Object> propertiesForFunction() {
        Map<String, Object> out = new LinkedHashMap<>(super.propertiesForFunction());
        out.put(HEIGHT, inputHeight);
        out.put(WIDTH, inputWidth);
        out.put(IN_BLOCKED, inputBlocked);
        out.put(OUT_BLOCKED, outputBlocked);
        return out;
    }

    @Override
    public void setPropertiesForFunction(Map<String, Object> properties) {
        super.setPropertiesForFunction(properties);
        inputHeight = properties.get(HEIGHT) instanceof Number h ? h.longValue() : 0;
        inputWidth = properties.get(WIDTH) instanceof Number w ? w.longValue() : 0;
        inputBlocked = Boolean.TRUE.equals(properties.get(IN_BLOCKED));
        outputBlocked = Boolean.TRUE.equals(properties.get(OUT_BLOCKED));
    }

    /** oneDNN's direct forward ({@link ConvForward}) where it applies, else libnd4j's conv2d. */
    @Override
    public void execute(OpContext ctx) {
        long[] a = ConvArgs.of(ctx);
        if (OneDnn.enabled() && ConvArgs.supports(a)) {
            ConvForward.output(ctx.getInputArray(0), ctx.getInputArray(1),
                    ctx.getInputArrays().size() > 2 ? ctx.getInputArray(2) : null, a, ctx.getOutputArray(0),
                    inputBlocked, outputBlocked);
        } else if (inputBlocked || outputBlocked || BlockedWeights.blocked(ctx.getInputArray(1))) {
            throw new IllegalStateException("a convolution on blocked activations or weights needs oneDNN (a graph "
                    + "built with it, run without it: -D" + OneDnn.PROPERTY + "=native is read when the graph is built)");
        } else {
            Nd4j.getExecutioner().exec(this, ctx);
        }
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        SDVariable x = arg(0);
        // iArgs: kH, kW, sH, sW, pH, pW, dH, dW, padding mode, data format (0 = NCHW), weights format (0 = YXIO)
        long[] a = iArgs();
        boolean plain = inputHeight > 0 && inputWidth > 0 && a.length >= 11 && a[2] == 1 && a[3] == 1
                && a[6] == 1 && a[7] == 1 && a[8] == PaddingMode.VALID.index && a[9] == 0
                && a[10] == WeightsFormat.YXIO.ordinal() && a[4] < a[0] && a[5] < a[1];
        boolean inputGradient = dependsOnVariables(x, new HashSet<>());
        if (OneDnn.enabled() && ConvArgs.supports(a)) return oneDnnGradients(gradient, inputGradient);
        if (!plain || inputGradient && inputHeight * inputWidth > SMALL_SPATIAL) return super.doDiff(gradient);

        SDVariable g = gradient.get(0);
        List<SDVariable> out = new ArrayList<>();
        SDVariable flipped = null;
        if (inputGradient) {
            // dx = conv(g, W flipped in space with in/out swapped, padding k - 1 - p)
            flipped = sameDiff.permute(flipSpace(arg(1), (int) a[0], (int) a[1]), 0, 1, 3, 2);
            Conv2DConfig full = Conv2DConfig.builder().kH(a[0]).kW(a[1]).sH(1).sW(1)
                    .pH(a[0] - 1 - a[4]).pW(a[1] - 1 - a[5]).paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
            out.add(sameDiff.cnn().conv2d(g, flipped, full));
        } else {
            // the input's gradient is never requested: this node is in the graph but never runs
            out.add(sameDiff.zerosLike(x));
        }
        long outH = inputHeight + 2 * a[4] - a[0] + 1, outW = inputWidth + 2 * a[5] - a[1] + 1;
        SDVariable xt = sameDiff.permute(x, 1, 0, 2, 3);
        SDVariable gt = sameDiff.permute(g, 1, 0, 2, 3);
        Conv2DConfig asFilters = Conv2DConfig.builder().kH(outH).kW(outW).sH(1).sW(1).pH(a[4]).pW(a[5])
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").weightsFormat(WeightsFormat.OIYX).build();
        SDVariable dW = sameDiff.permute(sameDiff.cnn().conv2d(xt, gt, asFilters), 2, 3, 0, 1);
        // SameDiff updates W in place as soon as its gradient exists: dx must have read W by then
        if (flipped != null) dW.addControlDependency(flipped);
        out.add(dW);
        // dL/db, dL/dy summed per channel: g is NCHW here (blocked activations come only with oneDNN,
        // whose Conv2dGrad sums the bias itself)
        if (args().length > 2) out.add(g.sum(0, 2, 3));
        return out;
    }

    /** dW, dx when {@code inputGradient} and db with a bias, from one {@link Conv2dGrad} (oneDNN's direct algorithm). */
    private List<SDVariable> oneDnnGradients(List<SDVariable> gradient, boolean inputGradient) {
        SDVariable g = gradient.get(0);
        SDVariable[] grads = new Conv2dGrad(sameDiff, arg(0), arg(1), g, iArgs(), inputGradient, inputBlocked,
                outputBlocked, args().length > 2).outputVariables();
        // without the input's gradient, its node is in the graph but never runs: nothing asks for it
        List<SDVariable> out = new ArrayList<>();
        if (!inputGradient) out.add(sameDiff.zerosLike(arg(0)));
        out.addAll(List.of(grads));
        return out;
    }

    /**
     * W[k-1-kh, k-1-kw, i, o]: the kernel positions in reverse order, as one gather of rows of W
     * seen as [kH·kW, I·O] (libnd4j's reverse op took 8 ms on [3, 3, 128, 128]).
     */
    private SDVariable flipSpace(SDVariable w, int kH, int kW) {
        int[] reversed = new int[kH * kW];
        for (int i = 0; i < reversed.length; i++) reversed[i] = reversed.length - 1 - i;
        SDVariable rows = w.reshape(kH * kW, -1);
        return sameDiff.gather(rows, reversed, 0).reshape(sameDiff.shape(w));
    }

    /** True if a trainable variable is upstream of {@code v}: then its gradient is needed. */
    private boolean dependsOnVariables(SDVariable v, Set<String> seen) {
        if (!seen.add(v.name())) return false;
        if (v.getVariableType() == VariableType.VARIABLE) return true;
        if (v.getVariableType() != VariableType.ARRAY) return false;
        DifferentialFunction producer = sameDiff.getVariableOutputOp(v.name());
        if (producer == null) return false;
        // direct inputs first: inside a network a weight is one op away, so the search stays shallow
        for (SDVariable in : producer.args()) if (in.getVariableType() == VariableType.VARIABLE) return true;
        for (SDVariable in : producer.args()) if (dependsOnVariables(in, seen)) return true;
        return false;
    }
}
