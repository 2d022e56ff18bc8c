package org.prunesh.ops.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads NumPy {@code .npy} files of format version 1.0 or 2.0 holding float32, bool, int32 or
 * int64 in C order. Fortran-ordered and big-endian files are rejected with a message that says
 * how to re-save them. Malformed input raises {@link IOException}.
 */
public final class NpyReader {

    private static final int CHUNK = 1 << 16;

    private NpyReader() {
    }

    public static NpyArray read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
            return read(in);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads one array from {@code in}, leaving the stream open just after its data. */
    public static NpyArray read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[NpyWriter.MAGIC.length];
        readFully(data, magic, "magic string");
        if (!Arrays.equals(magic, NpyWriter.MAGIC)) {
            throw new IOException("not a .npy file: it does not start with \\x93NUMPY");
        }
        int major = data.readUnsignedByte();
        int minor = data.readUnsignedByte();
        long headerLength;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(Short.reverseBytes(data.readShort()));
        } else if (major == 2) {
            headerLength = Integer.toUnsignedLong(Integer.reverseBytes(data.readInt()));
        } else {
            throw new IOException("unsupported .npy format version " + major + "." + minor + "; this reader takes 1.0 and 2.0");
        }
        if (headerLength > Integer.MAX_VALUE - 8) throw new IOException("npy header length " + headerLength + " is not plausible");
        byte[] headerBytes = new byte[(int) headerLength];
        readFully(data, headerBytes, "header");
        NpyHeader header;
        NpyDtype dtype;
        int n;
        try {
            header = NpyHeader.parse(new String(headerBytes, StandardCharsets.ISO_8859_1));
            dtype = NpyDtype.fromDescr(header.descr());
            n = NpyArray.elements(header.shape());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (header.fortranOrder() && header.shape().length > 1) {
            throw new IOException("Fortran-ordered arrays are not supported; save a C-ordered copy,"
                    + " e.g. numpy.save(f, numpy.ascontiguousarray(a))");
        }
        long[] shape = header.shape();
        return switch (dtype) {
            case FLOAT32 -> {
                float[] out = new float[n];
                ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i += CHUNK / 4) {
                    int m = Math.min(CHUNK / 4, n - i);
                    readFully(data, buf.array(), m * 4, n, dtype);
                    buf.asFloatBuffer().get(out, i, m);
                }
                yield new NpyArray.Float32(shape, out);
            }
            case INT32 -> {
                int[] out = new int[n];
                ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i += CHUNK / 4) {
                    int m = Math.min(CHUNK / 4, n - i);
                    readFully(data, buf.array(), m * 4, n, dtype);
                    buf.asIntBuffer().get(out, i, m);
                }
                yield new NpyArray.Int32(shape, out);
            }
            case INT64 -> {
                long[] out = new long[n];
                ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i += CHUNK / 8) {
                    int m = Math.min(CHUNK / 8, n - i);
                    readFully(data, buf.array(), m * 8, n, dtype);
                    buf.asLongBuffer().get(out, i, m);
                }
                yield new NpyArray.Int64(shape, out);
            }
            case BOOL -> {
                boolean[] out = new boolean[n];
                byte[] bytes = new byte[CHUNK];
                for (int i = 0; i < n; i += CHUNK) {
                    int m = Math.min(CHUNK, n - i);
                    readFully(data, bytes, m, n, dtype);
                    for (int j = 0; j < m; j++) out[i + j] = bytes[j] != 0;
                }
                yield new NpyArray.Bool(shape, out);
            }
        };
    }

    private static void readFully(DataInputStream in, byte[] b, String what) throws IOException {
        try {
            in.readFully(b);
        } catch (EOFException e) {
            throw new IOException("truncated .npy file: it ends inside the " + what, e);
        }
    }

    private static void readFully(DataInputStream in, byte[] b, int length, int elements, NpyDtype dtype) throws IOException {
        try {
            in.readFully(b, 0, length);
        } catch (EOFException e) {
            throw new IOException("truncated .npy file: the header announces " + elements + " elements of "
                    + dtype.descr() + " (" + (long) elements * dtype.itemSize() + " bytes) but the data ends early", e);
        }
    }
}
