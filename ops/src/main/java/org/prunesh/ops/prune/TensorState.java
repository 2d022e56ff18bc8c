package org.prunesh.ops.prune;

/**
 * One prunable tensor as selection sees it: flattened in C order, so that index i means the
 * same element in weights, gradients and mask.
 *
 * @param gradients raw loss gradient of the mini-batch used for selection; null when no score needs it
 * @param mask      true where the weight is active (kept)
 */
public record TensorState(String name, long[] shape, float[] weights, float[] gradients, boolean[] mask) {

    public int size() {
        return weights.length;
    }

    public int activeCount() {
        int n = 0;
        for (boolean m : mask) {
            n += m ? 1 : 0; // no branch: after unstructured pruning a mask is a coin toss per weight
        }
        return n;
    }
}
