package org.prunesh.results;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A two-sided 95% confidence interval for the mean of n values under Student's t with n − 1
 * degrees of freedom: mean ± t(0.975, n − 1) · s / √n, s the sample standard deviation. With
 * fewer than two values there is no spread to estimate and both ends are NaN.
 */
public record TInterval(int n, double mean, double std, double low, double high) {

    static final double LEVEL = 0.95;

    public static TInterval of(double... values) {
        Stat s = Stat.of(values);
        if (s.n() < 2) return new TInterval(s.n(), s.mean(), Double.NaN, Double.NaN, Double.NaN);
        double half = quantile(s.n() - 1) * s.std() / Math.sqrt(s.n());
        return new TInterval(s.n(), s.mean(), s.std(), s.mean() - half, s.mean() + half);
    }

    /**
     * t(0.975, df): 12.706 for df = 1, 4.303 for 2, 2.776 for 4; solved to 1e-14 (the library's
     * default 1e-9 would move an interval's ends in the tenth digit).
     */
    static double quantile(int df) {
        return new TDistribution(null, df, 1e-14).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
    }

    /** The interval lies wholly on one side of 0: the difference is unlikely to be noise alone. */
    public boolean excludesZero() {
        return !Double.isNaN(low) && (low > 0 || high < 0);
    }
}
