package org.prunesh.ops.prune;

/**
 * An importance criterion for unstructured pruning: one score per element of a tensor, higher
 * meaning more important. Selection prunes the lowest. Scores are compared as by
 * {@link Float#compare} except that -0.0 equals 0.0; a NaN score ranks above every number.
 *
 * <p><b>Stateful scores.</b> A criterion that accumulates over training (movement, an averaged
 * gradient) returns true from {@link #observesEveryStep()}. The trainer then calls
 * {@link #observe} once per optimizer step for every prunable tensor, with that step's raw
 * gradient, and on a pruning step it does so <em>before</em> {@link #compute}, so the scores
 * include the step being pruned at. State is kept per tensor name inside the instance, so one
 * instance serves one run ({@link Scores} makes a fresh one per call); instances are not
 * thread-safe. Stateless scores ignore {@code observe}.
 */
public interface Score {

    /** The name a script uses, e.g. {@code magnitude}. */
    String name();

    /** The criterion as a script writes it, with its variant if any, e.g. {@code gradient mean 8}. */
    default String describe() {
        return name();
    }

    /**
     * Whether the score reads raw loss gradients: {@link TensorState#gradients()} in
     * {@link #compute}, or, for a score that {@link #observesEveryStep()}, in {@link #observe}.
     */
    boolean needsGradient();

    /**
     * What the criterion carries from step to step, as named arrays, so that a checkpoint can keep
     * it and a resumed run rank exactly as the uninterrupted one; empty for stateless criteria.
     */
    default java.util.Map<String, double[]> state() {
        return java.util.Map.of();
    }

    /** Puts back what {@link #state()} returned. */
    default void restore(java.util.Map<String, double[]> state) {
    }

    /** A new array of {@code t.size()} scores, index i scoring element i in C order. */
    float[] compute(TensorState t);

    /**
     * For a score that is the absolute value of an array the tensor already holds
     * ({@code compute(t)[i] == |a[i]|}): that array, not copied, checked as {@link #compute} checks
     * its inputs. Selection then ranks it directly instead of allocating and filling a copy of every
     * tensor per stage. Null (the default) for every other score.
     */
    default float[] absoluteOf(TensorState t) {
        return null;
    }

    /** Whether {@link #observe} must be called at every optimizer step, not only at pruning steps. */
    default boolean observesEveryStep() {
        return false;
    }

    /**
     * Records one optimizer step of tensor {@code t}: its weights and the raw gradient of that
     * step's mini-batch (before momentum and weight decay). Called once per step per prunable
     * tensor, in step order, and before {@link #compute} on a pruning step. The weights should be
     * the ones the gradient was computed at, i.e. before the step's update. The arrays are not
     * kept: a score copies what it needs.
     */
    default void observe(TensorState t) {
    }
}
