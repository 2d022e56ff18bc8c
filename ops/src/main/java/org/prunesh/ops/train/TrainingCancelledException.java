package org.prunesh.ops.train;

/**
 * Thrown by an observer to end training at once (as a kill would); the finished epochs are kept.
 * A run cancelled through the trainer's cancel flag stops between steps instead, checkpointed there.
 */
public final class TrainingCancelledException extends RuntimeException {
    public TrainingCancelledException() {
        super("training cancelled");
    }
}
