package org.prunesh.interpreter.exec;

/**
 * A {@code search} with its defaults filled in.
 *
 * @param strategy {@code evolutionary}, {@code random}, {@code uniform} or {@code sample}
 * @param seed     the search's own seed, or null for the session's
 * @param min      the lowest MACs fraction a candidate may keep, as a share of the budget
 */
public record SearchSpec(String strategy, Long seed, int population, int generations, double mutation,
                         double crossover, int samples, int batches, int calibration, double min) {
}
