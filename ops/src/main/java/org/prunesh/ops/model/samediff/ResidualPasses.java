package org.prunesh.ops.model.samediff;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The passes of {@link ResidualAddRelu} and {@link ReluGradient}: one Vector API pass each where
 * the arrays are dense floats and the vector module is present, otherwise the native ops they
 * replace (add then relu; sign then multiply), which compute the same.
 */
final class ResidualPasses {

    private static volatile boolean vector = BatchNormKernels.VECTOR;

    private ResidualPasses() {
    }

    /** y = max(a + b, 0). */
    static void addRelu(INDArray a, INDArray b, INDArray y) {
        if (vectorable(a, b, y)) {
            VectorResidual.addRelu(ArrayLayout.bytes(a), ArrayLayout.bytes(b), ArrayLayout.bytes(y), (int) y.length());
            return;
        }
        Nd4j.exec(new AddOp(a, b, y));
        Nd4j.exec(DynamicCustomOp.builder("relu").addInputs(y).addOutputs(y).addFloatingPointArguments(0.0).build());
    }

    /** dx = g · sign(y), y a ReLU's output. */
    static void reluGradient(INDArray y, INDArray g, INDArray dx) {
        if (vectorable(y, g, dx)) {
            VectorResidual.reluGradient(ArrayLayout.bytes(y), ArrayLayout.bytes(g), ArrayLayout.bytes(dx), (int) dx.length());
            return;
        }
        Nd4j.exec(new Sign(y, dx));
        dx.muli(g);
    }

    /** Chooses the vector passes (when present) or the native ops, for comparisons in one process. */
    static void useVector(boolean on) {
        vector = on && BatchNormKernels.VECTOR;
    }

    private static boolean vectorable(INDArray... arrays) {
        if (!vector) return false;
        for (INDArray a : arrays) {
            if (a.dataType() != DataType.FLOAT || !ArrayLayout.dense(a) || a.length() != arrays[0].length()
                    || a.length() > Integer.MAX_VALUE / Float.BYTES) {
                return false;
            }
        }
        return true;
    }
}
