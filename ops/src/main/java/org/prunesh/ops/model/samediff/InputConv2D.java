package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.enums.WeightsFormat;
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
 * SameDiff's 2-D convolution, except that when no trainable variable is upstream of its input (the
 * network's first layer, fed the input placeholder) the gradient computes the weight gradient only. libnd4j's {@code conv2d_bp} always also
 * computes the input gradient, and for 3 input channels oneDNN takes as long as for 16: on
 * [128, 3, 32, 32] with 16 filters it took 14.6 ms (one thread) where PyTorch, which skips the input
 * gradient, needs about 1. The weight gradient of a stride-1 NCHW convolution is itself a
 * convolution, of the input with the batch as channels by the output gradient as filters:
 * <pre>
 *   dW[kh, kw, i, o] = Σ_{n,h,w} x[n, i, h + kh - p, w + kw - p] · g[n, o, h, w]
 *                    = conv(x as [I, N, H, W], g as filters [O, N, Ho, Wo], padding p)[i, o, kh, kw]
 * </pre>
 * 7.8 ms with its three transposes. Other convolutions (strided, dilated, or of an activation)
 * differentiate as before. Registered for the native op, so the gradient function's copies are
 * this class ({@link OpReplacements}).
 */
public final class InputConv2D extends Conv2D {

    static {
        OpReplacements.register("conv2d", InputConv2D.class);
    }

    private static final String HEIGHT = "inputHeight", WIDTH = "inputWidth";

    /** Input height and width, 0 when unknown; SameDiff's copies of the graph do not keep static shapes. */
    private long inputHeight, inputWidth;

    /** For SameDiff's copies; the configuration is restored from the op arguments, the input size from properties. */
    public InputConv2D() {
    }

    public InputConv2D(SameDiff sd, SDVariable input, SDVariable weights, SDVariable bias, Conv2DConfig config,
                       long inputHeight, long inputWidth) {
        super(sd, input, weights, bias, config);
        this.inputHeight = inputHeight;
        this.inputWidth = inputWidth;
    }

    @Override
    public Map<String, Object> propertiesForFunction() {
        Map<String, Object> out = new LinkedHashMap<>(super.propertiesForFunction());
        out.put(HEIGHT, inputHeight);
        out.put(WIDTH, inputWidth);
        return out;
    }

    @Override
    public void setPropertiesForFunction(Map<String, Object> properties) {
        super.setPropertiesForFunction(properties);
        inputHeight = properties.get(HEIGHT) instanceof Number h ? h.longValue() : 0;
        inputWidth = properties.get(WIDTH) instanceof Number w ? w.longValue() : 0;
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        SDVariable x = arg(0);
        // iArgs: kH, kW, sH, sW, pH, pW, dH, dW, padding mode, data format (0 = NCHW), weights format (0 = YXIO)
        long[] a = iArgs();
        boolean weightsOnly = inputHeight > 0 && inputWidth > 0 && a.length >= 11 && a[2] == 1 && a[3] == 1
                && a[6] == 1 && a[7] == 1 && a[8] == PaddingMode.VALID.index && a[9] == 0
                && a[10] == WeightsFormat.YXIO.ordinal() && !dependsOnVariables(x, new HashSet<>());
        if (!weightsOnly) return super.doDiff(gradient);

        long outH = inputHeight + 2 * a[4] - a[0] + 1, outW = inputWidth + 2 * a[5] - a[1] + 1;
        SDVariable g = gradient.get(0);
        SDVariable xt = sameDiff.permute(x, 1, 0, 2, 3);
        SDVariable gt = sameDiff.permute(g, 1, 0, 2, 3);
        Conv2DConfig asFilters = Conv2DConfig.builder().kH(outH).kW(outW).sH(1).sW(1).pH(a[4]).pW(a[5])
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").weightsFormat(WeightsFormat.OIYX).build();
        SDVariable dW = sameDiff.permute(sameDiff.cnn().conv2d(xt, gt, asFilters), 2, 3, 0, 1);
        List<SDVariable> out = new ArrayList<>();
        // the input's gradient is never requested: this node is in the graph but never runs
        out.add(sameDiff.zerosLike(x));
        out.add(dW);
        if (args().length > 2) out.add(g.sum(0, 2, 3));
        return out;
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
