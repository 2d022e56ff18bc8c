package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.BatchNorm;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The native {@code batchnorm} op (y = gamma (x - mean) / sqrt(var + eps) + beta) with a
 * gradient that works. M2.1's {@link BatchNorm} loses its flags and axis when SameDiff copies it
 * into the gradient function (they are not restored from the op's integer arguments) and its
 * derivative op declares three outputs where the kernel writes five.
 *
 * <p>The gradient is the full one for batch statistics: mean and variance are taken to be the
 * input's own (the caller feeds them through a {@link GradientBarrier}, so SameDiff does not
 * also differentiate the statistics), and their own gradients are zero. With x̂ = (x - mean)·s,
 * s = 1/sqrt(var + eps) and n elements per channel:
 * <pre>
 *   dbeta  = Σ g        dgamma = Σ g·x̂ = s·(Σ g·x - mean·Σ g)
 *   dx     = gamma·s · (g - (dgamma/n · x̂ + dbeta/n))
 * </pre>
 * computed with five full-size ops: two channel reductions (Σ g, and Σ g·x as one dot product that
 * never writes g·x out), the forward op itself as the per-channel map in brackets, a subtraction
 * and a per-channel multiply (docs/performance-log.md has the measurements; the native
 * {@code batchnorm_bp} kernel is several times slower). Ops without gamma and beta, or of unknown
 * rank (stock batch-norm ops that SameDiff copies as this class, see {@link OpReplacements}), use
 * the native kernel.
 */
public final class TrainableBatchNorm extends BatchNorm {

    static {
        OpReplacements.register("batchnorm", TrainableBatchNorm.class);
        OpReplacements.register("batchnorm_bp", BatchNormBackprop.class);
    }

    private static final int[] NCHW_REDUCTION = {0, 2, 3};
    private static final String RANK = "inputRank";
    private static final String COUNT = "inverseCount";

    private boolean scale;
    private boolean shift;
    private double eps;
    private int[] axes;
    /** Rank of x when known (0 otherwise); SameDiff's copies of the graph do not keep static shapes. */
    private int inputRank;
    /** Name of a scalar 1/(elements per channel) in the graph, or null: then the gradient computes it. */
    private String inverseCount;

    /** For SameDiff's copies; the fields are restored from the op arguments. */
    public TrainableBatchNorm() {
    }

    /** Batch norm over axis 1 of an NCHW input of rank {@code inputRank}. */
    public TrainableBatchNorm(SameDiff sd, SDVariable x, SDVariable mean, SDVariable variance,
                              SDVariable gamma, SDVariable beta, double eps, int inputRank) {
        super(sd, x, mean, variance, gamma, beta, eps, new int[]{1});
        this.scale = gamma != null;
        this.shift = beta != null;
        this.eps = eps;
        this.axes = new int[]{1};
        this.inputRank = inputRank;
    }

    /**
     * As above, with {@code inverseCount} = 1/(elements per channel of x), computed once in the
     * graph for all layers of one spatial size instead of four shape ops per layer in the gradient.
     */
    public TrainableBatchNorm(SameDiff sd, SDVariable x, SDVariable mean, SDVariable variance,
                              SDVariable gamma, SDVariable beta, double eps, int inputRank, SDVariable inverseCount) {
        this(sd, x, mean, variance, gamma, beta, eps, inputRank);
        this.inverseCount = inverseCount.name();
    }

    /** Integer arguments are [applyGamma, applyBeta, axes...]; the one float argument is epsilon. */
    @Override
    public void configureFromArguments() {
        long[] ints = iArgs();
        scale = ints[0] != 0;
        shift = ints[1] != 0;
        axes = new int[ints.length - 2];
        for (int i = 2; i < ints.length; i++) axes[i - 2] = (int) ints[i];
        eps = tArgs()[0];
    }

    /** Carries the input rank through SameDiff's copies; the op arguments carry the rest. */
    @Override
    public Map<String, Object> propertiesForFunction() {
        Map<String, Object> out = new LinkedHashMap<>(super.propertiesForFunction());
        out.put(RANK, inputRank);
        if (inverseCount != null) out.put(COUNT, inverseCount);
        return out;
    }

    @Override
    public void setPropertiesForFunction(Map<String, Object> properties) {
        Object rank = properties.get(RANK);
        inputRank = rank instanceof Number n ? n.intValue() : 0;
        Object count = properties.get(COUNT);
        inverseCount = count instanceof String name && !name.isEmpty() ? name : null;
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        SDVariable[] in = args();
        if (!scale || !shift || !Arrays.equals(axes, new int[]{1}) || inputRank != 4) {
            SDVariable[] bpInputs = Arrays.copyOf(in, in.length + 1);
            bpInputs[in.length] = gradient.get(0);
            return Arrays.asList(new BatchNormBackprop(sameDiff, bpInputs, scale, shift, eps, axes).outputVariables());
        }
        SDVariable x = in[0], mean = in[1], var = in[2], gamma = in[3], g = gradient.get(0);
        SDVariable perElement = inverseCount != null && sameDiff.hasVariable(inverseCount)
                ? sameDiff.getVariable(inverseCount)
                : sameDiff.size(x).div(sameDiff.size(gamma)).castTo(DataType.FLOAT).rdiv(1.0);
        // over h·w per (sample, channel), then over samples: two threads instead of one (2x faster)
        SDVariable sumG = g.sum(2, 3).sum(0);
        SDVariable s = sameDiff.math().rsqrt(var.add(eps));
        // Σ g·(x - mean), with Σ g·x as one reduction over both tensors that never writes g·x out
        SDVariable sumGxc = sameDiff.dot(g, x, NCHW_REDUCTION).sub(mean.mul(sumG));
        SDVariable centred = affine(x, mean, var, sumGxc.mul(s).mul(perElement), sumG.mul(perElement), eps);
        SDVariable scale = gamma.mul(s);
        SDVariable dx = g.sub(centred).mul(scale.reshape(1, -1, 1, 1));
        // In training SameDiff turns a parameter's gradient array into the optimizer's update, and
        // updates the parameter, in place as soon as the gradient is computed. So the parameter
        // gradients are ops of their own that nothing else reads, and gamma's is computed only
        // after gamma has been read for dx.
        SDVariable dGamma = sumGxc.mul(s);
        dGamma.addControlDependency(scale);
        SDVariable dBeta = sumG.mul(1.0);
        return List.of(dx, sameDiff.zerosLike(mean), sameDiff.zerosLike(var), dGamma, dBeta);
    }

    /** The forward op as a per-channel map: gamma (x - mean) / sqrt(var + eps) [+ beta]. */
    private SDVariable affine(SDVariable x, SDVariable mean, SDVariable var, SDVariable gamma, SDVariable beta,
                              double epsilon) {
        return new TrainableBatchNorm(sameDiff, x, mean, var, gamma, beta, epsilon, inputRank).outputVariable();
    }
}
