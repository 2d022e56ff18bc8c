package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;

import java.util.List;

/**
 * A one-pass kernel op with one output of input 0's type: element-wise ones take inputs of one shape
 * and output that shape; {@link BlockedMaxPool} overrides the shape.
 */
abstract class ElementwiseKernelOp extends KernelOp {

    ElementwiseKernelOp() {
    }

    ElementwiseKernelOp(SameDiff sd, SDVariable... inputs) {
        super(sd, inputs);
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public List<DataType> calculateOutputDataTypes(List<DataType> inputTypes) {
        return List.of(inputTypes.get(0));
    }

    /** Input 0's shape (none while it is unknown). */
    @Override
    public List<LongShapeDescriptor> calculateOutputShape(OpContext oc) {
        INDArray x = oc != null ? oc.getInputArray(0) : arg(0).getArr();
        if (x == null) return List.of();
        return List.of(LongShapeDescriptor.fromShape(x.shape(), x.dataType()));
    }
}
