package org.prunesh.ops.stp;

import org.prunesh.ops.model.Architecture;

import java.util.SplittableRandom;

/** Subnets drawn uniformly from the whole space at every step: training without expansion. */
public record UniformSampler(ArchSpace space, Architecture architecture) implements SubnetSampler {

    public UniformSampler {
        space.requireFits(architecture);
    }

    @Override
    public Arch next(double progress, SplittableRandom rng) {
        return space.sample(architecture, rng);
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
