package org.prunesh.ops.model.samediff;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@link ResidualPasses} with the Vector API. Per element the same float operations as libnd4j's
 * ops: relu is {@code s > 0 ? s : 0} and sign {@code (0 < y) - (y < 0)}, which is 1 or 0 for a
 * ReLU's output (and 0 for NaN), so its product with g is g·1 or g·0 (keeping the sign of zero).
 * Loaded only when the vector module is present.
 */
final class VectorResidual {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private VectorResidual() {
    }

    /** Elements [from, to). */
    static void addRelu(ByteBuffer a, ByteBuffer b, ByteBuffer y, int from, int to) {
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (; i + S.length() <= to; i += S.length()) {
            int at = i * Float.BYTES;
            FloatVector s = FloatVector.fromByteBuffer(S, a, at, ORDER).add(FloatVector.fromByteBuffer(S, b, at, ORDER));
            zero.blend(s, s.compare(VectorOperators.GT, 0f)).intoByteBuffer(y, at, ORDER);
        }
        for (; i < to; i++) {
            int at = i * Float.BYTES;
            float s = a.getFloat(at) + b.getFloat(at);
            y.putFloat(at, s > 0 ? s : 0f);
        }
    }

    /** Elements [from, to). */
    static void reluGradient(ByteBuffer y, ByteBuffer g, ByteBuffer dx, int from, int to) {
        FloatVector zero = FloatVector.zero(S);
        FloatVector one = FloatVector.broadcast(S, 1f);
        int i = from;
        for (; i + S.length() <= to; i += S.length()) {
            int at = i * Float.BYTES;
            FloatVector sign = zero.blend(one, FloatVector.fromByteBuffer(S, y, at, ORDER).compare(VectorOperators.GT, 0f));
            FloatVector.fromByteBuffer(S, g, at, ORDER).mul(sign).intoByteBuffer(dx, at, ORDER);
        }
        for (; i < to; i++) {
            int at = i * Float.BYTES;
            dx.putFloat(at, g.getFloat(at) * (y.getFloat(at) > 0 ? 1f : 0f));
        }
    }
}
