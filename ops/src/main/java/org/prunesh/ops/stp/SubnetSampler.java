package org.prunesh.ops.stp;

import java.util.SplittableRandom;

/**
 * Where stimulative training draws its subnets from at each step. A sampler may carry state
 * from step to step; {@link #state()} and {@link #restore} let a checkpoint keep it so that a
 * resumed run draws what the uninterrupted one would have.
 */
public interface SubnetSampler {

    /**
     * @param progress the fraction of training done, from 0 to 1
     */
    Arch next(double progress, SplittableRandom rng);

    /** The sampler's state as numbers; empty for a stateless sampler. */
    double[] state();

    /** Puts back what {@link #state()} returned. */
    void restore(double[] state);
}
