package org.prunesh.ops.data;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Which data set to use, as a script names it. Sizes are known without loading, so that the
 * optimizer-step clock (and every schedule point) can be checked before anything is read.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DataSpec.Synthetic.class, name = "synthetic"),
        @JsonSubTypes.Type(value = DataSpec.Idx.class, name = "idx"),
        @JsonSubTypes.Type(value = DataSpec.Cifar10.class, name = "cifar10"),
        @JsonSubTypes.Type(value = DataSpec.HeldOut.class, name = "held-out")})
public sealed interface DataSpec {

    /** Number of training samples that {@link #load()} will return. */
    long trainSize();

    /** One sample's shape: [features] or [channels, height, width]. */
    long[] sampleShape();

    Dataset load() throws IOException;

    /**
     * Seeded Gaussian clusters: each class has a centre drawn from N(0, 1) per feature, and each
     * sample is its class centre plus {@code noise}·N(0, 1).
     */
    record Synthetic(int samples, int testSamples, int features, int classes, double noise, long seed)
            implements DataSpec {
        public static final Synthetic DEFAULT = new Synthetic(4000, 1000, 32, 4, 1.0, 7);

        @Override
        public long trainSize() {
            return samples;
        }

        @Override
        public long[] sampleShape() {
            return new long[]{features};
        }

        @Override
        public Dataset load() {
            return SyntheticData.generate(this);
        }
    }

    /**
     * An MNIST-format data set: {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
     * {@code t10k-*} in {@code dir}, raw or .gz. {@code limit}/{@code testLimit} keep the first
     * N samples (0 keeps all). {@code mean}/{@code std}: per-channel statistics (of pixels in
     * [0, 1]) to normalise with, or null to compute them from the training split.
     */
    record Idx(String name, Path dir, int fullTrainSize, int limit, int testLimit, List<Double> mean,
               List<Double> std) implements DataSpec {
        public static final int MNIST_TRAIN = 60_000;

        /** Normalised with statistics of the training split. */
        public Idx(String name, Path dir, int fullTrainSize, int limit, int testLimit) {
            this(name, dir, fullTrainSize, limit, testLimit, null, null);
        }

        @Override
        public long trainSize() {
            return limit > 0 ? Math.min(limit, fullTrainSize) : fullTrainSize;
        }

        @Override
        public long[] sampleShape() {
            return new long[]{1, 28, 28};
        }

        @Override
        public Dataset load() throws IOException {
            return IdxDatasets.load(this);
        }
    }

    /** CIFAR-10 binary batches ({@code data_batch_1..5.bin}, {@code test_batch.bin}) in {@code dir}. */
    record Cifar10(Path dir, int limit, int testLimit, List<Double> mean, List<Double> std) implements DataSpec {
        public static final int TRAIN = 50_000;

        /** Normalised with statistics of the training split. */
        public Cifar10(Path dir, int limit, int testLimit) {
            this(dir, limit, testLimit, null, null);
        }

        @Override
        public long trainSize() {
            return limit > 0 ? Math.min(limit, TRAIN) : TRAIN;
        }

        @Override
        public long[] sampleShape() {
            return new long[]{3, 32, 32};
        }

        @Override
        public Dataset load() throws IOException {
            return Cifar10Reader.load(this);
        }
    }

    /**
     * {@code base} with its last {@code samples} training samples set aside: never trained on,
     * they score candidate subnets in a search (test data must not choose the architecture).
     */
    record HeldOut(DataSpec base, int samples) implements DataSpec {
        public HeldOut {
            if (samples < 1) throw new IllegalArgumentException("held-out samples must be >= 1, not " + samples);
        }

        @Override
        public long trainSize() {
            return base.trainSize() - samples;
        }

        @Override
        public long[] sampleShape() {
            return base.sampleShape();
        }

        @Override
        public Dataset load() throws IOException {
            return base.load().holdOut(samples);
        }
    }
}
