package org.prunesh.results;

/**
 * Mean and sample standard deviation (divisor n - 1) of one metric over the runs of a
 * configuration. Runs that do not record the metric are left out, so {@code n} may be smaller
 * than the number of runs. With one value the deviation is 0 (there is no spread to estimate);
 * with none both are NaN.
 */
public record Stat(int n, double mean, double std) {

    public static Stat of(double... values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isNaN(v)) continue;
            n++;
            sum += v;
        }
        if (n == 0) return new Stat(0, Double.NaN, Double.NaN);
        double mean = sum / n;
        if (n == 1) return new Stat(1, mean, 0);
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) squares += (v - mean) * (v - mean);
        }
        return new Stat(n, mean, Math.sqrt(squares / (n - 1)));
    }
}
