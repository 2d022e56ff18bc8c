package org.prunesh.interpreter;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a Session reads and writes.
 *
 * @param runsDir  parent of every run directory ({@code runs/<time>-<name>/})
 * @param baseDir  directory against which relative paths in a script (data paths) resolve
 * @param verbose  pass ND4J's own logging through instead of keeping it off the terminal
 * @param writable directories besides {@code runsDir} that a script may write into (named by the
 *                 user on the command line); a script writes nowhere else
 * @param cells    the cells of a sweep to carry out ({@code --only}); the others are passed over
 * @param reuse    take a finished run of the same name and configuration from disk outside sweeps
 *                 too ({@code run --reuse}: analyse trained networks again without training them);
 *                 inside a sweep this always happens
 */
public record SessionConfig(Path runsDir, Path baseDir, boolean verbose, List<Path> writable, CellFilter cells,
                            boolean reuse) {

    public SessionConfig {
        writable = List.copyOf(writable);
    }

    /** Reuses finished runs only inside sweeps. */
    public SessionConfig(Path runsDir, Path baseDir, boolean verbose, List<Path> writable, CellFilter cells) {
        this(runsDir, baseDir, verbose, writable, cells, false);
    }

    /** Every cell of every sweep. */
    public SessionConfig(Path runsDir, Path baseDir, boolean verbose, List<Path> writable) {
        this(runsDir, baseDir, verbose, writable, CellFilter.ALL);
    }

    /** Writes only inside the runs directory. */
    public SessionConfig(Path runsDir, Path baseDir, boolean verbose) {
        this(runsDir, baseDir, verbose, List.of());
    }

    public static SessionConfig inWorkingDirectory() {
        Path cwd = Path.of("").toAbsolutePath();
        return new SessionConfig(cwd.resolve("runs"), cwd, false);
    }
}
