package org.prunesh.interpreter.exec;

import org.prunesh.interpreter.ast.Str;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a script may write: inside the runs directory, and inside directories the user named on
 * the command line ({@code --allow-write}). A shared script can therefore not overwrite anything
 * else; the language has no statement that runs a program. Relative paths resolve against the runs
 * directory.
 */
final class WritePolicy {

    private final Path runsDir;
    private final List<Path> roots = new ArrayList<>();

    WritePolicy(Path runsDir, List<Path> writable) {
        this.runsDir = runsDir.toAbsolutePath().normalize();
        roots.add(this.runsDir);
        for (Path p : writable) roots.add(p.toAbsolutePath().normalize());
    }

    Path resolve(Str path, String what) throws StatementError {
        Path target = runsDir.resolve(path.value()).toAbsolutePath().normalize();
        for (Path root : roots) {
            if (target.startsWith(root) && !target.equals(root)) return target;
        }
        throw new StatementError(path.span(), what + " may write only inside the runs directory (" + runsDir
                + ") or a directory given with --allow-write; \"" + path.value() + "\" is " + target);
    }
}
