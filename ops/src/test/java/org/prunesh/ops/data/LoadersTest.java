package org.prunesh.ops.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoadersTest {

    @Test
    void readsRawAndGzipIdx(@TempDir Path dir) throws IOException {
        byte[] pixels = {0, 1, 2, (byte) 255, 4, 5, 6, 7};
        Files.write(dir.resolve("raw"), idx(new int[]{2, 2, 2}, pixels));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("gz")))) {
            out.write(idx(new int[]{2, 2, 2}, pixels));
        }
        for (String f : new String[]{"raw", "gz"}) {
            IdxReader.IdxArray a = IdxReader.read(dir.resolve(f));
            assertArrayEquals(new int[]{2, 2, 2}, a.dims());
            assertArrayEquals(pixels, a.data());
            assertEquals(4, a.itemSize());
        }
    }

    @Test
    void loadsAnIdxDatasetWithLimitsAndTrainOnlyStatistics(@TempDir Path dir) throws IOException {
        // three 1x2 training images, two test images; values chosen so mean and std are exact
        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(new int[]{3, 1, 2}, new byte[]{0, 0, 0, 0, (byte) 255, (byte) 255}));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(new int[]{3}, new byte[]{0, 1, 9}));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), idx(new int[]{2, 1, 2}, new byte[]{(byte) 255, 0, 0, 0}));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(new int[]{2}, new byte[]{3, 4}));
        Dataset d = new DataSpec.Idx("mnist", dir, 3, 2, 0).load();
        assertEquals(2, d.trainSize());
        assertEquals(2, d.testSize());
        assertArrayEquals(new long[]{1, 1, 2}, d.sampleShape());
        // the first two training images are all zero: mean 0, std clamped tiny, so values stay 0
        assertArrayEquals(new float[]{0, 0, 0, 0}, d.trainX().dup().data().asFloat(), 0f);
        assertArrayEquals(new float[]{0, 1, 0, 0, 0, 0, 0, 0, 0, 0}, d.trainY().getRow(1).toFloatVector(), 0f);
        assertEquals(1f, d.testY().getFloat(1, 4), 0f);
    }

    @Test
    void givenStatisticsNormaliseAsPyTorchNormalizeDoes(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(new int[]{1, 1, 2}, new byte[]{0, (byte) 255}));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(new int[]{1}, new byte[]{0}));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), idx(new int[]{1, 1, 2}, new byte[]{(byte) 255, 0}));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(new int[]{1}, new byte[]{1}));
        Dataset d = new DataSpec.Idx("mnist", dir, 1, 0, 0, java.util.List.of(0.5), java.util.List.of(0.25)).load();
        // (x - 0.5) / 0.25 for x in {0, 1}
        assertArrayEquals(new float[]{-2, 2}, d.trainX().dup().data().asFloat(), 0f);
        assertArrayEquals(new float[]{2, -2}, d.testX().dup().data().asFloat(), 0f);
        assertArrayEquals(new float[]{-2}, d.blackPixel(), 0f);   // a black pixel, 0, normalised
        assertThrows(IllegalArgumentException.class, () ->
                new DataSpec.Idx("mnist", dir, 1, 0, 0, java.util.List.of(0.5, 0.5), java.util.List.of(0.2, 0.2)).load());
    }

    @Test
    void readsCifar10BinaryBatches(@TempDir Path dir) throws IOException {
        for (int b = 1; b <= 5; b++) Files.write(dir.resolve("data_batch_" + b + ".bin"), cifarRecords(2, b));
        Files.write(dir.resolve("test_batch.bin"), cifarRecords(1, 7));
        Dataset d = new DataSpec.Cifar10(dir, 0, 0).load();
        assertEquals(10, d.trainSize());
        assertEquals(1, d.testSize());
        assertArrayEquals(new long[]{3, 32, 32}, d.sampleShape());
        assertEquals(1f, d.trainY().getFloat(0, 1), 0f);   // batch 1, record 0: label (1 + 0) % 10
        assertEquals(1f, d.trainY().getFloat(9, 6), 0f);   // batch 5, record 1: label (5 + 1) % 10
        assertEquals(1f, d.testY().getFloat(0, 7), 0f);
        // red plane is 10*label, green depends on label % 3: per-channel statistics differ, so do the values
        float[] row = d.trainX().getRow(9).toFloatVector();
        assertEquals(row[0], row[1023], 1e-6f);
        assertNotEquals(row[0], row[1024]);
    }

    @Test
    void cifarRejectsTruncatedFiles(@TempDir Path dir) throws IOException {
        for (int b = 1; b <= 5; b++) Files.write(dir.resolve("data_batch_" + b + ".bin"), new byte[100]);
        Files.write(dir.resolve("test_batch.bin"), cifarRecords(1, 0));
        IOException e = assertThrows(IOException.class, () -> new DataSpec.Cifar10(dir, 0, 0).load());
        assertEquals(true, e.getMessage().contains("not a multiple of the 3073-byte CIFAR-10 record"));
    }

    @Test
    void batchesAreAFunctionOfSeedAndEpoch() {
        Dataset d = new DataSpec.Synthetic(10, 2, 3, 2, 1.0, 1).load();
        ShuffledBatches a = new ShuffledBatches(d.trainX(), d.trainY(), 4, 9, true);
        ShuffledBatches b = new ShuffledBatches(d.trainX(), d.trainY(), 4, 9, true);
        a.startEpoch(2);
        b.startEpoch(0);
        b.next();
        b.startEpoch(2);
        DataSet x = a.next(), y = b.next();
        assertEquals(x.getFeatures(), y.getFeatures());
        assertEquals(3, a.batchesPerEpoch());
        a.next();
        assertEquals(2, a.next().numExamples());
    }

    @Test
    void syntheticDataIsDeterministic() {
        DataSpec.Synthetic spec = new DataSpec.Synthetic(50, 10, 4, 3, 0.5, 42);
        assertEquals(spec.load().trainX(), spec.load().trainX());
        assertArrayEquals(new long[]{4}, spec.sampleShape());
    }

    private static byte[] idx(int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x0800 | dims.length);
        for (int d : dims) out.writeInt(d);
        out.write(data);
        return bytes.toByteArray();
    }

    private static byte[] cifarRecords(int n, int batch) {
        byte[] out = new byte[n * Cifar10Reader.RECORD];
        for (int i = 0; i < n; i++) {
            int label = (batch + i) % 10;
            int base = i * Cifar10Reader.RECORD;
            out[base] = (byte) label;
            for (int j = 0; j < 1024; j++) {
                out[base + 1 + j] = (byte) (10 * label);
                out[base + 1 + 1024 + j] = (byte) (label % 3 == 0 ? 200 : 0);
                out[base + 1 + 2048 + j] = (byte) (5 * label);
            }
        }
        return out;
    }
}
