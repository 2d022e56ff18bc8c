package org.prunesh.ops.data;

import java.util.SplittableRandom;

/**
 * Standard normal draws from a {@link SplittableRandom}, the one sampler for synthetic data and
 * weight initialisation. Box-Muller, one draw per two uniforms: SplittableRandom has no
 * nextGaussian, and the stream must be a pure function of the seed on every JDK (a seed fixes
 * both the data and the initial weights).
 */
public final class Gaussian {

    private Gaussian() {
    }

    /** The next draw; consumes exactly two {@code nextDouble()}s. */
    public static double next(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
