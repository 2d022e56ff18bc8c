package org.prunesh.interpreter;

import java.nio.file.Path;

/**
 * Where a Session reads and writes.
 *
 * @param runsDir  parent of every run directory ({@code runs/<time>-<name>/})
 * @param baseDir  directory against which relative paths in a script (data paths) resolve
 * @param verbose  pass ND4J's own logging through instead of keeping it off the terminal
 */
public record SessionConfig(Path runsDir, Path baseDir, boolean verbose) {

    public static SessionConfig inWorkingDirectory() {
        Path cwd = Path.of("").toAbsolutePath();
        return new SessionConfig(cwd.resolve("runs"), cwd, false);
    }
}
