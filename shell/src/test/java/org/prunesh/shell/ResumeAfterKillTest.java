package org.prunesh.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.prunesh.interpreter.Session;
import org.prunesh.ops.train.Checkpoint;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run killed with SIGKILL in a separate JVM after some epochs, then {@code prune-sh resume}d,
 * ends with the same weights and masks as the same run never interrupted.
 */
@Timeout(300)
class ResumeAfterKillTest {

    private static final String SCRIPT = String.join("\n",
            "seed 3;",
            "data synthetic samples 4000 test_samples 200 features 16 classes 4 noise 2.0;",
            "model mlp hidden [32, 16];",
            "train epochs 24 batch 50 optimizer sgd lr 0.05 momentum 0.9 nesterov weight_decay 1e-3;",
            "schedule cubic from 0 to 0.8 start 1 epoch end 50% every 20 steps;",
            "select gradient ratio 0.5 then magnitude;",
            "run \"long\";",
            "");

    @TempDir
    Path dir;

    @Test
    void aKilledRunResumedEqualsTheUninterruptedRun() throws Exception {
        Path script = Files.writeString(dir.resolve("long.prn"), SCRIPT);

        Path straightRuns = dir.resolve("straight");
        assertEquals(0, execute("--runs-dir", straightRuns.toString(), "run", script.toString()), err.toString());
        Checkpoint straight = Checkpoint.read(onlyRun(straightRuns).resolve("checkpoint.bin"));

        Path killedRuns = dir.resolve("killed");
        Process p = new ProcessBuilder(javaCommand("--runs-dir", killedRuns.toString(), "run", script.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path runDir = null;
        while (p.isAlive()) {
            if (runDir == null && Files.isDirectory(killedRuns)) runDir = firstRun(killedRuns);
            if (runDir != null && Files.exists(runDir.resolve("checkpoint.bin"))
                    && Checkpoint.read(runDir.resolve("checkpoint.bin")).epochsDone() >= 2) {
                p.destroyForcibly();    // SIGKILL: no shutdown hooks, no flushing
                break;
            }
            Thread.sleep(20);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(runDir != null, Files.readString(dir.resolve("child.log")));
        assertFalse(Files.exists(runDir.resolve("summary.json")), "the run finished before it could be killed");
        int done = Checkpoint.read(runDir.resolve("checkpoint.bin")).epochsDone();
        assertTrue(done < 24);

        assertEquals(0, execute("resume", runDir.toString()), err.toString());
        Checkpoint resumed = Checkpoint.read(runDir.resolve("checkpoint.bin"));

        assertEquals(24, resumed.epochsDone());
        assertEquals(straight.step(), resumed.step());
        assertEquals(straight.variables().keySet(), resumed.variables().keySet());
        for (Map.Entry<String, INDArray> e : straight.variables().entrySet()) {
            double diff = e.getValue().sub(resumed.variables().get(e.getKey())).amaxNumber().doubleValue();
            assertEquals(0, diff, 1e-6, e.getKey());
        }
        for (Map.Entry<String, INDArray> e : straight.masks().entrySet()) {
            assertEquals(e.getValue(), resumed.masks().get(e.getKey()), e.getKey());
        }
        // metrics.jsonl holds each epoch once: the interrupted epoch was dropped and redone
        assertEquals(24, Files.readAllLines(runDir.resolve("metrics.jsonl")).size());
        assertTrue(Files.exists(runDir.resolve("summary.json")));
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        Main main = new Main(Session::new, false);
        return Main.commandLine(main, new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    /** The same JVM, class path and native cache as this test, running the shell's main. */
    static List<String> javaCommand(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) cmd.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static Path onlyRun(Path runs) throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static Path firstRun(Path runs) throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            return s.findFirst().orElse(null);
        }
    }
}
