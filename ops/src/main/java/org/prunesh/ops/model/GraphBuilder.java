package org.prunesh.ops.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.data.Gaussian;
import org.prunesh.ops.model.samediff.ActivationLayout;
import org.prunesh.ops.model.samediff.BlockedMaxPool;
import org.prunesh.ops.model.samediff.FusedBatchNorm;
import org.prunesh.ops.model.samediff.InputConv2D;
import org.prunesh.ops.model.samediff.JavaKernel;
import org.prunesh.ops.model.samediff.Relayout;
import org.prunesh.ops.model.samediff.Relu;
import org.prunesh.ops.model.samediff.ResidualAddRelu;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Adds layers to a SameDiff graph, naming tensors the PyTorch way ({@code conv1.weight},
 * {@code layer1.0.bn1.bias}) and recording them as {@link ParamInfo} and as
 * {@link Architecture.Layer}s with static shapes. Weights are He-normal initialised from one
 * seeded stream in forward order, so a spec and a seed always give the same network.
 */
final class GraphBuilder {

    /** PyTorch's batch-norm epsilon. */
    static final double BN_EPS = 1e-5;

    /**
     * An activation with its static shape; flat activations have height and width 1. {@code blocked}:
     * its buffer holds oneDNN's {@code nChw16c} layout, not NCHW ({@link ActivationLayout}).
     */
    record Act(SDVariable var, long channels, long height, long width, boolean blocked) {
        Act(SDVariable var, long channels, long height, long width) {
            this(var, channels, height, width, false);
        }

        long size() {
            return channels * height * width;
        }
    }

    private final SameDiff sd;
    private final GraphKind kind;
    private final SplittableRandom random;
    private final List<ParamInfo> params = new ArrayList<>();
    private final List<Architecture.Layer> layers = new ArrayList<>();
    private final BatchNormState batchNorm;
    private int layerIndex;
    /** Batch norms get channel-mask constants (see {@link Slimming}). */
    private boolean slimmable;
    /** Branch being built: 0 records layers and creates tensors, k >= 1 reuses them. */
    private int branch;

    GraphBuilder(SameDiff sd, long seed) {
        this(sd, seed, GraphKind.current());
    }

    GraphBuilder(SameDiff sd, long seed, GraphKind kind) {
        // SameDiff gives a graph its inference session when its first variable is set: kernels must be runnable by then
        if (kind == GraphKind.FAST) JavaKernel.install();
        this.sd = sd;
        this.kind = kind;
        this.random = new SplittableRandom(seed);
        this.batchNorm = new BatchNormState(sd);
    }

    List<ParamInfo> params() {
        return params;
    }

    List<Architecture.Layer> layers() {
        return layers;
    }

    BatchNormState batchNorm() {
        return batchNorm;
    }

    SameDiff graph() {
        return sd;
    }

    void slimmable(boolean on) {
        slimmable = on;
    }

    /**
     * Builds the next layers as branch {@code k} of a {@link Slimming} network: ops and
     * per-branch constants get the branch's prefix, weights and running statistics are the ones
     * branch 0 created, and nothing is recorded again.
     */
    void branch(int k) {
        branch = k;
    }

    private String named(String layer) {
        return Slimming.prefix(branch) + layer;
    }

    /** 2-D convolution, NCHW, symmetric zero padding; weights [kH, kW, in, out] (SameDiff's layout). */
    Act conv(String layer, Act x, int out, int kernel, int stride, int padding, boolean bias) {
        long[] wShape = {kernel, kernel, x.channels(), out};
        SDVariable w = weight(layer, wShape, kernel * kernel * x.channels());
        SDVariable b = bias ? bias(layer, out) : null;
        String op = named(layer);
        Conv2DConfig config = Conv2DConfig.builder().kH(kernel).kW(kernel).sH(stride).sW(stride)
                .pH(padding).pW(padding).paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
        long h = (x.height() + 2L * padding - kernel) / stride + 1;
        long w2 = (x.width() + 2L * padding - kernel) / stride + 1;
        record(layer, Architecture.Kind.CONV, x.channels(), out, kernel, stride, x, h, w2);
        boolean blocked = kind == GraphKind.FAST && ActivationLayout.blocked(out);
        SDVariable conv = kind == GraphKind.FAST
                ? new InputConv2D(sd, x.var(), w, b, config, x.height(), x.width(), x.blocked(), blocked).outputVariable()
                : b == null ? sd.cnn().conv2d(x.var(), w, config) : sd.cnn().conv2d(x.var(), w, b, config);
        SDVariable y = sd.updateVariableNameAndReference(conv, op);
        return new Act(y, out, h, w2, blocked);
    }

    /** Fully connected layer x·W + b on a flat activation; weights [in, out]. */
    Act dense(String layer, Act x, int out) {
        x = plain(x);
        long in = x.size();
        SDVariable w = weight(layer, new long[]{in, out}, in);
        SDVariable b = bias(layer, out);
        record(layer, Architecture.Kind.DENSE, in, out, 1, 1, new Act(null, in, 1, 1), 1, 1);
        if (kind == GraphKind.PORTABLE) return new Act(sd.nn().linear(named(layer), x.var(), w, b), out, 1, 1);
        // libnd4j's xw_plus_b has oneDNN reorder the [in, out] weights on every call with a generic
        // kernel: 1.41 ms for LeNet-5's 400x120 layer against 0.18 + 0.11 for matmul and bias add
        SDVariable y = sd.nn().biasAdd(sd.mmul(x.var(), w), b, true);
        return new Act(sd.updateVariableNameAndReference(y, named(layer)), out, 1, 1);
    }

    /**
     * Batch norm over the channels of an NCHW activation ({@code <layer>.weight}/{@code .bias}
     * gamma and beta, {@code .running_mean}/{@code .running_var} constants), normalising with the
     * batch or the running statistics as {@link BatchNormState}'s mode matrix selects. In a fast
     * graph one op forward and one backward ({@link FusedBatchNorm}) instead of 26 native ones; in
     * a portable one a composite of stock ops ({@link PortableBatchNorm}). The batch statistics are
     * named as {@link BatchNormState} reads them after a training step.
     */
    Act batchNorm(String layer, Act x) {
        return batchNorm(layer, x, false);
    }

    /** ReLU of {@link #batchNorm}: in a fast graph one op each way, ReLU's passes folded into batch norm's. */
    Act batchNormRelu(String layer, Act x) {
        return batchNorm(layer, x, true);
    }

    private Act batchNorm(String layer, Act x, boolean relu) {
        long c = x.channels();
        SDVariable gamma = shared(layer + ".weight", () -> sd.var(layer + ".weight", Nd4j.ones(DataType.FLOAT, c)));
        SDVariable beta = shared(layer + ".bias", () -> sd.var(layer + ".bias", Nd4j.zeros(DataType.FLOAT, c)));
        if (branch == 0) {
            params.add(new ParamInfo(layer + ".weight", new long[]{c}, ParamKind.NORM, layer, layerIndex));
            params.add(new ParamInfo(layer + ".bias", new long[]{c}, ParamKind.NORM, layer, layerIndex));
        }
        record(layer, Architecture.Kind.NORM, c, c, 1, 1, x, x.height(), x.width());

        BatchNormState.Layer state = new BatchNormState.Layer(layer, c, x.height() * x.width());
        BatchNormState.Layer batchNames = new BatchNormState.Layer(named(layer), c, x.height() * x.width());
        SDVariable runningMean = shared(state.runningMean(), () -> sd.constant(state.runningMean(), Nd4j.zeros(DataType.FLOAT, c)));
        SDVariable runningVar = shared(state.runningVar(), () -> sd.constant(state.runningVar(), Nd4j.ones(DataType.FLOAT, c)));
        SDVariable mode = sd.hasVariable(BatchNormState.MODE) ? sd.getVariable(BatchNormState.MODE)
                : sd.constant(BatchNormState.MODE, BatchNormState.modeMatrix(true));
        if (branch == 0) batchNorm.add(state);
        if (slimmable) {
            // Masking gamma and beta (C values) rather than the activation keeps the cost negligible.
            SDVariable mask = sd.constant(Slimming.maskName(branch, layer), Nd4j.ones(DataType.FLOAT, c));
            gamma = gamma.mul(mask);
            beta = beta.mul(mask);
        }
        if (kind == GraphKind.PORTABLE) {
            SDVariable y = PortableBatchNorm.build(sd, x.var(), c, gamma, beta, runningMean, runningVar, mode, BN_EPS,
                    batchNames.batchMean(), batchNames.batchVar());
            y = sd.updateVariableNameAndReference(y, named(layer));
            return new Act(relu ? sd.nn().relu(y, 0) : y, c, x.height(), x.width());
        }
        SDVariable[] out = new FusedBatchNorm(sd, x.var(), gamma, beta, runningMean, runningVar, mode, BN_EPS, relu,
                x.blocked()).outputVariables();
        sd.updateVariableNameAndReference(out[1], batchNames.batchMean());
        sd.updateVariableNameAndReference(out[2], batchNames.batchVar());
        return new Act(sd.updateVariableNameAndReference(out[0], named(layer)), c, x.height(), x.width(), x.blocked());
    }

    private SDVariable shared(String name, java.util.function.Supplier<SDVariable> create) {
        return branch > 0 ? sd.getVariable(name) : create.get();
    }

    /** ReLU; in a fast graph with a fast gradient ({@link Relu}: SameDiff's own differentiates through a slow kernel). */
    Act relu(Act x) {
        SDVariable y = kind == GraphKind.FAST ? new Relu(sd, x.var()).outputVariable() : sd.nn().relu(x.var(), 0);
        return new Act(y, x.channels(), x.height(), x.width(), x.blocked());
    }

    /**
     * ReLU of a residual sum of two activations of one shape, the end of a residual block; in a
     * fast graph one op each way ({@link ResidualAddRelu}), otherwise SameDiff's add then ReLU.
     */
    Act addRelu(Act a, Act b) {
        if (kind != GraphKind.FAST) return relu(new Act(a.var().add(b.var()), a.channels(), a.height(), a.width()));
        // element-wise: any layout, the same for both
        if (a.blocked() != b.blocked()) {
            a = plain(a);
            b = plain(b);
        }
        SDVariable y = new ResidualAddRelu(sd, a.var(), b.var()).outputVariable();
        return new Act(y, a.channels(), a.height(), a.width(), a.blocked());
    }

    /** The activation in NCHW, for the ops that read only that: copied out of the blocked layout when it is in it. */
    Act plain(Act x) {
        if (!x.blocked()) return x;
        return new Act(new Relayout(sd, x.var(), false).outputVariable(), x.channels(), x.height(), x.width(), false);
    }

    /** 2x2 max pooling, stride 2; in a fast graph a blocked activation stays blocked ({@link BlockedMaxPool}). */
    Act maxPool2(Act x) {
        if (kind == GraphKind.FAST && x.blocked()) {
            return new Act(new BlockedMaxPool(sd, x.var()).outputVariable(), x.channels(), x.height() / 2, x.width() / 2,
                    true);
        }
        Pooling2DConfig config = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2)
                .type(Pooling2D.Pooling2DType.MAX).paddingMode(PaddingMode.VALID).isNHWC(false).build();
        return new Act(sd.cnn().maxPooling2d(x.var(), config), x.channels(), x.height() / 2, x.width() / 2);
    }

    /** Mean over height and width: [n, c, h, w] to [n, c]. */
    Act globalAvgPool(Act x) {
        x = plain(x);
        return new Act(x.var().mean(2, 3), x.channels(), 1, 1);
    }

    Act flatten(Act x) {
        x = plain(x);
        return new Act(sd.reshape(x.var(), -1, x.size()), x.size(), 1, 1);
    }

    /** Zero-pads height and width symmetrically (extra row/column at the end) up to a minimum size. */
    Act padTo(Act x, long minSize) {
        x = plain(x);
        long dh = Math.max(0, minSize - x.height());
        long dw = Math.max(0, minSize - x.width());
        if (dh == 0 && dw == 0) return x;
        SDVariable pads = sd.constant(Nd4j.createFromArray(new int[][]{
                {0, 0}, {0, 0}, {(int) dh / 2, (int) (dh - dh / 2)}, {(int) dw / 2, (int) (dw - dw / 2)}}));
        return new Act(sd.nn().pad(x.var(), pads, 0.0), x.channels(), x.height() + dh, x.width() + dw);
    }

    private void record(String layer, Architecture.Kind kind, long in, long out, int kernel, int stride,
                        Act input, long outH, long outW) {
        if (branch > 0) return;
        layers.add(new Architecture.Layer(layer, kind, layerIndex, in, out, kernel, stride,
                input.height(), input.width(), outH, outW));
        layerIndex++;
    }

    private SDVariable weight(String layer, long[] shape, long fanIn) {
        String name = layer + ".weight";
        if (branch > 0) return sd.getVariable(name);
        int n = 1;
        for (long d : shape) n *= (int) d;
        float[] values = new float[n];
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < n; i++) values[i] = (float) (std * Gaussian.next(random));
        params.add(new ParamInfo(name, shape.clone(), ParamKind.WEIGHT, layer, layerIndex));
        return sd.var(name, Nd4j.create(values, shape, 'c'));
    }

    private SDVariable bias(String layer, int size) {
        String name = layer + ".bias";
        if (branch > 0) return sd.getVariable(name);
        params.add(new ParamInfo(name, new long[]{size}, ParamKind.BIAS, layer, layerIndex));
        return sd.var(name, Nd4j.zeros(DataType.FLOAT, size));
    }
}
