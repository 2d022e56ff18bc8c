package org.prunesh.interpreter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunesh.ops.run.Tmpfs;
import org.prunesh.ops.train.TrainingProgress;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A read-only or full runs directory ends the script with a clear error and leaves no partial run. */
class RunDirectoryFaultsRunTest {

    private static final String SMALL = "data synthetic samples 256 test_samples 64 features 8 classes 4;\n"
            + "model mlp hidden [16];\ntrain epochs 2 batch 64;\nrun \"r\";\n";

    @TempDir
    Path dir;

    private Evaluation run(Path runs, String script, SessionListener listener) {
        return new Session(new SessionConfig(runs, dir, false), listener).evaluate(script, "s.prn");
    }

    private static List<String> messages(Evaluation e) {
        return e.diagnostics().stream().map(d -> d.message()).toList();
    }

    @Test
    void aReadOnlyRunsDirectory() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        try (Tmpfs ro = Tmpfs.mount(runs, "ro,size=1m")) {
            Evaluation e = run(runs, SMALL, SessionListener.SILENT);
            assertEquals(Outcome.RUNTIME_ERROR, e.outcome());
            assertEquals(List.of("failed: cannot create a run directory in " + runs + ": Read-only file system"),
                    messages(e));
            assertEquals(0, count(runs));
        }
    }

    @Test
    void aModelWhoseCheckpointCannotFitFailsBeforeTraining() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        try (Tmpfs disk = Tmpfs.mount(runs, "size=2m")) {
            // 256·512 + 512 + 512·4 + 4 = 134,148 parameters: weights, momentum and masks, twice, over 3 MB
            Evaluation e = run(runs, "data synthetic samples 256 test_samples 64 features 256 classes 4;\n"
                    + "model mlp hidden [512];\ntrain epochs 1 batch 64;\nrun \"big\";\n", SessionListener.SILENT);
            assertEquals(Outcome.RUNTIME_ERROR, e.outcome());
            assertEquals(List.of("failed: not enough space for a run in " + runs + ": 2.0 MB free, a checkpoint of this"
                    + " model (kept while its successor is written) needs about 3.3 MB"), messages(e));
            assertEquals(0, count(runs));
        }
    }

    @Test
    void aDiskThatFillsDuringTheRunRemovesTheIncompleteDirectory() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        try (Tmpfs disk = Tmpfs.mount(runs, "size=2m")) {
            boolean[] filled = {false};
            SessionListener filler = new SessionListener() {
                @Override public void output(String text) { }

                @Override
                public void progress(TrainingProgress p) {
                    if (!filled[0]) filled[0] = fill(runs.resolve("filler"));
                }
            };
            Evaluation e = run(runs, SMALL, filler);
            assertEquals(Outcome.RUNTIME_ERROR, e.outcome());
            String message = messages(e).get(0);
            assertEquals(true, message.startsWith("failed: cannot append to " + runs), message);
            assertEquals(true, message.endsWith("/metrics.jsonl: No space left on device; the incomplete run directory"
                    + " was removed"), message);
            try (Stream<Path> left = Files.list(runs)) {
                assertEquals(List.of(runs.resolve("filler")), left.toList());
            }
        }
    }

    /** Writes until the file system is full; true when it is. */
    private static boolean fill(Path file) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) out.write(block);
        } catch (IOException full) {
            return true;
        }
    }

    private static long count(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }
}
