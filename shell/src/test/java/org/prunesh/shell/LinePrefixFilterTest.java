package org.prunesh.shell;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LinePrefixFilterTest {

    private static final String NOISY = "before\n"
            + "Added differentiated op fc1/matmul\n"
            + "Added differentiated op softmax\n"
            + "Added weights\n"
            + "x Added differentiated op stays: not at a line start\n"
            + "\n"
            + "Add\n"
            + "größe 62.4% ✓\n"
            + "\r[tiny] epoch 1/1  step 3/8";
    private static final String CLEAN = "before\n"
            + "Added weights\n"
            + "x Added differentiated op stays: not at a line start\n"
            + "\n"
            + "Add\n"
            + "größe 62.4% ✓\n"
            + "\r[tiny] epoch 1/1  step 3/8";

    @Test
    void dropsDifferentiatedOpLinesAndPassesTheRestByteExact() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        LinePrefixFilter filter = new LinePrefixFilter(sink, LinePrefixFilter.DIFFERENTIATED_OP);
        byte[] bytes = NOISY.getBytes(StandardCharsets.UTF_8);
        filter.write(bytes, 0, bytes.length);
        filter.flush();
        assertArrayEquals(CLEAN.getBytes(StandardCharsets.UTF_8), sink.toByteArray());
    }

    @Test
    void givesTheSameBytesWhereverTheInputIsSplitAcrossWrites() throws IOException {
        byte[] bytes = NOISY.getBytes(StandardCharsets.UTF_8);
        byte[] expected = CLEAN.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            LinePrefixFilter filter = new LinePrefixFilter(sink, LinePrefixFilter.DIFFERENTIATED_OP);
            filter.write(bytes, 0, cut);
            filter.write(bytes, cut, bytes.length - cut);
            assertArrayEquals(expected, sink.toByteArray(), "split at byte " + cut);
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        LinePrefixFilter filter = new LinePrefixFilter(sink, LinePrefixFilter.DIFFERENTIATED_OP);
        for (byte b : bytes) {
            filter.write(b);
        }
        assertArrayEquals(expected, sink.toByteArray(), "one byte per write");
    }

    @Test
    void aPartialLineThatCannotMatchPassesAtOnce() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        LinePrefixFilter filter = new LinePrefixFilter(sink, LinePrefixFilter.DIFFERENTIATED_OP);
        filter.write("\r[tiny] step 1/8".getBytes(StandardCharsets.UTF_8));
        assertEquals("\r[tiny] step 1/8", sink.toString(StandardCharsets.UTF_8));
        filter.write("prune> ".getBytes(StandardCharsets.UTF_8));
        assertEquals("\r[tiny] step 1/8prune> ", sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aHeldBackStartIsReleasedOnceItDivergesOrTheStreamCloses() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        LinePrefixFilter filter = new LinePrefixFilter(sink, LinePrefixFilter.DIFFERENTIATED_OP);
        filter.write("Added".getBytes(StandardCharsets.UTF_8));
        filter.flush();
        assertEquals("", sink.toString(StandardCharsets.UTF_8));
        filter.write(" 3 layers\nAdd".getBytes(StandardCharsets.UTF_8));
        assertEquals("Added 3 layers\n", sink.toString(StandardCharsets.UTF_8));
        filter.close();
        assertEquals("Added 3 layers\nAdd", sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void thePrintStreamDropsSameDiffsPrintlnAndKeepsOthers() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = LinePrefixFilter.dropDifferentiatedOps(sink, StandardCharsets.UTF_8);
        out.println("Added differentiated op matmul_bp");
        out.println("loss 0.4312");
        out.print("Added differentiated op ");
        out.println("add_bp");
        out.print("no newline yet");
        out.flush();
        assertEquals("loss 0.4312" + System.lineSeparator() + "no newline yet", sink.toString(StandardCharsets.UTF_8));
    }
}
