package org.prunesh.ops.prune;

/**
 * Exact counts of one tensor, or of a sum of tensors.
 *
 * @param total  elements
 * @param active elements whose mask is true
 */
public record TensorSparsity(String name, long total, long active) {

    public TensorSparsity {
        if (total < 0 || active < 0 || active > total) {
            throw new IllegalArgumentException("'" + name + "': active " + active + " of total " + total);
        }
    }

    public long pruned() {
        return total - active;
    }

    /** pruned / total; 0 for an empty tensor. */
    public double sparsity() {
        return total == 0 ? 0.0 : (double) pruned() / total;
    }

    /** active / total; 1 for an empty tensor. */
    public double density() {
        return 1.0 - sparsity();
    }
}
