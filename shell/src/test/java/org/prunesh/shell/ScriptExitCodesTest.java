package org.prunesh.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.prunesh.interpreter.Session;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code prune-sh run} and {@code check} on small scripts, through the real interpreter. */
@Timeout(300)
class ScriptExitCodesTest {

    private static final String TINY = String.join("\n",
            "seed 18;",
            "data synthetic samples 256 test_samples 64 features 8 classes 4;",
            "model mlp hidden [16];",
            "train epochs 2 batch 64;",
            "schedule cubic from 0 to 0.5 start 0 steps end 6 steps every 1 steps;",
            "select magnitude;",
            "run \"tiny\";",
            "");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        Main main = new Main(Session::new, false);
        return Main.commandLine(main, new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    @Test
    void aGoodScriptRunsAndLogsOneProgressLinePerEpoch() throws Exception {
        Path script = Files.writeString(dir.resolve("tiny.prn"), TINY);
        assertEquals(0, execute("--runs-dir", dir.resolve("runs").toString(), "run", script.toString()), err.toString());
        assertEquals("", err.toString());
        // Not a terminal: no carriage returns, one line for each epoch.
        assertFalse(out.toString().contains("\r"), out.toString());
        List<String> progress = out.toString().lines().filter(line -> line.startsWith("[tiny] ")).toList();
        assertEquals(2, progress.size(), out.toString());
        assertTrue(progress.get(0).startsWith("[tiny] epoch 1/2  step "), out.toString());
        assertTrue(progress.get(1).startsWith("[tiny] epoch 2/2  step "), out.toString());
        assertEquals(1, Files.list(dir.resolve("runs")).count());
    }

    @Test
    void aScriptWithAnErrorExits65WithTheDiagnosticOnStderr() throws Exception {
        Path script = Files.writeString(dir.resolve("bad.prn"), "seed 18;\nselect gradnt;\n");
        assertEquals(65, execute("run", script.toString()));
        assertTrue(err.toString().startsWith(script + ":2:8: error: unknown score 'gradnt'"), err.toString());
        assertEquals("", out.toString());
        assertEquals(65, execute("check", script.toString()));
    }

    @Test
    void checkOfAGoodScriptTrainsNothingAndExits0() throws Exception {
        Path script = Files.writeString(dir.resolve("tiny.prn"), TINY);
        Path runs = dir.resolve("runs");
        assertEquals(0, execute("--runs-dir", runs.toString(), "check", script.toString()), err.toString());
        assertEquals("", err.toString());
        assertEquals("", out.toString());
        assertTrue(Files.notExists(runs) || Files.list(runs).findAny().isEmpty());
    }

    @Test
    void onlyRunsTheNamedCellsAndAMalformedOrUnknownSelectionExitsBeforeTraining() throws Exception {
        Path script = Files.writeString(dir.resolve("sweep.prn"), TINY.replace("run \"tiny\";",
                "sweep seed in [1, 2, 3] { run \"tiny\"; }"));
        Path runs = dir.resolve("runs");
        assertEquals(64, execute("--runs-dir", runs.toString(), "run", "--only", "seed", script.toString()));
        assertEquals("prune-sh: --only 'seed': expected VARIABLE=VALUE[,VALUE...], for example method=fggp,gmp_global\n",
                err.toString());
        assertEquals(65, execute("--runs-dir", runs.toString(), "run", "--only", "seed=4", script.toString()));
        assertTrue(err.toString().contains(script + ":7:1: error: --only seed=4: the sweep's seed takes 1, 2, 3"),
                err.toString());
        assertTrue(Files.notExists(runs) || Files.list(runs).findAny().isEmpty());

        assertEquals(0, execute("--runs-dir", runs.toString(), "run", "--only", "seed=1,3", script.toString()),
                err.toString());
        assertEquals(List.of("tiny-seed-1", "tiny-seed-3"), Files.list(runs).filter(Files::isDirectory)
                .map(p -> p.getFileName().toString()).map(n -> n.substring(n.indexOf("tiny-"))).sorted().toList());
    }
}
