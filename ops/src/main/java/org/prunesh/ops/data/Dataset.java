package org.prunesh.ops.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A classification data set held in memory. Features are stored flattened, [n, c*h*w] (or
 * [n, d] for flat data); {@code sampleShape} says how a model should view one sample.
 * Labels are one-hot, [n, classes].
 */
public record Dataset(String name, INDArray trainX, INDArray trainY, INDArray testX, INDArray testY,
                      int numClasses, long[] sampleShape, double[] channelMean, double[] channelStd,
                      INDArray heldOutX, INDArray heldOutY) {

    /** Data that was not standardised (synthetic): statistics are empty. */
    public Dataset(String name, INDArray trainX, INDArray trainY, INDArray testX, INDArray testY,
                   int numClasses, long[] sampleShape) {
        this(name, trainX, trainY, testX, testY, numClasses, sampleShape, new double[0], new double[0]);
    }

    /** No held-out samples. */
    public Dataset(String name, INDArray trainX, INDArray trainY, INDArray testX, INDArray testY,
                   int numClasses, long[] sampleShape, double[] channelMean, double[] channelStd) {
        this(name, trainX, trainY, testX, testY, numClasses, sampleShape, channelMean, channelStd, null, null);
    }

    /**
     * The last {@code n} training samples moved to the held-out set. Normalisation statistics stay
     * those computed over the loaded training data.
     */
    public Dataset holdOut(long n) {
        long total = trainSize();
        if (n < 1 || n >= total) {
            throw new IllegalArgumentException("cannot hold out " + n + " of " + total + " training samples");
        }
        org.nd4j.linalg.indexing.INDArrayIndex keep = org.nd4j.linalg.indexing.NDArrayIndex.interval(0, total - n);
        org.nd4j.linalg.indexing.INDArrayIndex rest = org.nd4j.linalg.indexing.NDArrayIndex.interval(total - n, total);
        org.nd4j.linalg.indexing.INDArrayIndex all = org.nd4j.linalg.indexing.NDArrayIndex.all();
        return new Dataset(name, trainX.get(keep, all).dup(), trainY.get(keep, all).dup(), testX, testY, numClasses,
                sampleShape, channelMean, channelStd, trainX.get(rest, all).dup(), trainY.get(rest, all).dup());
    }

    public long heldOutSize() {
        return heldOutX == null ? 0 : heldOutX.size(0);
    }

    /**
     * Per channel, the standardised value of a black (0) pixel: what PyTorch's padding before
     * Normalize becomes, used to pad random crops. 0 when the data was not standardised.
     */
    public float[] blackPixel() {
        int channels = isImage() ? (int) sampleShape[0] : 0;
        float[] out = new float[channels];
        for (int c = 0; c < channels && c < channelMean.length; c++) {
            out[c] = (float) (-channelMean[c] / channelStd[c]);
        }
        return out;
    }

    public long trainSize() {
        return trainX.size(0);
    }

    public long testSize() {
        return testX.size(0);
    }

    public long featureCount() {
        return trainX.size(1);
    }

    /** True for image data ([channels, height, width]); false for flat feature vectors. */
    public boolean isImage() {
        return sampleShape.length == 3;
    }
}
