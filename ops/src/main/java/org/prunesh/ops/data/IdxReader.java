package org.prunesh.ops.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads unsigned-byte IDX files (the MNIST family's format), raw or gzip-compressed. */
public final class IdxReader {

    /** An IDX tensor of unsigned bytes: its dimensions and values in C order. */
    public record IdxArray(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }

        /** Elements per item (product of all dimensions but the first). */
        public int itemSize() {
            int n = 1;
            for (int i = 1; i < dims.length; i++) n *= dims[i];
            return n;
        }
    }

    private IdxReader() {
    }

    public static IdxArray read(Path file) throws IOException {
        try (InputStream in = open(file)) {
            DataInputStream data = new DataInputStream(in);
            int magic = data.readInt();
            if ((magic >>> 16) != 0) {
                throw new IOException(file + ": not an IDX file (bad magic number)");
            }
            int type = (magic >>> 8) & 0xff;
            if (type != 0x08) {
                throw new IOException(file + ": IDX element type 0x" + Integer.toHexString(type)
                        + " is not supported; expected unsigned bytes (0x08)");
            }
            int rank = magic & 0xff;
            int[] dims = new int[rank];
            long total = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = data.readInt();
                total *= dims[i];
            }
            if (total > Integer.MAX_VALUE) throw new IOException(file + ": IDX file too large");
            byte[] values = new byte[(int) total];
            data.readFully(values);
            return new IdxArray(dims, values);
        }
    }

    /** Opens a file, transparently decompressing gzip (recognised by its magic bytes, not its name). */
    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        }
        return raw;
    }
}
