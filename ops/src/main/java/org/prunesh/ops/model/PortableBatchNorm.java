package org.prunesh.ops.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Batch norm of the portable graph ({@link GraphKind#PORTABLE}) from stock SameDiff ops, which every
 * ND4J backend runs and SameDiff differentiates itself. M2.1's own batch-norm op cannot be trained
 * (docs/samediff-m2.1.md) and its variance op loses the bias-correction flag in the gradient graph,
 * so the statistics are means: var = mean((x - mean)²) over (n, h, w), the biased variance.
 * Correct, not fast: about 14 ops forward.
 */
final class PortableBatchNorm {

    private PortableBatchNorm() {
    }

    /**
     * y = gamma (x - mean) / sqrt(var + eps) + beta with [mean; var] = mode · [batch mean; batch var;
     * running mean; running var] ({@link BatchNormState#MODE}); the batch statistics are named
     * {@code meanName} and {@code varName}.
     */
    static SDVariable build(SameDiff sd, SDVariable x, long channels, SDVariable gamma, SDVariable beta,
                            SDVariable runningMean, SDVariable runningVar, SDVariable mode, double eps,
                            String meanName, String varName) {
        int c = (int) channels;
        SDVariable batchMean = sd.updateVariableNameAndReference(x.mean(0, 2, 3), meanName);
        SDVariable centred = x.sub(batchMean.reshape(1, c, 1, 1));
        SDVariable batchVar = sd.updateVariableNameAndReference(centred.mul(centred).mean(0, 2, 3), varName);
        SDVariable all = sd.concat(0, batchMean.reshape(1, c), batchVar.reshape(1, c),
                runningMean.reshape(1, c), runningVar.reshape(1, c));
        SDVariable stats = mode.mmul(all);
        SDVariable mean = sd.slice(stats, new int[]{0, 0}, 1, c).reshape(1, c, 1, 1);
        SDVariable var = sd.slice(stats, new int[]{1, 0}, 1, c).reshape(1, c, 1, 1);
        SDVariable normalised = x.sub(mean).mul(sd.math().rsqrt(var.add(eps)));
        return normalised.mul(gamma.reshape(1, c, 1, 1)).add(beta.reshape(1, c, 1, 1));
    }
}
