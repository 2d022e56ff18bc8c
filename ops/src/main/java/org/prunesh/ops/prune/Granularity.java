package org.prunesh.ops.prune;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one pruning decision removes: single weights, a fixed count within every group of M along the
 * input dimension, or whole output filters. Weights are laid out as the models build them: dense
 * {@code [in, out]}, convolution {@code [kH, kW, in, out]}; so the input dimension is the one before
 * last and the output filters are the last dimension.
 */
public sealed interface Granularity {

    /** The default: any weight may go. */
    Unstructured UNSTRUCTURED = new Unstructured();

    /** The kinds as scripts name them: {@code unstructured}, {@code nm N:M}, {@code channel [l1|l2]}. */
    List<String> KINDS = List.of("unstructured", "nm", "channel");

    /** The granularity as a script writes it, e.g. {@code nm 2:4}. */
    String describe();

    /** Single weights. */
    record Unstructured() implements Granularity {
        @Override
        public String describe() {
            return "unstructured";
        }
    }

    /**
     * {@code nm N:M}: at most N of every M consecutive input weights feeding one output survive,
     * so the final target is {@code 1 − N/M}.
     */
    record NM(int n, int m) implements Granularity {

        public NM {
            if (n < 1 || n >= m) {
                throw new IllegalArgumentException("an N:M pattern needs 1 <= N < M, got " + n + ":" + m);
            }
        }

        /** The sparsity of a finished pattern, {@code 1 − N/M}. */
        public double sparsity() {
            return 1.0 - (double) n / m;
        }

        @Override
        public String describe() {
            return "nm " + n + ":" + m;
        }
    }

    /**
     * Whole output filters (the last dimension), each scored by the {@code norm} of its element scores.
     * Each list of {@code coupled} names tensors whose output filters are the same channels (a
     * residual stream: its convolutions are joined by additions) and are pruned together, channel c
     * of the group being one unit scored by the norm over all the members' filter c; a tensor in no
     * list is a group of its own. Empty: every tensor alone. The groups come from the network
     * ({@code ChannelCoupling} in ops' model package); a script never writes them.
     */
    record Channel(Norm norm, List<List<String>> coupled) implements Granularity {

        public Channel {
            Objects.requireNonNull(norm, "norm");
            coupled = coupled.stream().map(List::copyOf).toList();
            for (List<String> group : coupled) {
                if (group.isEmpty()) {
                    throw new IllegalArgumentException("a coupled channel group needs at least one tensor");
                }
            }
        }

        /** Every tensor a group of its own. */
        public Channel(Norm norm) {
            this(norm, List.of());
        }

        /** The same norm over the given coupled groups. */
        public Channel coupledAs(List<List<String>> groups) {
            return new Channel(norm, groups);
        }

        @Override
        public String describe() {
            return "channel " + norm.name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a filter's element scores combine: sum of absolute values, or Euclidean length. */
    enum Norm {
        L1, L2
    }
}
