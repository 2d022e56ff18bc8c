package org.prunesh.ops.train;

import org.prunesh.ops.model.Network;

import java.util.List;

/** Finds a weight that is not a finite number, for the divergence check after a pruning step. */
final class NonFinite {

    private NonFinite() {
    }

    /**
     * The first non-finite element of the named tensors, in words ("weight 3 of 'fc1/w' is NaN"),
     * or null when all are finite. One reduction per tensor; the elements are read only when its
     * sum is not finite (a NaN or an infinity makes it so).
     */
    static String firstIn(Network net, List<String> names) {
        for (String name : names) {
            if (Double.isFinite(net.array(name).sumNumber().doubleValue())) continue;
            float[] values = MaskState.flat(net.array(name));
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    return "weight " + i + " of '" + name + "' is " + Divergence.describe(values[i]);
                }
            }
        }
        return null;
    }
}
