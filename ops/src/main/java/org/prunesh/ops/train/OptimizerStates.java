package org.prunesh.ops.train;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

import java.util.Map;

/**
 * Reads and clears a SameDiff graph's optimizer state per parameter, so that pruned and regrown
 * weights do not carry stale momentum (GraNet multiplies the momentum buffer by the mask, RigL
 * zeroes the optimizer slots of new connections).
 *
 * <p>Where M2.1 keeps it: {@link SameDiff#getUpdaterMap()}, one {@link GradientUpdater} per
 * trainable variable, created lazily by the first {@code fit} (SameDiff#initializeTraining) and null
 * before that. Each updater's {@link GradientUpdater#getState()} returns live views of its state:
 * SGD momentum's {@code momentum} buffer, Adam's {@code M} and {@code V} (halves of one view array,
 * reshaped to the parameter's shape), plain SGD nothing. {@code fit} passes that same map to its
 * training session, so writing into these views changes what the next step uses. Before the first
 * fit there is nothing to clear: state is created zero-filled then.
 */
public final class OptimizerStates {

    private OptimizerStates() {
    }

    /**
     * The live optimizer state of {@code param}, keyed by the updater's state names; empty before
     * the first fit and for stateless updaters.
     */
    public static Map<String, INDArray> stateOf(SameDiff sd, String param) {
        SDVariable v = trainable(sd, param);
        Map<String, ?> updaters = sd.getUpdaterMap(); // raw GradientUpdater values in M2.1
        if (updaters == null) return Map.of();
        GradientUpdater<?> u = (GradientUpdater<?>) updaters.get(v.name());
        if (u == null) return Map.of();
        Map<String, INDArray> state = u.getState();
        return state == null ? Map.of() : state;
    }

    /**
     * Sets every optimizer state array of {@code param} to zero where {@code keep[i]} is false
     * (flat C-order index of the parameter) and leaves it untouched elsewhere. Returns how many state
     * arrays were cleared: 0 before the first fit or for a stateless updater.
     */
    public static int clear(SameDiff sd, String param, boolean[] keep) {
        SDVariable v = trainable(sd, param);
        long size = v.getArr().length();
        if (keep.length != size) {
            throw new IllegalArgumentException("keep mask for " + param + " has " + keep.length
                    + " elements, the parameter has " + size);
        }
        Map<String, INDArray> state = stateOf(sd, param);
        for (Map.Entry<String, INDArray> e : state.entrySet()) {
            INDArray s = e.getValue();
            if (s.length() != size) {
                throw new IllegalStateException("optimizer state '" + e.getKey() + "' of " + param + " has "
                        + s.length() + " elements, not one per weight (" + size
                        + "); this updater's state cannot be cleared per weight");
            }
            zeroWhereDropped(s, keep);
        }
        return state.size();
    }

    /**
     * Through a C-order copy so that the logical element i matches the parameter's flat index i
     * whatever the state array's order; writing 0 (not multiplying by 0) also avoids -0.0 and NaN.
     */
    private static void zeroWhereDropped(INDArray s, boolean[] keep) {
        INDArray replacement;
        if (s.dataType() == DataType.DOUBLE) {
            double[] values = s.dup('c').reshape(s.length()).toDoubleVector();
            for (int i = 0; i < values.length; i++) if (!keep[i]) values[i] = 0;
            replacement = Nd4j.createFromArray(values);
        } else {
            float[] values = s.dup('c').reshape(s.length()).toFloatVector();
            for (int i = 0; i < values.length; i++) if (!keep[i]) values[i] = 0;
            replacement = Nd4j.createFromArray(values).castTo(s.dataType());
        }
        s.assign(replacement.reshape('c', s.shape()));
    }

    private static SDVariable trainable(SameDiff sd, String param) {
        if (!sd.hasVariable(param)) {
            throw new IllegalArgumentException("the graph has no variable named " + param);
        }
        SDVariable v = sd.getVariable(param);
        if (v.getVariableType() != VariableType.VARIABLE) {
            throw new IllegalArgumentException(param + " is a " + v.getVariableType()
                    + ", not a trainable variable, so it has no optimizer state");
        }
        return v;
    }
}
