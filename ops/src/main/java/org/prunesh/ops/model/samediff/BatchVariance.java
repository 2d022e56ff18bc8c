package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.DynamicCustomOp;

import java.util.List;

/**
 * Biased variance over the given axes, native {@code reduce_variance}. SameDiff's own variance op
 * loses its bias-correction flag when the graph is copied for training (M2.1 restores it as
 * "corrected"); here the flag is an op argument, which copies keep. Never differentiated: the
 * caller puts it behind a {@link GradientBarrier}.
 */
public final class BatchVariance extends DynamicCustomOp {

    static {
        OpReplacements.register("reduce_variance", BatchVariance.class);
    }

    /** For SameDiff's copies; the arguments are restored from the serialised op. */
    public BatchVariance() {
    }

    public BatchVariance(SameDiff sd, SDVariable x, int... axes) {
        super(null, sd, new SDVariable[]{x});
        addBArgument(false, false);   // keepDims, biasCorrected
        addIArgument(axes);
    }

    @Override
    public String opName() {
        return "reduce_variance";
    }

    @Override
    public List<DataType> calculateOutputDataTypes(List<DataType> inputTypes) {
        return List.of(inputTypes.get(0));
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        throw new UnsupportedOperationException("batch variance is used behind a gradient barrier only");
    }
}
