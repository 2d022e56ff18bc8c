package org.prunesh.ops.model;

import org.nd4j.linalg.factory.Nd4j;

import java.util.Locale;

/**
 * Which ops a network's graph is built from. {@link #FAST} uses this project's ops: batch norm (and
 * batch norm + ReLU) as Java kernels that only the CPU backend can run, and ReLU, convolution and
 * residual-add classes with cheaper gradients. {@link #PORTABLE} uses stock SameDiff ops only
 * (batch norm as a composite of means, products and a reciprocal square root), so the graph runs
 * on any ND4J backend; it computes the same step (PortableGraphTest) more slowly.
 */
public enum GraphKind {
    FAST, PORTABLE;

    /** System property that forces a kind: {@code -Dprunesh.graph=portable} (or {@code fast}). */
    public static final String PROPERTY = "prunesh.graph";

    /**
     * The kind new networks get: the property's when it is set, otherwise {@link #FAST} on the CPU
     * backend and {@link #PORTABLE} on any other (CUDA).
     */
    public static GraphKind current() {
        String forced = System.getProperty(PROPERTY);
        if (forced != null && !forced.isBlank()) {
            try {
                return valueOf(forced.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + " must be fast or portable, got '" + forced + "'");
            }
        }
        return Nd4j.getEnvironment().isCPU() ? FAST : PORTABLE;
    }
}
