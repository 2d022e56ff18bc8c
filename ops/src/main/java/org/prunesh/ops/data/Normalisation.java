package org.prunesh.ops.data;

import java.util.List;

/**
 * Per-channel standardisation with statistics computed on the training split only, applied to
 * both splits, so test data never leaks into preprocessing.
 */
final class Normalisation {

    private Normalisation() {
    }

    /**
     * Scales unsigned bytes to [0, 1] and standardises each channel of {@code train} and
     * {@code test} in place-ready float arrays laid out [n, channels, pixels].
     *
     * @return {mean, std} per channel, for provenance
     */
    /** The same with given statistics (PyTorch's Normalize(mean, std)), or computed ones when null. */
    static double[][] standardise(float[] train, float[] test, int channels, int pixels, List<Double> givenMean,
                                  List<Double> givenStd) {
        if (givenMean != null || givenStd != null) {
            if (givenMean == null || givenStd == null || givenMean.size() != channels || givenStd.size() != channels) {
                throw new IllegalArgumentException("normalisation needs a mean and a std for each of the " + channels
                        + " channels, got " + givenMean + " and " + givenStd);
            }
            double[] m = givenMean.stream().mapToDouble(Double::doubleValue).toArray();
            double[] sd = givenStd.stream().mapToDouble(Double::doubleValue).toArray();
            apply(train, m, sd, channels, pixels);
            apply(test, m, sd, channels, pixels);
            return new double[][]{m, sd};
        }
        double[] mean = new double[channels];
        double[] std = new double[channels];
        long n = train.length / ((long) channels * pixels);
        for (int c = 0; c < channels; c++) {
            double sum = 0, sumSq = 0;
            for (long i = 0; i < n; i++) {
                int base = (int) ((i * channels + c) * pixels);
                for (int p = 0; p < pixels; p++) {
                    double v = train[base + p];
                    sum += v;
                    sumSq += v * v;
                }
            }
            double count = (double) n * pixels;
            mean[c] = sum / count;
            std[c] = Math.sqrt(Math.max(sumSq / count - mean[c] * mean[c], 1e-12));
        }
        apply(train, mean, std, channels, pixels);
        apply(test, mean, std, channels, pixels);
        return new double[][]{mean, std};
    }

    private static void apply(float[] data, double[] mean, double[] std, int channels, int pixels) {
        for (int i = 0; i < data.length; i++) {
            int c = (i / pixels) % channels;
            data[i] = (float) ((data[i] - mean[c]) / std[c]);
        }
    }

    static float[] unsignedBytesToUnit(byte[] bytes, int offset, int length) {
        float[] out = new float[length];
        for (int i = 0; i < length; i++) out[i] = (bytes[offset + i] & 0xff) / 255f;
        return out;
    }
}
