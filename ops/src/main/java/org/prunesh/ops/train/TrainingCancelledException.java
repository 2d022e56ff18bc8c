package org.prunesh.ops.train;

/** Thrown out of a training step when the user asked to stop; the finished epochs are kept. */
public final class TrainingCancelledException extends RuntimeException {
    public TrainingCancelledException() {
        super("training cancelled");
    }
}
