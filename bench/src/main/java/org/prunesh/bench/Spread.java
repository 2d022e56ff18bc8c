package org.prunesh.bench;

import java.util.Arrays;

/**
 * Smallest, median and largest of a set of measurements. The median is what to quote; min and max
 * show how noisy the machine was while measuring.
 */
public record Spread(double min, double median, double max) {

    /** A spread of NaNs: nothing was measured. */
    public static final Spread NONE = new Spread(Double.NaN, Double.NaN, Double.NaN);

    public Spread {
        if (min > median || median > max) {
            throw new IllegalArgumentException("a spread needs min <= median <= max, got " + min + ", " + median + ", " + max);
        }
    }

    /** Of at least one value; the median of an even count is the mean of the middle two. */
    public static Spread of(double... values) {
        if (values.length == 0) throw new IllegalArgumentException("a spread needs at least one value");
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Spread(v[0], median, v[n - 1]);
    }

    /** The median of at least one value. */
    public static double median(double... values) {
        return of(values).median();
    }

    /** (max - min) / median: the relative width, 0 when every value was the same. */
    public double relativeWidth() {
        return (max - min) / median;
    }

    /** Whether nothing was measured. */
    public boolean isNone() {
        return Double.isNaN(median);
    }
}
