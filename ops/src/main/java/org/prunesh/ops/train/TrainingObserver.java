package org.prunesh.ops.train;

/** Receives what a training run reports; implementations must not block for long. */
public interface TrainingObserver {

    void progress(TrainingProgress progress);

    /** Called after each epoch's evaluation; a run directory persists it here. */
    void epochFinished(EpochMetrics metrics);

    /** Whether {@link #checkpoint} should be called after each epoch (capturing costs a copy of the state). */
    default boolean wantsCheckpoints() {
        return false;
    }

    /** The state after an epoch, for a run directory to persist; called after {@link #epochFinished}. */
    default void checkpoint(Checkpoint checkpoint) {
    }

    TrainingObserver NONE = new TrainingObserver() {
        @Override public void progress(TrainingProgress progress) { }
        @Override public void epochFinished(EpochMetrics metrics) { }
    };
}
