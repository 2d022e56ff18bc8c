package org.prunesh.ops.prune;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a global sparsity target spreads over layers. Shared by the {@code erk} scope and by sparse
 * initialisation ({@code init erk}).
 */
public final class Distribution {

    private Distribution() {
    }

    /**
     * Per-layer densities by the Erdős–Rényi-kernel rule (RigL, Evci et al. 2020): layer l gets
     * density {@code clamp(ε·raw_l, min, max)} with {@code raw_l = sum(shape)/prod(shape)} (a conv
     * {@code [kH, kW, in, out]} gives {@code (kH+kW+in+out)/(kH·kW·in·out)}, a dense {@code [in, out]}
     * gives {@code (in+out)/(in·out)}), and ε chosen so that {@code Σ_l density_l·n_l = (1 − s)·N}.
     *
     * <p>Without bounds (max 1) this is RigL's loop: the layers whose ε·raw exceeds 1 become dense and
     * ε is recomputed over the rest. With a floor or cap the same solve runs with layers pinned at
     * either bound: ε is found exactly on the piecewise-linear function above, so a layer pinned at one
     * bound never would have been inside it. Empty tensors get density 1.
     *
     * @param shapes   tensor shapes in layer order; the result keeps that order
     * @param sparsity the global target s over all the listed weights, in [0, 1]
     * @throws IllegalArgumentException when s is out of range, a shape is malformed, or the bounds
     *                                  exclude the target ({@link DensityBounds#requireFeasible})
     */
    public static Map<String, Double> erk(Map<String, long[]> shapes, double sparsity, DensityBounds bounds) {
        Objects.requireNonNull(bounds, "bounds");
        if (!(sparsity >= 0 && sparsity <= 1)) {
            throw new IllegalArgumentException("target sparsity must be in [0, 1], got " + sparsity);
        }
        bounds.requireFeasible(sparsity);
        int layers = shapes.size();
        String[] names = shapes.keySet().toArray(new String[0]);
        double[] size = new double[layers];
        double[] raw = new double[layers];
        double total = 0;
        for (int l = 0; l < layers; l++) {
            long[] shape = shapes.get(names[l]);
            long n = 1;
            long sum = 0;
            for (long d : shape) {
                if (d < 0) {
                    throw new IllegalArgumentException("tensor '" + names[l] + "' has a negative dimension: "
                            + Arrays.toString(shape));
                }
                n *= d;
                sum += d;
            }
            size[l] = n;
            raw[l] = n == 0 ? 0 : (double) sum / n;      // 0 only for empty tensors and scalars
            total += n;
        }
        double lo = bounds.min();
        double hi = bounds.max();
        double eps = solve(size, raw, lo, hi, (1 - sparsity) * total);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int l = 0; l < layers; l++) {
            out.put(names[l], size[l] == 0 ? 1.0 : Math.min(hi, Math.max(lo, eps * raw[l])));
        }
        return out;
    }

    /**
     * The ε at which {@code f(ε) = Σ n_l·clamp(ε·raw_l, lo, hi)} reaches {@code kept}. f is continuous,
     * non-decreasing and linear between the breakpoints {@code lo/raw_l} and {@code hi/raw_l}: find the
     * segment holding the target, then solve that segment's line with its pinned layers fixed — which
     * is the reference's "recompute ε over the layers not yet dense" step, done once on the right set.
     * Returns 0 (every layer at the floor) or +∞ (every layer at the cap) at the ends.
     */
    private static double solve(double[] size, double[] raw, double lo, double hi, double kept) {
        int layers = size.length;
        double[] points = new double[2 * layers + 1];
        int count = 1;
        for (int l = 0; l < layers; l++) {
            if (raw[l] > 0) {
                points[count++] = lo / raw[l];
                points[count++] = hi / raw[l];
            }
        }
        Arrays.sort(points, 0, count);
        if (kept <= total(size, raw, lo, hi, 0)) {
            return 0;
        }
        for (int k = 1; k < count; k++) {
            if (points[k] > points[k - 1] && total(size, raw, lo, hi, points[k]) >= kept) {
                double mid = (points[k - 1] + points[k]) / 2;
                double pinned = 0;
                double slope = 0;
                for (int l = 0; l < layers; l++) {
                    double d = mid * raw[l];
                    if (d >= hi) {
                        pinned += hi * size[l];
                    } else if (d <= lo) {
                        pinned += lo * size[l];
                    } else {
                        slope += raw[l] * size[l];
                    }
                }
                return slope == 0 ? points[k] : (kept - pinned) / slope;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static double total(double[] size, double[] raw, double lo, double hi, double eps) {
        double sum = 0;
        for (int l = 0; l < size.length; l++) {
            sum += size[l] * Math.min(hi, Math.max(lo, eps * raw[l]));
        }
        return sum;
    }
}
