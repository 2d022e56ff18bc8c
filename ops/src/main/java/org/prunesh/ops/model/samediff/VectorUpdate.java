package org.prunesh.ops.model.samediff;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The optimizer's and the masks' element-wise passes with the Vector API, each one pass over whole
 * float buffers. Every element gets the same float operations, in the same order, as the native
 * calls they replace (multiply, then add; no fused multiply-add), so results are equal to them bit
 * for bit; the masks' conversions to and from selection's booleans give exactly 1f/0f and Java's
 * {@code != 0f}. Loaded only when the vector module is present ({@link UpdatePasses}).
 */
final class VectorUpdate {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    /**
     * Masks pass through int lanes, one byte per lane as booleans: JDK 17 compiles the byte-int
     * conversions to vector instructions but runs byte-float ones in its slow Java fallback.
     */
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(S.length() * 8));
    private static final IntVector ZERO = IntVector.zero(I);
    private static final int ONE_BITS = Float.floatToIntBits(1f);

    private VectorUpdate() {
    }

    /** buf = buf·mu + g, then g = buf·lr (heavy ball) or g = (g + buf·mu)·lr (Nesterov). */
    static void momentum(ByteBuffer g, ByteBuffer buf, int n, float mu, float lr, boolean nesterov) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += S.length()) {
            int at = i * Float.BYTES;
            FloatVector gv = FloatVector.fromByteBuffer(S, g, at, ORDER);
            FloatVector b = FloatVector.fromByteBuffer(S, buf, at, ORDER).mul(mu).add(gv);
            b.intoByteBuffer(buf, at, ORDER);
            (nesterov ? gv.add(b.mul(mu)) : b).mul(lr).intoByteBuffer(g, at, ORDER);
        }
        for (; i < n; i++) {
            int at = i * Float.BYTES;
            float gi = g.getFloat(at);
            float b = buf.getFloat(at) * mu + gi;
            buf.putFloat(at, b);
            g.putFloat(at, (nesterov ? gi + b * mu : b) * lr);
        }
    }

    /*
     * subtract and multiply are written out rather than sharing one loop with the operator as a
     * parameter: C2 compiles Vector API calls to vector instructions only when the operator is a
     * constant where the loop is compiled; a shared loop compiled on its own would run the Vector
     * API's much slower Java fallback.
     */

    /** y = y - x. */
    static void subtract(ByteBuffer y, ByteBuffer x, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += S.length()) {
            int at = i * Float.BYTES;
            FloatVector.fromByteBuffer(S, y, at, ORDER).sub(FloatVector.fromByteBuffer(S, x, at, ORDER))
                    .intoByteBuffer(y, at, ORDER);
        }
        for (; i < n; i++) {
            int at = i * Float.BYTES;
            y.putFloat(at, y.getFloat(at) - x.getFloat(at));
        }
    }

    /** y = y·m. */
    static void multiply(ByteBuffer y, ByteBuffer m, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += S.length()) {
            int at = i * Float.BYTES;
            FloatVector.fromByteBuffer(S, y, at, ORDER).mul(FloatVector.fromByteBuffer(S, m, at, ORDER))
                    .intoByteBuffer(y, at, ORDER);
        }
        for (; i < n; i++) {
            int at = i * Float.BYTES;
            y.putFloat(at, y.getFloat(at) * m.getFloat(at));
        }
    }

    /** m = 1 where {@code keep}, else 0. */
    static void fromMask(boolean[] keep, ByteBuffer m, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += S.length()) {
            // 0/1 to 0/-1 to the bits of 0f/1f
            ((IntVector) ByteVector.fromBooleanArray(B, keep, i).convertShape(VectorOperators.B2I, I, 0)).neg()
                    .and(ONE_BITS).intoByteBuffer(m, i * Float.BYTES, ORDER);
        }
        for (; i < n; i++) m.putFloat(i * Float.BYTES, keep[i] ? 1f : 0f);
    }

    /** active = m != 0 (NaN counts as active, -0.0 as not, as Java's {@code !=} has it). */
    static void toMask(ByteBuffer m, boolean[] active, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += S.length()) {
            // != 0f on the bits: any but +-0 (a NaN too)
            IntVector bits = IntVector.fromByteBuffer(I, m, i * Float.BYTES, ORDER).and(0x7fffffff);
            ((ByteVector) ZERO.blend(1, bits.compare(VectorOperators.NE, 0)).convertShape(VectorOperators.I2B, B, 0))
                    .intoBooleanArray(active, i);
        }
        for (; i < n; i++) active[i] = m.getFloat(i * Float.BYTES) != 0f;
    }
}
