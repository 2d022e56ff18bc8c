package org.prunesh.interpreter.exec;

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
        boolean checkpoint = Files.exists(dir.resolve(RunExecutor.CHECKPOINT));
        return "run '" + name + "' " + d.message() + "; " + dir + (checkpoint
                ? " keeps the checkpoint of epoch " + (d.epoch() - 1) + ", the last good state"
                : " has no checkpoint: no epoch finished before it");
    }

    /** The {@code metrics.jsonl} line that marks where the run stopped (readers skip it as an epoch). */
    record Line(boolean diverged, int epoch, long step, String what, double lastFiniteLoss, long lastFiniteStep,
                double lr, String message) {

        static Line of(Divergence d) {
            return new Line(true, d.epoch(), d.step(), d.what(), d.lastFiniteLoss(), d.lastFiniteStep(), d.lr(),
                    d.message());
        }
    }
}
