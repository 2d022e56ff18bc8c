package org.prunesh.ops.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Label helpers shared by the loaders. */
final class Labels {

    private Labels() {
    }

    static INDArray oneHot(int[] labels, int classes) {
        float[] data = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " outside [0, " + classes + ")");
            }
            data[i * classes + labels[i]] = 1f;
        }
        return Nd4j.create(data, new long[]{labels.length, classes}, DataType.FLOAT);
    }
}
