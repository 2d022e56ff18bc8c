package org.prunesh.ops.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads MNIST-format data sets (MNIST, Fashion-MNIST) from a directory of IDX files. */
final class IdxDatasets {

    private static final int CLASSES = 10;

    private IdxDatasets() {
    }

    static Dataset load(DataSpec.Idx spec) throws IOException {
        IdxReader.IdxArray trainImages = IdxReader.read(find(spec.dir(), "train-images-idx3-ubyte"));
        IdxReader.IdxArray trainLabels = IdxReader.read(find(spec.dir(), "train-labels-idx1-ubyte"));
        IdxReader.IdxArray testImages = IdxReader.read(find(spec.dir(), "t10k-images-idx3-ubyte"));
        IdxReader.IdxArray testLabels = IdxReader.read(find(spec.dir(), "t10k-labels-idx1-ubyte"));
        check(trainImages, trainLabels, spec.dir());
        check(testImages, testLabels, spec.dir());

        int pixels = trainImages.itemSize();
        int nTrain = keep(trainImages.count(), spec.limit());
        int nTest = keep(testImages.count(), spec.testLimit());
        float[] train = Normalisation.unsignedBytesToUnit(trainImages.data(), 0, nTrain * pixels);
        float[] test = Normalisation.unsignedBytesToUnit(testImages.data(), 0, nTest * pixels);
        double[][] stats = Normalisation.standardise(train, test, 1, pixels, spec.mean(), spec.std());
        long[] shape = {1, trainImages.dims()[1], trainImages.dims()[2]};
        return new Dataset(spec.name(),
                Nd4j.create(train, new long[]{nTrain, pixels}, DataType.FLOAT),
                Labels.oneHot(labels(trainLabels, nTrain), CLASSES),
                Nd4j.create(test, new long[]{nTest, pixels}, DataType.FLOAT),
                Labels.oneHot(labels(testLabels, nTest), CLASSES),
                CLASSES, shape, stats[0], stats[1]);
    }

    private static int keep(int available, int limit) {
        return limit > 0 ? Math.min(limit, available) : available;
    }

    private static int[] labels(IdxReader.IdxArray idx, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = idx.data()[i] & 0xff;
        return out;
    }

    private static void check(IdxReader.IdxArray images, IdxReader.IdxArray labels, Path dir) throws IOException {
        if (images.dims().length != 3 || labels.dims().length != 1 || images.count() != labels.count()) {
            throw new IOException(dir + ": images and labels do not match (expected [n, h, w] images and n labels)");
        }
    }

    /** Accepts the raw name, the .gz name, and the dotted variant some mirrors use (idx3.ubyte). */
    static Path find(Path dir, String base) throws IOException {
        String dotted = base.replace("-idx", ".idx").replace("-ubyte", ".ubyte");
        for (String name : new String[]{base, base + ".gz", dotted, dotted + ".gz"}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        throw new NoSuchFileException(dir.resolve(base) + "[.gz]",
                null, "data file not found; expected " + base + " or " + base + ".gz in " + dir);
    }
}
