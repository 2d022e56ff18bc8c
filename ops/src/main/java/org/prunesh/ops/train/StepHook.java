package org.prunesh.ops.train;

import java.util.Map;

/**
 * Work the trainer does before each optimizer step's forward pass, such as choosing the subnets
 * that stimulative training trains on this step. Its state goes into every checkpoint so that a
 * resumed run continues exactly.
 */
public interface StepHook {

    /** @param step the optimizer step about to run, from 0 */
    void beforeStep(long step, long totalSteps);

    /**
     * Whether {@link #beforeStep} reads weights by index at {@code step}: the trainer then puts them
     * plain first ({@link LayoutWindow}). True unless the hook knows better.
     */
    default boolean readsWeightsAt(long step) {
        return true;
    }

    /** State to checkpoint; keys must not collide with pruning criteria (prefix them). */
    Map<String, double[]> state();

    /** Restores what {@link #state()} returned; entries of other owners are ignored. */
    void restore(Map<String, double[]> saved);
}
