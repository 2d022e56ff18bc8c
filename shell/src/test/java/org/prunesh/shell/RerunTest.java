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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code prune-sh rerun}: a run directory's recorded script printed, and run again to the same result. */
@Timeout(300)
class RerunTest {

    private static final String TINY = String.join("\n",
            "seed 4;",
            "data synthetic samples 256 test_samples 64 features 8 classes 4;",
            "model mlp hidden [16];",
            "train epochs 2 batch 64;",
            "schedule cubic from 0 to 0.5 start 0 steps end 6 steps every 1 steps;",
            "run \"tiny\";",
            "");

    @TempDir
    Path dir;

    private int execute(StringWriter out, String... args) {
        Main main = new Main(Session::new, false);
        return Main.commandLine(main, new PrintWriter(out), new PrintWriter(new StringWriter())).execute(args);
    }

    @Test
    void printsTheRecordedScriptAndRunsItAgainToTheSameSummary() throws Exception {
        Path script = Files.writeString(dir.resolve("tiny.prn"), TINY);
        Path runs = dir.resolve("runs");
        assertEquals(0, execute(new StringWriter(), "--runs-dir", runs.toString(), "run", script.toString()));
        Path first = runDirs(runs).get(0);

        StringWriter printed = new StringWriter();
        assertEquals(0, execute(printed, "rerun", "--print", first.toString()));
        assertEquals(TINY, printed.toString());

        Path again = dir.resolve("again");
        assertEquals(0, execute(new StringWriter(), "--runs-dir", again.toString(), "rerun", first.toString()));
        Path second = runDirs(again).get(0);
        // same script and seed: the same numbers (the wall time aside)
        assertEquals(withoutTime(Files.readString(first.resolve("summary.json"))),
                withoutTime(Files.readString(second.resolve("summary.json"))));
    }

    private static String withoutTime(String summary) {
        return summary.replaceAll("\"wallSeconds\" : [0-9.eE-]+", "");
    }

    private static List<Path> runDirs(Path runs) throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            return s.sorted().toList();
        }
    }
}
