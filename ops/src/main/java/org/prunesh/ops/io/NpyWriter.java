package org.prunesh.ops.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes NumPy {@code .npy} files byte for byte as {@code numpy.save} does: magic
 * {@code \x93NUMPY}, version 1.0 (2.0 only if the header exceeds 65535 bytes), the header length
 * little-endian, the header dict padded with spaces and a newline so that the data starts at a
 * multiple of 64 bytes, then the elements in C order, little-endian.
 */
public final class NpyWriter {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    static final int ALIGN = 64;
    private static final int CHUNK = 1 << 16;

    private NpyWriter() {
    }

    public static void write(Path file, NpyArray array) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), CHUNK)) {
            write(out, array);
        }
    }

    /** Writes to {@code out} without closing it. */
    public static void write(OutputStream out, NpyArray array) throws IOException {
        out.write(preamble(array.dtype(), array.shape()));
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        int n = array.length();
        if (array instanceof NpyArray.Float32 a) {
            for (int i = 0; i < n; i += CHUNK / 4) {
                int m = Math.min(CHUNK / 4, n - i);
                buf.asFloatBuffer().put(a.data(), i, m);
                out.write(buf.array(), 0, m * 4);
            }
        } else if (array instanceof NpyArray.Int32 a) {
            for (int i = 0; i < n; i += CHUNK / 4) {
                int m = Math.min(CHUNK / 4, n - i);
                buf.asIntBuffer().put(a.data(), i, m);
                out.write(buf.array(), 0, m * 4);
            }
        } else if (array instanceof NpyArray.Int64 a) {
            for (int i = 0; i < n; i += CHUNK / 8) {
                int m = Math.min(CHUNK / 8, n - i);
                buf.asLongBuffer().put(a.data(), i, m);
                out.write(buf.array(), 0, m * 8);
            }
        } else {
            boolean[] data = ((NpyArray.Bool) array).data();
            byte[] bytes = buf.array();
            for (int i = 0; i < n; i += CHUNK) {
                int m = Math.min(CHUNK, n - i);
                for (int j = 0; j < m; j++) bytes[j] = data[i + j] ? (byte) 1 : 0;
                out.write(bytes, 0, m);
            }
        }
    }

    /** Magic, version, header length and the padded header: everything before the data. */
    public static byte[] preamble(NpyDtype dtype, long[] shape) {
        byte[] dict = new NpyHeader(dtype.descr(), false, shape).format().getBytes(StandardCharsets.ISO_8859_1);
        int lengthBytes = 2;
        int major = 1;
        if (padded(dict.length, 6 + 2 + 2) > 0xffff) {
            lengthBytes = 4;
            major = 2;
        }
        int fixed = MAGIC.length + 2 + lengthBytes;
        int headerLength = padded(dict.length, fixed);
        ByteBuffer b = ByteBuffer.allocate(fixed + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) major).put((byte) 0);
        if (lengthBytes == 2) {
            b.putShort((short) headerLength);
        } else {
            b.putInt(headerLength);
        }
        b.put(dict);
        while (b.position() < b.capacity() - 1) b.put((byte) ' ');
        b.put((byte) '\n');
        return b.array();
    }

    /**
     * Header length after padding the dict and a newline so that fixed + header is a multiple of
     * ALIGN. Like NumPy, an already aligned header still gets a full ALIGN of spaces.
     */
    private static int padded(int dictLength, int fixed) {
        int unpadded = fixed + dictLength + 1;
        return dictLength + 1 + ALIGN - unpadded % ALIGN;
    }
}
