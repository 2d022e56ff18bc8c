package org.prunesh.shell;

import org.prunesh.ops.train.TrainingProgress;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Progress for a log file or pipe: one line per epoch, showing the last snapshot of that epoch,
 * so that a batch run's output stays readable.
 */
public final class EpochProgress implements ProgressView {

    private final PrintWriter out;
    private TrainingProgress last;

    public EpochProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void update(TrainingProgress progress) {
        if (last != null && (last.epoch() != progress.epoch() || !Objects.equals(last.run(), progress.run()))) {
            print(last);
        }
        last = progress;
    }

    @Override
    public synchronized void finish() {
        if (last != null) {
            print(last);
            last = null;
        }
    }

    private void print(TrainingProgress progress) {
        out.println(ProgressFormat.line(progress));
        out.flush();
    }
}
