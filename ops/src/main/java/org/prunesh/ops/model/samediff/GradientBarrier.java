package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.DynamicCustomOp;

import java.util.List;

/**
 * Passes a float tensor through unchanged while hiding it from SameDiff's differentiation:
 * the value is bit-cast to INT32 and back. SameDiff only differentiates along floating-point
 * variables, so everything upstream of the barrier is left out of the gradient function. Use it
 * on small tensors (per-channel statistics): each cast is a copy.
 */
public final class GradientBarrier {

    private GradientBarrier() {
    }

    public static SDVariable of(SameDiff sd, String name, SDVariable x) {
        if (x.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("gradient barrier expects FLOAT, got " + x.dataType());
        }
        SDVariable bits = new BitCast(sd, x, DataType.INT32).outputVariable();
        SDVariable back = new BitCast(sd, bits, DataType.FLOAT).outputVariable();
        return name == null ? back : sd.updateVariableNameAndReference(back, name);
    }

    /**
     * Native {@code bitcast} with the target type as integer argument, which is how ND4J's own
     * BitCast class restores it when SameDiff copies the op.
     */
    private static final class BitCast extends DynamicCustomOp {
        BitCast(SameDiff sd, SDVariable x, DataType to) {
            super(null, sd, new SDVariable[]{x});
            addIArgument(to.toInt());
        }

        @Override
        public String opName() {
            return "bitcast";
        }

        @Override
        public List<DataType> calculateOutputDataTypes(List<DataType> inputTypes) {
            return List.of(DataType.fromInt(iArguments.get(0).intValue()));
        }
    }
}
