package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.DynamicCustomOp;

import java.util.ArrayList;
import java.util.List;

/**
 * Native {@code batchnorm_bp}: inputs x, mean, variance, [gamma], [beta], dL/dy; one gradient
 * output per forward input (x, mean, variance, [gamma], [beta]).
 */
public final class BatchNormBackprop extends DynamicCustomOp {

    /** For SameDiff's copies. */
    public BatchNormBackprop() {
    }

    BatchNormBackprop(SameDiff sd, SDVariable[] inputs, boolean scale, boolean shift, double eps, int[] axes) {
        super(null, sd, inputs);
        addIArgument(scale ? 1 : 0, shift ? 1 : 0);
        addIArgument(axes);
        addTArgument(eps);
    }

    @Override
    public String opName() {
        return "batchnorm_bp";
    }

    @Override
    public int getNumOutputs() {
        return args().length - 1;
    }

    @Override
    public List<DataType> calculateOutputDataTypes(List<DataType> inputTypes) {
        return new ArrayList<>(inputTypes.subList(0, inputTypes.size() - 1));
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        throw new UnsupportedOperationException("second derivatives of batch norm are not supported");
    }
}
