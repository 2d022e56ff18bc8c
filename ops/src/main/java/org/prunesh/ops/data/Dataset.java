package org.prunesh.ops.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A classification data set held in memory. Features are stored flattened, [n, c*h*w] (or
 * [n, d] for flat data); {@code sampleShape} says how a model should view one sample.
 * Labels are one-hot, [n, classes].
 */
public record Dataset(String name, INDArray trainX, INDArray trainY, INDArray testX, INDArray testY,
                      int numClasses, long[] sampleShape) {

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
