package org.prunesh.ops.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A training observer that writes every checkpoint to one file, as a run directory does; for the resume tests. */
final class CheckpointFileObserver implements TrainingObserver {

    private final Path file;
    private final boolean stopAfterWrite;

    private CheckpointFileObserver(Path file, boolean stopAfterWrite) {
        this.file = file;
        this.stopAfterWrite = stopAfterWrite;
    }

    /** Keeps the latest checkpoint in {@code file}. */
    static TrainingObserver writingTo(Path file) {
        return new CheckpointFileObserver(file, false);
    }

    /** Writes the first checkpoint to {@code file}, then stops the run as a kill right after it would. */
    static TrainingObserver stoppingAfterFirst(Path file) {
        return new CheckpointFileObserver(file, true);
    }

    @Override public void progress(TrainingProgress p) { }
    @Override public void epochFinished(EpochMetrics m) { }
    @Override public boolean wantsCheckpoints() { return true; }

    @Override
    public void checkpoint(Checkpoint c) {
        try {
            c.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (stopAfterWrite) throw new TrainingCancelledException();
    }
}
