package org.prunesh.ops.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads CIFAR-10's binary version: each record is one label byte followed by 3072 pixel bytes
 * (1024 red, 1024 green, 1024 blue, row-major 32x32), which is already CHW order.
 */
public final class Cifar10Reader {

    public static final int RECORD = 1 + 3 * 32 * 32;
    private static final String[] TRAIN_FILES = {
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"};
    private static final String TEST_FILE = "test_batch.bin";

    private Cifar10Reader() {
    }

    static Dataset load(DataSpec.Cifar10 spec) throws IOException {
        byte[] train = concat(spec.dir(), TRAIN_FILES);
        byte[] test = concat(spec.dir(), new String[]{TEST_FILE});
        int nTrain = keep(train.length / RECORD, spec.limit());
        int nTest = keep(test.length / RECORD, spec.testLimit());
        int pixels = 32 * 32;
        float[] trainX = new float[nTrain * 3 * pixels];
        float[] testX = new float[nTest * 3 * pixels];
        int[] trainY = unpack(train, nTrain, trainX);
        int[] testY = unpack(test, nTest, testX);
        double[][] stats = Normalisation.standardise(trainX, testX, 3, pixels, spec.mean(), spec.std());
        return new Dataset("cifar10",
                Nd4j.create(trainX, new long[]{nTrain, 3 * pixels}, DataType.FLOAT),
                Labels.oneHot(trainY, 10),
                Nd4j.create(testX, new long[]{nTest, 3 * pixels}, DataType.FLOAT),
                Labels.oneHot(testY, 10),
                10, new long[]{3, 32, 32}, stats[0], stats[1]);
    }

    private static int keep(int available, int limit) {
        return limit > 0 ? Math.min(limit, available) : available;
    }

    private static int[] unpack(byte[] records, int n, float[] out) {
        int[] labels = new int[n];
        int size = RECORD - 1;
        for (int i = 0; i < n; i++) {
            int base = i * RECORD;
            labels[i] = records[base] & 0xff;
            for (int j = 0; j < size; j++) out[i * size + j] = (records[base + 1 + j] & 0xff) / 255f;
        }
        return labels;
    }

    private static byte[] concat(Path dir, String[] names) throws IOException {
        byte[][] parts = new byte[names.length][];
        int total = 0;
        for (int i = 0; i < names.length; i++) {
            Path p = dir.resolve(names[i]);
            if (!Files.isRegularFile(p)) {
                throw new NoSuchFileException(p.toString(), null,
                        "CIFAR-10 binary batch not found; expected " + String.join(", ", names) + " in " + dir);
            }
            parts[i] = Files.readAllBytes(p);
            if (parts[i].length % RECORD != 0) {
                throw new IOException(p + ": size " + parts[i].length + " is not a multiple of the "
                        + RECORD + "-byte CIFAR-10 record");
            }
            total += parts[i].length;
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
