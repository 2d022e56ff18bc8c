package org.prunesh.interpreter;

import org.prunesh.ops.train.TrainingProgress;

/** Where a Session sends what the user should see; the shell decides how to render it. */
public interface SessionListener {

    /** A block of text produced by a statement (a table, a schedule listing, a run summary). */
    void output(String text);

    /** Called often during training; must be cheap. */
    void progress(TrainingProgress progress);

    SessionListener SILENT = new SessionListener() {
        @Override public void output(String text) { }
        @Override public void progress(TrainingProgress progress) { }
    };
}
