package org.prunesh.ops.train;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.model.samediff.ArrayLayout;
import org.prunesh.ops.model.samediff.UpdatePasses;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.prune.TensorState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 0/1 masks of the prunable tensors, kept as arrays of the weights' shape so that applying
 * them after an update is one in-place multiply per tensor.
 */
public final class MaskState {

    /**
     * Whether arrays' host memory is theirs to copy in one block: ND4J's {@code asFloat} copies
     * element by element, a large part of a ResNet-50 pruning step.
     */
    private static final boolean CPU = Nd4j.getEnvironment().isCPU();

    private final Map<String, INDArray> masks = new LinkedHashMap<>();

    /** All-ones masks for {@code names}: everything active. */
    public static MaskState dense(Network net, List<String> names) {
        MaskState state = new MaskState();
        for (String name : names) {
            state.masks.put(name, Nd4j.ones(DataType.FLOAT, net.array(name).shape()));
        }
        return state;
    }

    public List<String> names() {
        return List.copyOf(masks.keySet());
    }

    public INDArray mask(String name) {
        return masks.get(name);
    }

    /** Every mask by tensor name, in network order (a read-only view). */
    public Map<String, INDArray> masks() {
        return java.util.Collections.unmodifiableMap(masks);
    }

    /** Zeroes the pruned weights in place. */
    public void apply(Network net) {
        for (Map.Entry<String, INDArray> e : masks.entrySet()) {
            INDArray weights = net.array(e.getKey());
            if (!UpdatePasses.multiply(weights, e.getValue())) weights.muli(e.getValue());
        }
    }

    /** Replaces masks from selection output (true = active). */
    public void update(Map<String, boolean[]> active) {
        for (Map.Entry<String, boolean[]> e : active.entrySet()) {
            long[] shape = masks.get(e.getKey()).shape();
            boolean[] keep = e.getValue();
            INDArray next = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
            if (!UpdatePasses.fromMask(keep, next)) {
                float[] values = new float[keep.length];
                for (int i = 0; i < keep.length; i++) values[i] = keep[i] ? 1f : 0f;
                next = Nd4j.create(values, shape, 'c');
            }
            masks.put(e.getKey(), next);
        }
    }

    /**
     * Replaces every mask with a copy of the saved one (a checkpoint's). A run that never pruned
     * saved none, and its masks stay dense.
     */
    public void restore(Map<String, INDArray> saved) {
        if (saved.isEmpty()) return;
        if (!saved.keySet().equals(masks.keySet())) {
            throw new IllegalStateException("checkpoint masks " + saved.keySet() + " do not match this run's prunable tensors "
                    + masks.keySet());
        }
        saved.forEach((name, m) -> masks.put(name, m.dup()));
    }

    /** Snapshots of weights, masks and (optionally) gradients, flattened in C order, for selection. */
    public List<TensorState> tensorStates(Network net, Map<String, INDArray> gradients) {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (String name : masks.keySet()) weights.put(name, net.array(name));
        return tensorStates(weights, gradients);
    }

    /** The same from given weights (for example copies taken before an update). */
    public List<TensorState> tensorStates(Map<String, INDArray> weights, Map<String, INDArray> gradients) {
        List<TensorState> out = new ArrayList<>();
        for (Map.Entry<String, INDArray> e : masks.entrySet()) {
            INDArray w = weights.get(e.getKey());
            boolean[] active = new boolean[(int) e.getValue().length()];
            if (!UpdatePasses.toMask(e.getValue(), active)) {
                float[] maskValues = flat(e.getValue());
                for (int i = 0; i < active.length; i++) active[i] = maskValues[i] != 0f;
            }
            INDArray g = gradients == null ? null : gradients.get(e.getKey());
            out.add(new TensorState(e.getKey(), w.shape(), flat(w), g == null ? null : flat(g), active));
        }
        return out;
    }

    /** Active (kept) element count per tensor. */
    public Map<String, Long> activeCounts() {
        Map<String, Long> out = new LinkedHashMap<>();
        masks.forEach((name, m) -> out.put(name, m.sumNumber().longValue()));
        return out;
    }

    public long total() {
        return masks.values().stream().mapToLong(INDArray::length).sum();
    }

    public long active() {
        return activeCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Sparsity over the masked tensors. */
    public double sparsity() {
        long total = total();
        return total == 0 ? 0 : 1.0 - (double) active() / total;
    }

    /** Elements in C order, copied in one block when the array is its whole buffer. */
    static float[] flat(INDArray a) {
        if (!CPU || a.dataType() != DataType.FLOAT || !ArrayLayout.dense(a)) return a.dup('c').data().asFloat();
        float[] out = new float[(int) a.length()];
        new FloatPointer(a.data().addressPointer()).get(out, 0, out.length);
        return out;
    }
}
