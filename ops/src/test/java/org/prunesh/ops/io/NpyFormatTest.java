package org.prunesh.ops.io;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Expected bytes below were produced by numpy 2.4.6's {@code numpy.save}. */
class NpyFormatTest {

    /** A version 1.0 file: magic, 1 0, header length 118 (0x76), the dict, spaces, newline, data. */
    private static byte[] numpyFile(String dict, int spaces, String dataHex) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0x76, 0});
        b.writeBytes(dict.getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes(" ".repeat(spaces).getBytes(StandardCharsets.ISO_8859_1));
        b.write('\n');
        b.writeBytes(HexFormat.of().parseHex(dataHex));
        return b.toByteArray();
    }

    private static byte[] write(NpyArray a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.write(out, a);
        return out.toByteArray();
    }

    private static NpyArray read(byte[] bytes) throws IOException {
        return NpyReader.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void headerOfA2x3FloatArrayIsNumpysByteForByte() {
        byte[] expected = numpyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", 58, "");
        byte[] preamble = NpyWriter.preamble(NpyDtype.FLOAT32, new long[]{2, 3});
        assertArrayEquals(expected, preamble);
        assertEquals(128, preamble.length);
    }

    @Test
    void wholeFilesMatchNumpy() throws IOException {
        assertArrayEquals(numpyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", 58,
                        "0000803f0000004000004040000080400000a0400000c040"),
                write(new NpyArray.Float32(new long[]{2, 3}, new float[]{1, 2, 3, 4, 5, 6})));
        assertArrayEquals(numpyFile("{'descr': '|b1', 'fortran_order': False, 'shape': (5,), }", 60, "0100010100"),
                write(new NpyArray.Bool(new long[]{5}, new boolean[]{true, false, true, true, false})));
        assertArrayEquals(numpyFile("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }", 60,
                        "feffffff0000000007000000"),
                write(new NpyArray.Int32(new long[]{3}, new int[]{-2, 0, 7})));
        assertArrayEquals(numpyFile("{'descr': '<i8', 'fortran_order': False, 'shape': (), }", 62, "0500000000000000"),
                write(new NpyArray.Int64(new long[0], new long[]{5})));
    }

    @Test
    void everyDtypeRoundTrips() throws IOException {
        NpyArray.Float32 f = assertInstanceOf(NpyArray.Float32.class,
                read(write(new NpyArray.Float32(new long[]{2, 2}, new float[]{-0.5f, Float.NaN, 1e-30f, -0f}))));
        assertArrayEquals(new long[]{2, 2}, f.shape());
        assertArrayEquals(new float[]{-0.5f, Float.NaN, 1e-30f, -0f}, f.data());

        NpyArray.Bool b = assertInstanceOf(NpyArray.Bool.class,
                read(write(new NpyArray.Bool(new long[]{1, 3}, new boolean[]{false, true, true}))));
        assertArrayEquals(new long[]{1, 3}, b.shape());
        assertArrayEquals(new boolean[]{false, true, true}, b.data());

        NpyArray.Int32 i = assertInstanceOf(NpyArray.Int32.class,
                read(write(new NpyArray.Int32(new long[]{3}, new int[]{Integer.MIN_VALUE, 0, Integer.MAX_VALUE}))));
        assertArrayEquals(new int[]{Integer.MIN_VALUE, 0, Integer.MAX_VALUE}, i.data());

        NpyArray.Int64 l = assertInstanceOf(NpyArray.Int64.class,
                read(write(new NpyArray.Int64(new long[]{2, 0}, new long[0]))));
        assertArrayEquals(new long[]{2, 0}, l.shape());
        assertEquals(0, l.data().length);
    }

    @Test
    void largeArraysCrossChunkBoundaries() throws IOException {
        float[] data = new float[100_003];
        for (int k = 0; k < data.length; k++) data[k] = k * 0.5f - 7;
        NpyArray.Float32 back = (NpyArray.Float32) read(write(new NpyArray.Float32(new long[]{data.length}, data)));
        assertArrayEquals(data, back.data());
        boolean[] mask = new boolean[70_001];
        for (int k = 0; k < mask.length; k++) mask[k] = k % 3 == 0;
        assertArrayEquals(mask, ((NpyArray.Bool) read(write(new NpyArray.Bool(new long[]{mask.length}, mask)))).data());
    }

    @Test
    void readsVersion2HeadersAndOtherSpellings() throws IOException {
        // Version 2.0: 4-byte header length; double quotes, keys in another order, a Python 2 'L'.
        String dict = "{\"shape\": (2L, 1), \"fortran_order\": False, \"descr\": \"<i4\"}";
        int length = 128 - 12;
        ByteBuffer b = ByteBuffer.allocate(12 + length + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(length);
        b.put(dict.getBytes(StandardCharsets.ISO_8859_1));
        while (b.position() < 12 + length - 1) b.put((byte) ' ');
        b.put((byte) '\n').putInt(3).putInt(-4);
        NpyArray.Int32 a = (NpyArray.Int32) read(b.array());
        assertArrayEquals(new long[]{2, 1}, a.shape());
        assertArrayEquals(new int[]{3, -4}, a.data());
    }

    @Test
    void writesVersion2WhenTheHeaderOutgrowsVersion1() throws IOException {
        long[] shape = new long[22_000];
        Arrays.fill(shape, 1);
        byte[] bytes = write(new NpyArray.Float32(shape, new float[]{2.5f}));
        assertEquals(2, bytes[6]);
        int headerLength = ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertEquals(0, (12 + headerLength) % 64);
        NpyArray.Float32 back = (NpyArray.Float32) read(bytes);
        assertEquals(22_000, back.shape().length);
        assertArrayEquals(new float[]{2.5f}, back.data());
    }

    private static String readError(String dict, String dataHex) {
        int spaces = 128 - 11 - dict.length();
        return assertThrows(IOException.class, () -> read(numpyFile(dict, spaces, dataHex))).getMessage();
    }

    @Test
    void rejectsWhatItCannotReadWithClearMessages() {
        assertEquals("Fortran-ordered arrays are not supported; save a C-ordered copy,"
                        + " e.g. numpy.save(f, numpy.ascontiguousarray(a))",
                readError("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 1), }", "0000803f00000040"));
        assertEquals("big-endian data ('>f4') is not supported; save it little-endian,"
                        + " e.g. numpy.save(f, a.astype(a.dtype.newbyteorder('<')))",
                readError("{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", "3f800000"));
        assertEquals("unsupported dtype '<f8'; supported: float32 '<f4', bool '|b1', int32 '<i4', int64 '<i8'",
                readError("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", "000000000000f03f"));
        assertEquals("truncated .npy file: the header announces 3 elements of <f4 (12 bytes) but the data ends early",
                readError("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", "0000803f"));
        assertEquals("malformed npy header at character 35: expected True or False in"
                        + " {'descr': '<f4', 'fortran_order': 0, 'shape': (1,), }",
                readError("{'descr': '<f4', 'fortran_order': 0, 'shape': (1,), }", "0000803f"));
        assertEquals("not a .npy file: it does not start with \\x93NUMPY",
                assertThrows(IOException.class, () -> read("PK\3\4 not numpy".getBytes(StandardCharsets.ISO_8859_1)))
                        .getMessage());
    }

    @Test
    void fortranOrderIsHarmlessForOneDimension() throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }";
        NpyArray.Float32 a = (NpyArray.Float32) read(numpyFile(dict, 128 - 11 - dict.length(), "0000803f00000040"));
        assertArrayEquals(new float[]{1f, 2f}, a.data());
    }
}
