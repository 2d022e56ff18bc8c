package org.prunesh.ops.train;

/** Receives what a training run reports; implementations must not block for long. */
public interface TrainingObserver {

    void progress(TrainingProgress progress);

    /** Called after each epoch's evaluation; a run directory persists it here. */
    void epochFinished(EpochMetrics metrics);

    /**
     * Whether {@link #checkpoint} should be called after each epoch and when a cancelled run stops
     * (capturing costs a copy of the state).
     */
    default boolean wantsCheckpoints() {
        return false;
    }

    /**
     * The state after an epoch (called after {@link #epochFinished}) or, when the run was cancelled,
     * after the step it stopped at ({@link Checkpoint#inEpoch()} set), for a run directory to persist.
     */
    default void checkpoint(Checkpoint checkpoint) {
    }

    TrainingObserver NONE = new TrainingObserver() {
        @Override public void progress(TrainingProgress progress) { }
        @Override public void epochFinished(EpochMetrics metrics) { }
    };
}
