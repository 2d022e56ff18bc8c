package org.prunesh.shell;

import org.prunesh.interpreter.SessionListener;
import org.prunesh.ops.train.TrainingProgress;

import java.io.PrintWriter;

/**
 * Renders what a Session reports: output blocks as they are, progress through a {@link ProgressView}
 * that is ended before any block so the two never share a line.
 */
public final class ShellListener implements SessionListener {

    private final PrintWriter out;
    private final ProgressView progress;

    public ShellListener(PrintWriter out, ProgressView progress) {
        this.out = out;
        this.progress = progress;
    }

    @Override
    public synchronized void output(String text) {
        progress.finish();
        out.print(text);
        if (!text.endsWith("\n")) {
            out.print('\n');
        }
        out.flush();
    }

    @Override
    public synchronized void progress(TrainingProgress snapshot) {
        progress.update(snapshot);
    }

    /** Called when an evaluation ends: the last progress line is completed. */
    public synchronized void finish() {
        progress.finish();
    }
}
