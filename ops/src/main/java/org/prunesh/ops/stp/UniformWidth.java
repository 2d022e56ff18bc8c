package org.prunesh.ops.stp;

import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.prune.Decimals;

import java.util.Collections;
import java.util.TreeSet;

/**
 * The uniform-width baseline: every block kept, one channel fraction for every stream and inner
 * group, as large as the MACs budget allows.
 */
public final class UniformWidth {

    private UniformWidth() {
    }

    /**
     * The full-depth arch of the largest uniform fraction f with MACs fraction at most the budget.
     * The fractions tried are k/C for the channel count C of each group and 1 ≤ k ≤ C, from the
     * largest down, each group keeping {@link SubnetLayout#keptCount} channels: the chosen width
     * is an exact channel count of some group.
     */
    public static Arch largestUnder(Architecture a, double budget) {
        if (!(budget > 0 && budget <= 1)) {
            throw new IllegalArgumentException("budget " + Decimals.plain(budget) + " is not a fraction in (0, 1]");
        }
        TreeSet<Double> fractions = new TreeSet<>(Collections.reverseOrder());
        for (Architecture.ChannelGroup g : a.groups()) {
            for (long k = 1; k <= g.channels(); k++) fractions.add((double) k / g.channels());
        }
        Arch full = Arch.full(a);
        double smallest = 1;
        for (double f : fractions) {
            Arch arch = Arch.coupled(a, full.depth(), Collections.nCopies(a.stages().size(), f));
            smallest = SubnetLayout.of(a, arch).macsFraction();
            if (smallest <= budget) return arch;
        }
        throw new IllegalArgumentException("no uniform width keeps the MACs within budget " + Decimals.plain(budget)
                + ": one channel per group still has " + ArchSpace.brief(smallest) + " of them");
    }
}
