package org.prunesh.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * An output stream that drops every line starting with a fixed prefix and passes all other bytes
 * through unchanged. SameDiff prints "Added differentiated op ..." straight to System.out while it
 * builds a gradient graph; this keeps those lines off the terminal.
 *
 * <p>Only the start of a line is held back, and only while it still matches the prefix, so partial
 * lines that cannot match (an in-place progress line, a prompt) pass through at once.
 */
public final class LinePrefixFilter extends OutputStream {

    /** What SameDiff prints for each op of a gradient graph. */
    public static final String DIFFERENTIATED_OP = "Added differentiated op";

    private final OutputStream out;
    private final byte[] prefix;
    /** Bytes of the current line matched against the prefix so far; -1 once the line passes. */
    private int matched;
    private boolean dropping;

    public LinePrefixFilter(OutputStream out, String prefix) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("prefix must not be empty");
        }
        this.out = out;
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A line-flushing PrintStream over {@code out} that drops SameDiff's differentiated-op lines;
     * {@code charset} should be the one {@code out} was encoding with, so text reads the same.
     */
    public static PrintStream dropDifferentiatedOps(OutputStream out, Charset charset) {
        return new PrintStream(new LinePrefixFilter(out, DIFFERENTIATED_OP), true, charset);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (dropping) {
            if (b == '\n') {
                dropping = false;
                matched = 0;
            }
            return;
        }
        if (matched < 0) {
            out.write(b);
            if (b == '\n') {
                matched = 0;
            }
            return;
        }
        if ((byte) b == prefix[matched]) {
            matched++;
            if (matched == prefix.length) {
                dropping = true;
            }
            return;
        }
        // The held-back start of the line turned out not to be the prefix: release it.
        out.write(prefix, 0, matched);
        out.write(b);
        matched = b == '\n' ? 0 : -1;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (matched < 0 && !dropping) {
                // Fast path: copy the rest of a passing line in one call.
                int newline = indexOf(bytes, (byte) '\n', i, end);
                int stop = newline < 0 ? end : newline + 1;
                out.write(bytes, i, stop - i);
                if (newline >= 0) {
                    matched = 0;
                }
                i = stop;
            } else {
                write(bytes[i]);
                i++;
            }
        }
    }

    /** Flushes what has passed; a held-back possible prefix stays held until the line decides. */
    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    /** Releases a held-back partial prefix (the stream ends, so that line was not SameDiff's). */
    @Override
    public synchronized void close() throws IOException {
        if (!dropping && matched > 0) {
            out.write(prefix, 0, matched);
            matched = 0;
        }
        out.close();
    }

    private static int indexOf(byte[] bytes, byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
