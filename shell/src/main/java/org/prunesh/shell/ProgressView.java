package org.prunesh.shell;

import org.prunesh.ops.train.TrainingProgress;

/** Where training progress is shown: a bar on a terminal, or a line per epoch in a log. */
public sealed interface ProgressView permits BarProgress, EpochProgress {

    /** A new snapshot; cheap, called at every training step. */
    void update(TrainingProgress progress);

    /** Shows the last snapshot if it is still unseen and ends the progress line, if any. */
    void finish();
}
