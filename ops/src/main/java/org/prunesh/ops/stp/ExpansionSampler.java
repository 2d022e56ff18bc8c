package org.prunesh.ops.stp;

import org.prunesh.ops.prune.Decimals;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.prune.Decimals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Subnet mutating expansion (our reading of STP): the subnets trained start at the largest arch
 * of the space and spread toward the budget by mutation. A frontier of the last
 * {@value #FRONTIER} subnets drawn is kept; each step mutates a random member (each gene with
 * probability {@value #MUTATION}) until the child's MACs fraction is at least a floor that falls
 * from 1 to {@value #FLOOR_SHARE} of the budget by progress {@code until}, so that by the time the
 * search runs, the region below the budget it explores has been trained. After
 * {@value #TRIES} rejected children the member itself is drawn. The drawn arch joins the
 * frontier, evicting the oldest.
 */
public final class ExpansionSampler implements SubnetSampler {

    public static final int FRONTIER = 8;
    public static final double MUTATION = 0.3;
    public static final double FLOOR_SHARE = 0.75;
    public static final int TRIES = 32;

    private final ArchSpace space;
    private final Architecture architecture;
    private final double budget;
    private final double until;
    private final List<Arch> frontier = new ArrayList<>();

    /**
     * @param until the fraction of training by which the floor has reached its lowest, in (0, 1]
     */
    public ExpansionSampler(ArchSpace space, Architecture architecture, double budget, double until) {
        space.requireFits(architecture);
        if (!(budget > 0 && budget <= 1)) {
            throw new IllegalArgumentException("budget " + Decimals.plain(budget) + " is not a fraction in (0, 1]");
        }
        if (!(until > 0 && until <= 1)) {
            throw new IllegalArgumentException("expansion end " + Decimals.plain(until) + " is not a fraction of training"
                    + " in (0, 1]");
        }
        this.space = space;
        this.architecture = architecture;
        this.budget = budget;
        this.until = until;
        frontier.add(space.largest(architecture));
    }

    /** The lowest MACs fraction accepted at a point of training. */
    public double floor(double progress) {
        return 1 - (1 - FLOOR_SHARE * budget) * Math.min(1, Math.max(0, progress) / until);
    }

    @Override
    public Arch next(double progress, SplittableRandom rng) {
        double floor = floor(progress);
        Arch member = frontier.get(rng.nextInt(frontier.size()));
        Arch drawn = member;
        for (int t = 0; t < TRIES; t++) {
            Arch child = space.mutate(architecture, member, MUTATION, rng);
            if (ArchSpace.fraction(architecture, child) >= floor) {
                drawn = child;
                break;
            }
        }
        frontier.add(drawn);
        if (frontier.size() > FRONTIER) frontier.remove(0);
        return drawn;
    }

    /** The frontier, oldest first. */
    public List<Arch> frontier() {
        return List.copyOf(frontier);
    }

    /** [members, then per member its genes: depth per stage, width per stage, inner per block]. */
    @Override
    public double[] state() {
        int genes = genes();
        double[] state = new double[1 + frontier.size() * genes];
        state[0] = frontier.size();
        int k = 1;
        for (Arch arch : frontier) {
            for (int d : arch.depth()) state[k++] = d;
            for (double w : arch.width()) state[k++] = w;
            for (double f : arch.inner()) state[k++] = f;
        }
        return state;
    }

    @Override
    public void restore(double[] state) {
        int genes = genes();
        int n = state.length == 0 ? -1 : (int) state[0];
        if (n < 1 || n > FRONTIER || state[0] != n || state.length != 1 + n * genes) {
            throw new IllegalArgumentException("an expansion frontier of this network is 1 to " + FRONTIER
                    + " archs of " + genes + " genes each, not " + state.length + " numbers");
        }
        int stages = architecture.stages().size();
        int blocks = genes - 2 * stages;
        List<Arch> restored = new ArrayList<>();
        for (int m = 0, k = 1; m < n; m++) {
            List<Integer> depth = new ArrayList<>();
            List<Double> width = new ArrayList<>();
            List<Double> inner = new ArrayList<>();
            for (int s = 0; s < stages; s++, k++) {
                if (state[k] != Math.rint(state[k])) {
                    throw new IllegalArgumentException("the checkpoint's frontier has depth " + state[k]
                            + ", not a whole number");
                }
                depth.add((int) state[k]);
            }
            for (int s = 0; s < stages; s++) width.add(state[k++]);
            for (int b = 0; b < blocks; b++) inner.add(state[k++]);
            Arch arch = new Arch(depth, width, inner);
            if (!space.contains(architecture, arch)) {
                throw new IllegalArgumentException("the checkpoint's frontier holds " + arch + ", outside " + space);
            }
            restored.add(arch);
        }
        frontier.clear();
        frontier.addAll(restored);
    }

    private int genes() {
        return 2 * architecture.stages().size() + ArchSpace.stageOfBlock(architecture).length;
    }
}
