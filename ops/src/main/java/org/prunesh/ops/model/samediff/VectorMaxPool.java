package org.prunesh.ops.model.samediff;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * 2x2 max pooling with stride 2 (output H/2 x W/2, rounded down) over a tensor in oneDNN's blocked
 * layout {@code nChw16c} or {@code nChw8c} ({@link BlockedBatchNorm} has the addressing), 8 lanes
 * of a block at a time. The window is read in row order and a later element wins only when
 * greater, as oneDNN's pooling (which libnd4j's {@code maxpool2d} calls) decides: ties go to the
 * first, and the gradient goes where the maximum was taken. The backward recomputes that choice
 * from x instead of keeping a workspace, and writes every element of dx once (0 where nothing
 * went), so neither pass needs a zeroed output.
 */
final class VectorMaxPool {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int LANES = 8;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private VectorMaxPool() {
    }

    /** A tensor's geometry: planes are (sample, block) pairs of H·W pixels of B floats. */
    record Shape(int planes, int h, int w, int block) {
        static Shape of(long[] nchw) {
            int block = ActivationLayout.block(nchw[1]);
            return new Shape((int) (nchw[0] * nchw[1] / block), (int) nchw[2], (int) nchw[3], block);
        }

        int oh() {
            return h / 2;
        }

        int ow() {
            return w / 2;
        }

        /** Bytes from one input pixel to the next in a row, and from one row to the next. */
        int pixel() {
            return block * Float.BYTES;
        }

        int row() {
            return w * pixel();
        }
    }

    /** y = the maximum of each window; planes [from, to). */
    static void forward(ByteBuffer x, ByteBuffer y, Shape s, int from, int to) {
        int px = s.pixel(), row = s.row();
        for (int p = from; p < to; p++) {
            int in = p * s.h() * row, out = p * s.oh() * s.ow() * px;
            for (int oh = 0; oh < s.oh(); oh++) {
                for (int ow = 0; ow < s.ow(); ow++) {
                    int at = in + 2 * oh * row + 2 * ow * px;
                    for (int q = 0; q < px; q += LANES * Float.BYTES, out += LANES * Float.BYTES) {
                        FloatVector m = load(x, at + q);
                        m = later(m, load(x, at + px + q));
                        m = later(m, load(x, at + row + q));
                        m = later(m, load(x, at + row + px + q));
                        m.intoByteBuffer(y, out, ORDER);
                    }
                }
            }
        }
    }

    /** dx: g at each window's maximum of x, 0 elsewhere; planes [from, to). */
    static void backward(ByteBuffer x, ByteBuffer g, ByteBuffer dx, Shape s, int from, int to) {
        int px = s.pixel(), row = s.row();
        FloatVector zero = FloatVector.zero(S);
        for (int p = from; p < to; p++) {
            int in = p * s.h() * row, out = p * s.oh() * s.ow() * px;
            for (int oh = 0; oh < s.oh(); oh++) {
                for (int ow = 0; ow < s.ow(); ow++) {
                    int at = in + 2 * oh * row + 2 * ow * px;
                    for (int q = 0; q < px; q += LANES * Float.BYTES, out += LANES * Float.BYTES) {
                        FloatVector v00 = load(x, at + q), v01 = load(x, at + px + q);
                        FloatVector v10 = load(x, at + row + q), v11 = load(x, at + row + px + q);
                        VectorMask<Float> t01 = v01.compare(VectorOperators.GT, v00);
                        FloatVector m = v00.blend(v01, t01);
                        VectorMask<Float> t10 = v10.compare(VectorOperators.GT, m);
                        m = m.blend(v10, t10);
                        VectorMask<Float> t11 = v11.compare(VectorOperators.GT, m);
                        // the last element that took the maximum over is where it was taken
                        VectorMask<Float> w11 = t11, w10 = t10.andNot(t11), w01 = t01.andNot(t10).andNot(t11);
                        VectorMask<Float> w00 = t01.or(t10).or(t11).not();
                        FloatVector gv = load(g, out);
                        zero.blend(gv, w00).intoByteBuffer(dx, at + q, ORDER);
                        zero.blend(gv, w01).intoByteBuffer(dx, at + px + q, ORDER);
                        zero.blend(gv, w10).intoByteBuffer(dx, at + row + q, ORDER);
                        zero.blend(gv, w11).intoByteBuffer(dx, at + row + px + q, ORDER);
                    }
                }
                // an odd width's last column is in no window
                if (s.w() % 2 != 0) {
                    zeros(dx, in + 2 * oh * row + (s.w() - 1) * px, px);
                    zeros(dx, in + (2 * oh + 1) * row + (s.w() - 1) * px, px);
                }
            }
            // and an odd height's last row
            if (s.h() % 2 != 0) zeros(dx, in + (s.h() - 1) * row, row);
        }
    }

    /** {@code m}, or {@code v} in the lanes where it is greater. */
    private static FloatVector later(FloatVector m, FloatVector v) {
        return m.blend(v, v.compare(VectorOperators.GT, m));
    }

    private static FloatVector load(ByteBuffer b, int at) {
        return FloatVector.fromByteBuffer(S, b, at, ORDER);
    }

    private static void zeros(ByteBuffer b, int at, int bytes) {
        for (int i = 0; i < bytes; i += Float.BYTES) b.putFloat(at + i, 0f);
    }
}
