package org.prunesh.ops.stp;

import org.prunesh.ops.model.Architecture;

import java.util.SplittableRandom;

/**
 * Subnets drawn uniformly from the archs of the space whose MACs fraction lies in a band, at every
 * step: training without expansion. The whole space ([0, 1]) is the sampler before issue 16, which
 * drew 7% of its subnets below 10% of the FLOPs at the example's settings; a floor at a share of
 * the budget keeps training where the budget will cut.
 */
public record UniformSampler(ArchSpace space, Architecture architecture, FlopsBand band) implements SubnetSampler {

    /** Draws tried per step; the constructor checks that the band can be hit. */
    public static final int TRIES = 10_000;

    public UniformSampler {
        space.requireFits(architecture);
        // fails early, not in the middle of training, when the band holds (almost) no arch
        space.sampleIn(architecture, band, new SplittableRandom(0), TRIES);
    }

    /** The whole space. */
    public UniformSampler(ArchSpace space, Architecture architecture) {
        this(space, architecture, new FlopsBand(0, 1));
    }

    @Override
    public Arch next(double progress, SplittableRandom rng) {
        if (band.min() == 0 && band.max() == 1) return space.sample(architecture, rng);
        return space.sampleIn(architecture, band, rng, TRIES);
    }

    @Override
    public double[] state() {
        return new double[0];
    }

    @Override
    public void restore(double[] state) {
        if (state.length != 0) {
            throw new IllegalArgumentException("uniform sampling has no state, the checkpoint gives " + state.length
                    + " numbers");
        }
    }
}
