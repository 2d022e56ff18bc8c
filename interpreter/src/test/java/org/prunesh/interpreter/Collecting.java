package org.prunesh.interpreter;

import org.prunesh.ops.train.TrainingProgress;

import java.util.List;

/** Tests' session listener: every output text goes into a list; progress is ignored. */
final class Collecting {

    private Collecting() {
    }

    static SessionListener into(List<String> out) {
        return new SessionListener() {
            @Override public void output(String text) { out.add(text); }
            @Override public void progress(TrainingProgress progress) { }
        };
    }
}
