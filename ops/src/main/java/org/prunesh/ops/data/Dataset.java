package org.prunesh.ops.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A classification data set held in memory. Features are stored flattened, [n, c*h*w] (or
 * [n, d] for flat data); {@code sampleShape} says how a model should view one sample.
 * Labels are one-hot, [n, classes].
 */
public record Dataset(String name, INDArray trainX, INDArray trainY, INDArray testX, INDArray testY,
                      int numClasses, long[] sampleShape, double[] channelMean, double[] channelStd) {

    /** Data that was not standardised (synthetic): statistics are empty. */
    public Dataset(String name, INDArray trainX, INDArray trainY, INDArray testX, INDArray testY,
                   int numClasses, long[] sampleShape) {
        this(name, trainX, trainY, testX, testY, numClasses, sampleShape, new double[0], new double[0]);
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
