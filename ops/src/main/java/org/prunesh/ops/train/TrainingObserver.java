package org.prunesh.ops.train;

/** Receives what a training run reports; implementations must not block for long. */
public interface TrainingObserver {

    void progress(TrainingProgress progress);

    /** Called after each epoch's evaluation; a run directory persists it here. */
    void epochFinished(EpochMetrics metrics);

    TrainingObserver NONE = new TrainingObserver() {
        @Override public void progress(TrainingProgress progress) { }
        @Override public void epochFinished(EpochMetrics metrics) { }
    };
}
