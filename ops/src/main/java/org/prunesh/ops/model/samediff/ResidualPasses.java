package org.prunesh.ops.model.samediff;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.ByteBuffer;

/**
 * The passes of {@link ResidualAddRelu} and {@link ReluGradient}: one Vector API pass each, split
 * across ND4J's thread count, where the arrays are dense floats and the vector module is present;
 * otherwise the native ops they replace (add then relu; sign then multiply), which compute the same.
 */
final class ResidualPasses {

    private static volatile boolean vector = BatchNormKernels.VECTOR;
    /**
     * Elements per unit of work split across threads ({@link ChannelParallel}; each element is
     * computed alone, so the split does not change results): a whole number of vectors, and large
     * enough that handing a range to another thread pays (a [128, 8, 32, 32] tensor is 16 units).
     */
    static final int CHUNK = 1 << 16;

    private ResidualPasses() {
    }

    /** y = max(a + b, 0). */
    static void addRelu(INDArray a, INDArray b, INDArray y) {
        if (vectorable(a, b, y)) {
            ByteBuffer ab = ArrayLayout.bytes(a), bb = ArrayLayout.bytes(b), yb = ArrayLayout.bytes(y);
            int n = (int) y.length();
            ChannelParallel.run(chunks(n), (from, to) -> VectorResidual.addRelu(ab, bb, yb, from * CHUNK, end(to, n)));
            return;
        }
        Nd4j.exec(new AddOp(a, b, y));
        Nd4j.exec(DynamicCustomOp.builder("relu").addInputs(y).addOutputs(y).addFloatingPointArguments(0.0).build());
    }

    /** dx = g · sign(y), y a ReLU's output. */
    static void reluGradient(INDArray y, INDArray g, INDArray dx) {
        if (vectorable(y, g, dx)) {
            ByteBuffer yb = ArrayLayout.bytes(y), gb = ArrayLayout.bytes(g), db = ArrayLayout.bytes(dx);
            int n = (int) dx.length();
            ChannelParallel.run(chunks(n), (from, to) -> VectorResidual.reluGradient(yb, gb, db, from * CHUNK, end(to, n)));
            return;
        }
        Nd4j.exec(new Sign(y, dx));
        dx.muli(g);
    }

    private static int chunks(int n) {
        return (n + CHUNK - 1) / CHUNK;
    }

    private static int end(int toChunk, int n) {
        return (int) Math.min(n, (long) toChunk * CHUNK);
    }

    /** Chooses the vector passes (when present) or the native ops, for comparisons in one process. */
    static void useVector(boolean on) {
        vector = on && BatchNormKernels.VECTOR;
    }

    private static boolean vectorable(INDArray... arrays) {
        return vector && ArrayLayout.denseFloats(arrays);
    }
}
