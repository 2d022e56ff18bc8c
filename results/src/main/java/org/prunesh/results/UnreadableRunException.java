package org.prunesh.results;

import java.io.IOException;
import java.nio.file.Path;

/** A directory that is not a run, or a run file that is not what the run writer writes. */
public final class UnreadableRunException extends IOException {

    private final Path path;

    public UnreadableRunException(Path path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    public UnreadableRunException(Path path, String message, Throwable cause) {
        super(path + ": " + message, cause);
        this.path = path;
    }

    /** The directory or file at fault. */
    public Path path() {
        return path;
    }
}
