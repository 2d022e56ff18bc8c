package org.prunesh.ops.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/** Generates {@link DataSpec.Synthetic} data; the same spec always gives the same arrays. */
final class SyntheticData {

    private SyntheticData() {
    }

    static Dataset generate(DataSpec.Synthetic spec) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        float[][] centres = new float[spec.classes()][spec.features()];
        for (float[] centre : centres) {
            for (int j = 0; j < centre.length; j++) centre[j] = (float) Gaussian.next(random);
        }
        Split train = sample(spec, centres, spec.samples(), random);
        Split test = sample(spec, centres, spec.testSamples(), random);
        return new Dataset("synthetic",
                Nd4j.create(train.x, new long[]{spec.samples(), spec.features()}, DataType.FLOAT),
                Labels.oneHot(train.labels, spec.classes()),
                Nd4j.create(test.x, new long[]{spec.testSamples(), spec.features()}, DataType.FLOAT),
                Labels.oneHot(test.labels, spec.classes()),
                spec.classes(), new long[]{spec.features()});
    }

    private record Split(float[] x, int[] labels) {
    }

    private static Split sample(DataSpec.Synthetic spec, float[][] centres, int n, SplittableRandom random) {
        int d = spec.features();
        float[] x = new float[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int label = random.nextInt(spec.classes());
            labels[i] = label;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (centres[label][j] + spec.noise() * Gaussian.next(random));
            }
        }
        return new Split(x, labels);
    }
}
