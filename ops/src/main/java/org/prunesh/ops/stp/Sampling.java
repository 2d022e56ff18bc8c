package org.prunesh.ops.stp;

import org.prunesh.ops.prune.Decimals;
import org.prunesh.ops.model.Architecture;

/**
 * Where stimulative training draws its subnets from, as a script chooses it for an ablation.
 */
public sealed interface Sampling {

    /** Mutating expansion until half of training, with a ceiling: ends on [0.75·B, B]. */
    Sampling DEFAULT = new Expansion(0.5, true);

    /** The sampler for a network and budget (a MACs fraction in (0, 1]). */
    SubnetSampler sampler(ArchSpace space, Architecture architecture, double budget);

    /**
     * {@link ExpansionSampler}.
     *
     * @param until   the fraction of training by which the band reaches its end, in (0, 1]
     * @param ceiling whether draws are capped from above as well as from below
     */
    record Expansion(double until, boolean ceiling) implements Sampling {
        public Expansion {
            if (!(until > 0 && until <= 1)) {
                throw new IllegalArgumentException("expansion end " + Decimals.plain(until) + " is not a fraction of"
                        + " training in (0, 1]");
            }
        }

        @Override
        public SubnetSampler sampler(ArchSpace space, Architecture architecture, double budget) {
            return new ExpansionSampler(space, architecture, budget, until, ceiling);
        }
    }

    /**
     * {@link UniformSampler} over [min·B, B] ({@code capped}) or [min·B, 1].
     *
     * @param min the lowest MACs fraction as a share of the budget, in [0, 1]; 0 with no cap is the
     *            whole space
     */
    record Uniform(double min, boolean capped) implements Sampling {
        /** The default floor: half the budget, where subnets stop resembling what the search keeps. */
        public static final double DEFAULT_MIN = 0.5;

        public Uniform {
            if (!(min >= 0 && min <= 1)) {
                throw new IllegalArgumentException("the lowest share of the budget " + Decimals.plain(min)
                        + " is not in [0, 1]");
            }
        }

        /** The whole space, as before issue 16. */
        public static Uniform wholeSpace() {
            return new Uniform(0, false);
        }

        @Override
        public SubnetSampler sampler(ArchSpace space, Architecture architecture, double budget) {
            FlopsBand band = FlopsBand.of(budget, min);
            return new UniformSampler(space, architecture, capped ? band : new FlopsBand(band.min(), 1));
        }
    }
}
