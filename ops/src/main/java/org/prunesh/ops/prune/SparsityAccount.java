package org.prunesh.ops.prune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts of pruned weights per prunable tensor and in total. Sparsity is defined over the prunable
 * tensors; {@link #overAll} also counts the non-prunable parameters (biases, normalisation,
 * excluded layers), which are always active, because reports show both.
 */
public record SparsityAccount(List<TensorSparsity> tensors) {

    public SparsityAccount {
        tensors = List.copyOf(tensors);
    }

    /** From masks, in the map's order; a mask's length is its tensor's size. */
    public static SparsityAccount of(Map<String, boolean[]> masks) {
        List<TensorSparsity> rows = new ArrayList<>(masks.size());
        masks.forEach((name, mask) -> rows.add(new TensorSparsity(name, mask.length, count(mask))));
        return new SparsityAccount(rows);
    }

    /** From tensor states, in list order. */
    public static SparsityAccount ofTensors(List<TensorState> states) {
        List<TensorSparsity> rows = new ArrayList<>(states.size());
        for (TensorState t : states) {
            rows.add(new TensorSparsity(t.name(), t.mask().length, count(t.mask())));
        }
        return new SparsityAccount(rows);
    }

    public Optional<TensorSparsity> tensor(String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Totals over the prunable tensors, named {@code prunable}. */
    public TensorSparsity prunable() {
        long total = 0;
        long active = 0;
        for (TensorSparsity t : tensors) {
            total += t.total();
            active += t.active();
        }
        return new TensorSparsity("prunable", total, active);
    }

    /** Totals over all parameters, named {@code all}: the prunable ones plus {@code nonPrunableParams} dense ones. */
    public TensorSparsity overAll(long nonPrunableParams) {
        if (nonPrunableParams < 0) {
            throw new IllegalArgumentException("non-prunable parameter count must not be negative, got "
                    + nonPrunableParams);
        }
        TensorSparsity p = prunable();
        return new TensorSparsity("all", p.total() + nonPrunableParams, p.active() + nonPrunableParams);
    }

    private static long count(boolean[] mask) {
        long n = 0;
        for (boolean m : mask) {
            if (m) {
                n++;
            }
        }
        return n;
    }
}
