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
 * probability {@value #MUTATION}) until the child's MACs fraction lies in a band that slides
 * down over training: its floor falls from 1 to {@value #FLOOR_SHARE} of the budget by progress
 * {@code until}, and, with {@code ceiling}, its top is floor / {@value #FLOOR_SHARE} (so the band
 * ends at [0.75·B, B], where the search will cut). Without a ceiling nothing caps the draws from
 * above (the sampler before issue 16: a mean draw of 58% of the FLOPs at a 35% budget). After
 * {@value #TRIES} rejected children a uniform draw from the band is tried, and when the band is
 * too narrow to hit, the member itself is drawn. The drawn arch joins the frontier, evicting the
 * oldest.
 */
public final class ExpansionSampler implements SubnetSampler {

    public static final int FRONTIER = 8;
    public static final double MUTATION = 0.3;
    public static final double FLOOR_SHARE = 0.75;
    public static final int TRIES = 32;
    /** Uniform draws tried when no mutation fell in the band. */
    public static final int UNIFORM_TRIES = 2_000;

    private final ArchSpace space;
    private final Architecture architecture;
    private final double budget;
    private final double until;
    private final boolean ceiling;
    private final List<Arch> frontier = new ArrayList<>();

    /** With a ceiling. */
    public ExpansionSampler(ArchSpace space, Architecture architecture, double budget, double until) {
        this(space, architecture, budget, until, true);
    }

    /**
     * @param until   the fraction of training by which the floor has reached its lowest, in (0, 1]
     * @param ceiling whether draws are also capped from above (see the class comment)
     */
    public ExpansionSampler(ArchSpace space, Architecture architecture, double budget, double until,
                            boolean ceiling) {
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
        this.ceiling = ceiling;
        frontier.add(space.largest(architecture));
    }

    /** The lowest MACs fraction accepted at a point of training. */
    public double floor(double progress) {
        return 1 - (1 - FLOOR_SHARE * budget) * Math.min(1, Math.max(0, progress) / until);
    }

    /** The highest MACs fraction accepted at a point of training: 1 without a ceiling. */
    public double ceiling(double progress) {
        return ceiling ? Math.min(1, floor(progress) / FLOOR_SHARE) : 1;
    }

    /** The band of MACs fractions accepted at a point of training. */
    public FlopsBand band(double progress) {
        return new FlopsBand(floor(progress), ceiling(progress));
    }

    @Override
    public Arch next(double progress, SplittableRandom rng) {
        FlopsBand band = band(progress);
        Arch member = frontier.get(rng.nextInt(frontier.size()));
        Arch drawn = null;
        for (int t = 0; t < TRIES && drawn == null; t++) {
            Arch child = space.mutate(architecture, member, MUTATION, rng);
            if (band.contains(ArchSpace.fraction(architecture, child))) drawn = child;
        }
        // without a ceiling the band reaches the largest arch, and the member is always in it
        if (drawn == null && ceiling) drawn = space.tryIn(architecture, band, rng, UNIFORM_TRIES);
        if (drawn == null) drawn = member;
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
