package org.prunesh.ops.stp;

import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.prune.Decimals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The architectures a search may choose from: per stage a range of depths, and one grid of
 * widths for every stage (and, with {@code perBlock}, for every block's inner group; otherwise a
 * block's inner width is its stage's width).
 *
 * <p>Genes are depth[s] and width[s] per stage and, with {@code perBlock}, inner[i] per block.
 * Archs this space makes are canonical: a dropped block's inner width is its stage's width, so
 * that two archs describing the same network are equal. The space is a value; the network it is
 * applied to is passed to each operation.
 *
 * @param depth  blocks kept per stage, an inclusive range each
 * @param widths the width choices, ascending without repeats, each in (0, 1]
 */
public record ArchSpace(List<DepthRange> depth, List<Double> widths, boolean perBlock) {

    /** Bounded retries of mutation and crossover under a budget, in the searches. */
    public static final int TRIES = 100;

    public record DepthRange(int min, int max) {
        public DepthRange {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("depth range " + min + ".." + max + " is empty or negative");
            }
        }

        @Override
        public String toString() {
            return min + ".." + max;
        }
    }

    public ArchSpace {
        depth = List.copyOf(depth);
        widths = List.copyOf(widths);
        if (depth.isEmpty()) throw new IllegalArgumentException("a space needs a depth range per stage");
        if (widths.isEmpty()) throw new IllegalArgumentException("a space needs at least one width");
        for (int i = 0; i < widths.size(); i++) {
            double w = widths.get(i);
            if (!(w > 0 && w <= 1)) {
                throw new IllegalArgumentException("width " + Decimals.plain(w) + " is not a fraction in (0, 1]");
            }
            if (i > 0 && !(widths.get(i - 1) < w)) {
                throw new IllegalArgumentException("widths must ascend without repeats: " + Arch.list(widths));
            }
        }
    }

    /** The grid from, from + step, ... up to to inclusive, in exact decimal steps (0.25..1 step 0.125). */
    public static List<Double> widthGrid(double from, double to, double step) {
        if (!(step > 0)) throw new IllegalArgumentException("width step " + Decimals.plain(step) + " must be positive");
        if (to < from) {
            throw new IllegalArgumentException("width range " + Decimals.plain(from) + ".." + Decimals.plain(to) + " is empty");
        }
        BigDecimal x = BigDecimal.valueOf(from), end = BigDecimal.valueOf(to), d = BigDecimal.valueOf(step);
        List<Double> grid = new ArrayList<>();
        for (; x.compareTo(end) <= 0; x = x.add(d)) grid.add(x.doubleValue());
        return grid;
    }

    /** Why this space does not fit the network, one message per problem; empty when it fits. */
    public List<String> problems(Architecture a) {
        List<String> problems = new ArrayList<>();
        if (depth.size() != a.stages().size()) {
            problems.add("the network has " + a.stages().size() + " stages, the space gives " + depth.size()
                    + " depth ranges");
            return problems;
        }
        for (int s = 0; s < depth.size(); s++) {
            Architecture.Stage stage = a.stages().get(s);
            DepthRange r = depth.get(s);
            if (r.max() > stage.blocks().size()) {
                problems.add("stage " + stage.name() + " has " + stage.blocks().size() + " blocks, the space allows "
                        + r.max());
                continue;
            }
            for (int b = r.min(); b < r.max(); b++) {
                Architecture.Block block = stage.blocks().get(b);
                if (!block.identityShortcut()) {
                    problems.add("block " + block.name() + " changes the shape of its input, so it cannot be dropped:"
                            + " stage " + stage.name() + " needs a depth range from at least " + (b + 1));
                    break;
                }
            }
        }
        return problems;
    }

    public void requireFits(Architecture a) {
        List<String> problems = problems(a);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the space does not fit the network: " + String.join("; ", problems));
        }
    }

    /** Whether the arch fits the network and every gene is one of its choices here. */
    public boolean contains(Architecture a, Arch arch) {
        if (!problems(a).isEmpty() || !arch.problems(a).isEmpty()) return false;
        int[] stageOf = stageOfBlock(a);
        for (int s = 0; s < depth.size(); s++) {
            int d = arch.depth().get(s);
            if (d < depth.get(s).min() || d > depth.get(s).max() || !widths.contains(arch.width().get(s))) return false;
        }
        for (int i = 0; i < stageOf.length; i++) {
            double f = arch.inner().get(i);
            if (perBlock ? !widths.contains(f) : f != arch.width().get(stageOf[i])) return false;
        }
        return true;
    }

    /** Every gene at its lowest choice: the arch with the fewest MACs. */
    public Arch smallest(Architecture a) {
        requireFits(a);
        return build(a, depth.stream().mapToInt(DepthRange::min).toArray(), filled(widths.get(0)), null);
    }

    /** Every gene at its highest choice: the arch with the most MACs. */
    public Arch largest(Architecture a) {
        requireFits(a);
        return build(a, depth.stream().mapToInt(DepthRange::max).toArray(), filled(widths.get(widths.size() - 1)), null);
    }

    private double[] filled(double w) {
        double[] width = new double[depth.size()];
        Arrays.fill(width, w);
        return width;
    }

    /** Each gene uniform over its choices. */
    public Arch sample(Architecture a, SplittableRandom rng) {
        requireFits(a);
        int[] d = new int[depth.size()];
        double[] w = new double[depth.size()];
        for (int s = 0; s < d.length; s++) d[s] = drawDepth(s, rng);
        for (int s = 0; s < w.length; s++) w[s] = drawWidth(rng);
        double[] inner = null;
        if (perBlock) {
            inner = new double[stageOfBlock(a).length];
            for (int i = 0; i < inner.length; i++) inner[i] = drawWidth(rng);
        }
        return build(a, d, w, inner);
    }

    /**
     * Uniform over the archs of the space whose MACs fraction is at most {@code budget}, by
     * rejection.
     *
     * @throws IllegalArgumentException when even the smallest arch is over the budget, or when
     *                                  none of {@code maxTries} samples fell under it
     */
    public Arch sampleUnder(Architecture a, double budget, SplittableRandom rng, int maxTries) {
        requireBudget(a, budget);
        Arch arch = tryIn(a, FlopsBand.under(budget), rng, maxTries);
        if (arch != null) return arch;
        throw new IllegalArgumentException("none of " + maxTries + " archs sampled from the space has at most "
                + Decimals.plain(budget) + " of the MACs (the smallest has " + brief(fraction(a, smallest(a)))
                + "); raise the budget or narrow the space toward small archs");
    }

    /**
     * Uniform over the archs of the space whose MACs fraction lies in {@code band}, by rejection.
     *
     * @throws IllegalArgumentException when none of {@code maxTries} samples fell in the band
     */
    public Arch sampleIn(Architecture a, FlopsBand band, SplittableRandom rng, int maxTries) {
        requireBudget(a, band.max());
        Arch arch = tryIn(a, band, rng, maxTries);
        if (arch != null) return arch;
        throw new IllegalArgumentException("none of " + maxTries + " archs sampled from the space has between "
                + brief(band.min()) + " and " + brief(band.max()) + " of the MACs; widen the band or the space");
    }

    /** A uniform draw in the band, or null when none of {@code maxTries} samples fell in it. */
    Arch tryIn(Architecture a, FlopsBand band, SplittableRandom rng, int maxTries) {
        for (int t = 0; t < maxTries; t++) {
            Arch arch = sample(a, rng);
            if (band.contains(fraction(a, arch))) return arch;
        }
        return null;
    }

    /** A mutation of a parent inside the band: up to {@code maxTries} attempts, then the parent itself. */
    public Arch mutateIn(Architecture a, Arch parent, double prob, FlopsBand band, SplittableRandom rng,
                         int maxTries) {
        requireIn(a, parent, band);
        for (int t = 0; t < maxTries; t++) {
            Arch child = mutate(a, parent, prob, rng);
            if (band.contains(fraction(a, child))) return child;
        }
        return parent;
    }

    /** A crossover of two parents inside the band: up to {@code maxTries} attempts, then x itself. */
    public Arch crossoverIn(Architecture a, Arch x, Arch y, FlopsBand band, SplittableRandom rng, int maxTries) {
        requireIn(a, x, band);
        requireIn(a, y, band);
        for (int t = 0; t < maxTries; t++) {
            Arch child = crossover(a, x, y, rng);
            if (band.contains(fraction(a, child))) return child;
        }
        return x;
    }

    private void requireIn(Architecture a, Arch arch, FlopsBand band) {
        double f = fraction(a, arch);
        if (!band.contains(f)) {
            throw new IllegalArgumentException(arch + " has " + brief(f) + " of the MACs, outside " + band);
        }
    }

    /** Resamples each gene with probability {@code prob}. */
    public Arch mutate(Architecture a, Arch parent, double prob, SplittableRandom rng) {
        requireMember(a, parent);
        int[] stageOf = stageOfBlock(a);
        int[] d = new int[depth.size()];
        double[] w = new double[depth.size()];
        for (int s = 0; s < d.length; s++) d[s] = rng.nextDouble() < prob ? drawDepth(s, rng) : parent.depth().get(s);
        for (int s = 0; s < w.length; s++) w[s] = rng.nextDouble() < prob ? drawWidth(rng) : parent.width().get(s);
        double[] inner = null;
        if (perBlock) {
            inner = new double[stageOf.length];
            for (int i = 0; i < inner.length; i++) {
                inner[i] = rng.nextDouble() < prob ? drawWidth(rng) : parent.inner().get(i);
            }
        }
        return build(a, d, w, inner);
    }

    /** Takes each gene from x or y with probability 1/2 (depth and width per stage, inner per block). */
    public Arch crossover(Architecture a, Arch x, Arch y, SplittableRandom rng) {
        requireMember(a, x);
        requireMember(a, y);
        int[] d = new int[depth.size()];
        double[] w = new double[depth.size()];
        for (int s = 0; s < d.length; s++) d[s] = (rng.nextBoolean() ? x : y).depth().get(s);
        for (int s = 0; s < w.length; s++) w[s] = (rng.nextBoolean() ? x : y).width().get(s);
        double[] inner = null;
        if (perBlock) {
            inner = new double[x.inner().size()];
            for (int i = 0; i < inner.length; i++) inner[i] = (rng.nextBoolean() ? x : y).inner().get(i);
        }
        return build(a, d, w, inner);
    }

    /** {@link #mutateIn} with the band [0, budget]. */
    public Arch mutateUnder(Architecture a, Arch parent, double prob, double budget, SplittableRandom rng,
                            int maxTries) {
        return mutateIn(a, parent, prob, FlopsBand.under(budget), rng, maxTries);
    }

    /** {@link #crossoverIn} with the band [0, budget]. */
    public Arch crossoverUnder(Architecture a, Arch x, Arch y, double budget, SplittableRandom rng, int maxTries) {
        return crossoverIn(a, x, y, FlopsBand.under(budget), rng, maxTries);
    }

    private int drawDepth(int stage, SplittableRandom rng) {
        DepthRange r = depth.get(stage);
        return r.min() + rng.nextInt(r.max() - r.min() + 1);
    }

    private double drawWidth(SplittableRandom rng) {
        return widths.get(rng.nextInt(widths.size()));
    }

    /** The canonical arch: inner follows the stage width unless per block, and for dropped blocks. */
    private Arch build(Architecture a, int[] d, double[] w, double[] inner) {
        List<Integer> depthList = new ArrayList<>();
        List<Double> widthList = new ArrayList<>();
        for (int s = 0; s < d.length; s++) {
            depthList.add(d[s]);
            widthList.add(w[s]);
        }
        List<Double> innerList = new ArrayList<>();
        int i = 0;
        for (int s = 0; s < a.stages().size(); s++) {
            for (int b = 0; b < a.stages().get(s).blocks().size(); b++, i++) {
                innerList.add(inner != null && b < d[s] ? inner[i] : w[s]);
            }
        }
        return new Arch(depthList, widthList, innerList);
    }

    private void requireMember(Architecture a, Arch arch) {
        if (!contains(a, arch)) throw new IllegalArgumentException(arch + " is not in the space " + this);
    }

    /**
     * Checks that a budget is a fraction in (0, 1] that the smallest arch of the space meets.
     *
     * @throws IllegalArgumentException naming the smallest arch and its MACs fraction otherwise
     */
    public void requireBudget(Architecture a, double budget) {
        if (!(budget > 0 && budget <= 1)) {
            throw new IllegalArgumentException("budget " + Decimals.plain(budget) + " is not a fraction in (0, 1]");
        }
        Arch smallest = smallest(a);
        double min = fraction(a, smallest);
        if (min > budget) {
            throw new IllegalArgumentException("budget " + Decimals.plain(budget) + " is below the smallest arch of the"
                    + " space, " + smallest.literal(a) + " with " + brief(min) + " of the MACs");
        }
    }

    static double fraction(Architecture a, Arch arch) {
        return SubnetLayout.of(a, arch).macsFraction();
    }

    /** The stage of each block, blocks numbered across stages. */
    static int[] stageOfBlock(Architecture a) {
        int n = a.stages().stream().mapToInt(s -> s.blocks().size()).sum();
        int[] stageOf = new int[n];
        int i = 0;
        for (int s = 0; s < a.stages().size(); s++) {
            for (int b = 0; b < a.stages().get(s).blocks().size(); b++) stageOf[i++] = s;
        }
        return stageOf;
    }

    /** Four significant digits, for messages. */
    static String brief(double x) {
        return Decimals.significant(x, 4);
    }

    @Override
    public String toString() {
        return "space depth " + depth + " width " + Arch.list(widths) + (perBlock ? " per block" : "");
    }
}
