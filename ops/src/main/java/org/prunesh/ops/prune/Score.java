package org.prunesh.ops.prune;

/**
 * An importance criterion for unstructured pruning: one score per element of a tensor, higher
 * meaning more important. Selection prunes the lowest. Scores are compared as by
 * {@link Float#compare} except that -0.0 equals 0.0; a NaN score ranks above every number.
 */
public interface Score {

    /** The name a script uses, e.g. {@code magnitude}. */
    String name();

    /** Whether {@link #compute} reads {@link TensorState#gradients()}. */
    boolean needsGradient();

    /** A new array of {@code t.size()} scores, index i scoring element i in C order. */
    float[] compute(TensorState t);
}
