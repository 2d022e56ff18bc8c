package org.prunesh.interpreter.exec;

import org.prunesh.ops.run.RunDirectory;
import org.prunesh.ops.train.Divergence;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run that stopped on a non-finite loss or weight. Outside a sweep it ends the script
 * ({@code prune-sh run} exits 70); inside one it is reported and the sweep goes on.
 */
final class DivergedRun extends RuntimeException {

    DivergedRun(String message) {
        super(message, null, false, false);
    }

    /** What the user reads: the run, the divergence with its hint, and what the directory keeps. */
    static String message(String name, Path dir, Divergence d) {
        boolean checkpoint = Files.exists(dir.resolve(RunDirectory.CHECKPOINT));
        return "run '" + name + "' " + d.message() + "; " + dir + (checkpoint
                ? " keeps the checkpoint of epoch " + (d.epoch() - 1) + ", the last good state"
                : " has no checkpoint: no epoch finished before it");
    }
}
