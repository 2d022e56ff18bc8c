package org.prunesh.ops.stp;

import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.prune.Decimals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A sub-network of a staged network, as a script writes it:
 * {@code arch depth [2, 3, 1] width [0.5, 0.75, 0.375]}.
 *
 * @param depth blocks kept per stage: the first {@code depth[s]} blocks of stage s; the dropped
 *              ones must have identity shortcuts
 * @param width fraction of stage s's residual stream group ({@code layer<s+1>.stream}) kept
 * @param inner fraction of each block's internal group kept, blocks numbered across stages in
 *              forward order; one entry per block of the network, dropped blocks included, so
 *              that every arch of a network has the same genes
 */
public record Arch(List<Integer> depth, List<Double> width, List<Double> inner) {

    public Arch {
        depth = List.copyOf(depth);
        width = List.copyOf(width);
        inner = List.copyOf(inner);
        if (depth.isEmpty()) throw new IllegalArgumentException("an arch needs at least one stage");
        if (width.size() != depth.size()) {
            throw new IllegalArgumentException("an arch needs one width per stage: depth has " + depth.size()
                    + " entries, width " + width.size());
        }
        for (int d : depth) {
            if (d < 0) throw new IllegalArgumentException("depth " + d + " is negative");
        }
        for (double f : width) requireFraction("width", f);
        for (double f : inner) requireFraction("inner", f);
    }

    private static void requireFraction(String what, double f) {
        if (!(f > 0 && f <= 1)) {
            throw new IllegalArgumentException(what + " " + Decimals.plain(f) + " is not a fraction in (0, 1]");
        }
    }

    /** The whole network: every block, every channel. */
    public static Arch full(Architecture a) {
        List<Integer> depth = a.stages().stream().map(s -> s.blocks().size()).toList();
        int blocks = depth.stream().mapToInt(Integer::intValue).sum();
        return new Arch(depth, Collections.nCopies(depth.size(), 1.0), Collections.nCopies(blocks, 1.0));
    }

    /** Blocks per stage and the same width for every inner group of a stage. */
    public static Arch coupled(Architecture a, List<Integer> depth, List<Double> width) {
        if (width.size() != a.stages().size()) {
            throw new IllegalArgumentException("the network has " + a.stages().size() + " stages, the arch gives "
                    + width.size() + " widths");
        }
        List<Double> inner = new ArrayList<>();
        for (int s = 0; s < a.stages().size(); s++) {
            int blocks = a.stages().get(s).blocks().size();
            for (int b = 0; b < blocks; b++) inner.add(width.get(s));
        }
        return new Arch(depth, width, inner);
    }

    /**
     * Why this arch does not fit the network, one message per problem; empty when it fits.
     */
    public List<String> problems(Architecture a) {
        List<String> problems = new ArrayList<>();
        int stages = a.stages().size();
        if (depth.size() != stages) {
            problems.add("the network has " + stages + " stages, the arch gives " + depth.size());
            return problems;
        }
        int blocks = 0;
        for (int s = 0; s < stages; s++) {
            Architecture.Stage stage = a.stages().get(s);
            int n = stage.blocks().size();
            blocks += n;
            if (depth.get(s) > n) {
                problems.add("stage " + stage.name() + " has " + n + " blocks, the arch keeps " + depth.get(s));
                continue;
            }
            for (int b = depth.get(s); b < n; b++) {
                Architecture.Block block = stage.blocks().get(b);
                if (!block.identityShortcut()) {
                    problems.add("block " + block.name() + " changes the shape of its input (projection or no"
                            + " shortcut), so it cannot be dropped: stage " + stage.name() + " needs depth at least "
                            + (b + 1));
                    break;
                }
            }
        }
        if (inner.size() != blocks) {
            problems.add("the network has " + blocks + " blocks, the arch gives " + inner.size() + " inner widths");
        }
        return problems;
    }

    /** Throws an IllegalArgumentException listing {@link #problems} unless the arch fits. */
    public void requireFits(Architecture a) {
        List<String> problems = problems(a);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(this + " does not fit the network: " + String.join("; ", problems));
        }
    }

    /**
     * Whether every inner fraction equals its stage's width, for a network with these blocks per
     * stage (then the literal leaves inner out).
     */
    public boolean innerFollowsWidth(List<Integer> blocksPerStage) {
        if (blocksPerStage.size() != width.size()) return false;
        int i = 0;
        for (int s = 0; s < blocksPerStage.size(); s++) {
            for (int b = 0; b < blocksPerStage.get(s); b++, i++) {
                if (i >= inner.size() || inner.get(i).doubleValue() != width.get(s).doubleValue()) return false;
            }
        }
        return i == inner.size();
    }

    /** The script literal, leaving inner out when it follows the stage widths of this network. */
    public String literal(Architecture a) {
        return literal(innerFollowsWidth(a.stages().stream().map(s -> s.blocks().size()).toList()));
    }

    /**
     * The script literal. Without the network the stages are taken to hold equally many blocks,
     * as in the CIFAR ResNets, and inner is left out when it follows the widths under that split;
     * for a network with unequal stages (ResNet-50) use {@link #literal(Architecture)}.
     */
    @Override
    public String toString() {
        int stages = width.size();
        boolean equalSplit = inner.size() % stages == 0
                && innerFollowsWidth(Collections.nCopies(stages, inner.size() / stages));
        return literal(equalSplit);
    }

    private String literal(boolean innerFollows) {
        String s = "arch depth " + depth + " width " + list(width);
        return innerFollows ? s : s + " inner " + list(inner);
    }

    static String list(List<Double> values) {
        return values.stream().map(Decimals::plain).collect(Collectors.joining(", ", "[", "]"));
    }
}
