package org.prunesh.shell;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code prune-sh compare} and {@code plot} on literal run directories; no Session is made. */
class ResultsCommandsTest {

    @TempDir
    Path dir;

    private Path runs;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        Main main = new Main((config, listener) -> {
            throw new IllegalStateException("no session in this test");
        }, false);
        return Main.commandLine(main, new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private static String config(String name, long seed, String selection) {
        return """
                {"name":"%s","seed":%d,"model":{"kind":"mlp"},"train":{"epochs":2},
                 "schedule":{"kind":"cubic","to":0.9},"scheduleWritten":"cubic from 0 to 0.9",
                 "clock":{"stepsPerEpoch":4,"totalSteps":8},
                 "pruningSteps":[{"step":2,"epoch":0.5,"target":0.5},{"step":4,"epoch":1.0,"target":0.9}],
                 "selection":"%s","provenance":{"java":"17"},"replay":{"ordinal":%d}}
                """.formatted(name, seed, selection, seed);
    }

    private static String summary(double accuracy, double loss, double seconds) {
        return """
                {"testAccuracy":%s,"testLoss":%s,"sparsityPrunable":0.9,"sparsityAll":0.8,"wallSeconds":%s,
                 "cancelled":false,"epochsCompleted":2,
                 "layers":[{"name":"fc1.weight","shape":"4x10","total":40,"active":4,"prunable":true},
                           {"name":"fc1.bias","shape":"10","total":10,"active":10,"prunable":false}]}
                """.formatted(accuracy, loss, seconds);
    }

    private static final String METRICS = """
            {"epoch":1,"step":4,"trainLoss":1.2,"testLoss":1.0,"testAccuracy":0.6,"sparsity":0.9,"lr":0.1,"seconds":1.0}
            {"epoch":2,"step":8,"trainLoss":0.9,"testLoss":0.8,"testAccuracy":0.7,"sparsity":0.9,"lr":0.1,"seconds":2.0}
            """;

    private Path run(String dirName, String config, String summary) throws IOException {
        Path run = Files.createDirectories(runs.resolve(dirName));
        Files.writeString(run.resolve("config.json"), config);
        Files.writeString(run.resolve("metrics.jsonl"), METRICS);
        if (summary != null) Files.writeString(run.resolve("summary.json"), summary);
        return run;
    }

    @BeforeEach
    void writeRuns() throws IOException {
        runs = dir.resolve("runs");
        run("20261122-010001-fggp", config("fggp", 18, "gradient ratio 0.5 then magnitude"), summary(0.80, 0.5, 10));
        run("20261122-010002-fggp", config("fggp", 19, "gradient ratio 0.5 then magnitude"), summary(0.84, 0.4, 12));
        run("20261122-010003-gmp", config("gmp", 18, "magnitude"), summary(0.70, 0.7, 8));
        run("20261122-010004-gmp", config("gmp", 19, "magnitude"), summary(0.75, 0.6, 8));
    }

    @Test
    void compareShowsTheTableAndWritesCsvAndJsonBesideTheRuns() {
        assertEquals(0, execute("compare", runs.toString()), err.toString());
        // fggp 0.80, 0.84: 82.00% ± 2.83 (0.04/√2); gmp 0.70, 0.75: 72.50% ± 3.54 (0.05/√2).
        assertEquals(String.join(System.lineSeparator(),
                "4 runs in 2 configurations, best test_accuracy first",
                "configuration                                runs  test acc (mean ± std)  sparsity  (of all)   time",
                "selection=gradient ratio 0.5 then magnitude     2          82.00% ± 2.83    90.00%    80.00%  11.0s",
                "selection=magnitude                             2          72.50% ± 3.54    90.00%    80.00%   8.0s",
                "written to " + runs.resolve("comparison.csv") + " and " + runs.resolve("comparison.json"),
                "").replace(System.lineSeparator(), "\n"), out.toString().replace(System.lineSeparator(), "\n"));
        assertEquals("", err.toString());
        assertTrue(Files.isRegularFile(runs.resolve("comparison.csv")));
        assertTrue(Files.isRegularFile(runs.resolve("comparison.json")));
    }

    @Test
    void compareByLossPutsTheLowestFirstAndOutChoosesTheFolder() throws IOException {
        Path elsewhere = dir.resolve("tables");
        assertEquals(0, execute("compare", "--by", "test_loss", "--out", elsewhere.toString(),
                runs.resolve("20261122-010003-gmp").toString(), runs.resolve("20261122-010001-fggp").toString()));
        List<String> lines = out.toString().lines().toList();
        assertEquals("2 runs in 2 configurations, best test_loss first", lines.get(0));
        assertTrue(lines.get(2).startsWith("selection=gradient ratio 0.5 then magnitude"), lines.get(2));
        assertEquals(3, Files.readAllLines(elsewhere.resolve("comparison.csv")).size());
        assertTrue(Files.notExists(runs.resolve("comparison.csv")));
    }

    @Test
    void withoutPathsTheRunsDirectoryIsCompared() {
        assertEquals(0, execute("--runs-dir", runs.toString(), "compare"), err.toString());
        assertTrue(out.toString().startsWith("4 runs in 2 configurations"), out.toString());
    }

    @Test
    void anUnknownMetricIsAUsageError() {
        assertEquals(64, execute("compare", "--by", "accuracy", runs.toString()));
        assertEquals("prune-sh: unknown metric 'accuracy'; expected one of: test_accuracy, test_loss, sparsity, "
                + "sparsity_all, wall_time, flops", err.toString().strip());
        assertEquals("", out.toString());
    }

    @Test
    void aPathThatHoldsNoRunExitsWith66() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(66, execute("compare", empty.toString()));
        assertEquals("prune-sh: " + empty + ": neither a run directory (no config.json) nor a folder of runs",
                err.toString().strip());
        assertEquals(66, execute("plot", dir.resolve("missing").toString()));
        assertTrue(err.toString().strip().endsWith(dir.resolve("missing") + ": no such directory"), err.toString());
    }

    @Test
    void plotWritesEachRunsPlotsBesideItAndTheCrossRunPlotBesideTheRuns() throws IOException {
        assertEquals(0, execute("plot", runs.toString()), err.toString());
        List<String> expected = new java.util.ArrayList<>();
        for (String run : List.of("20261122-010001-fggp", "20261122-010002-fggp", "20261122-010003-gmp",
                "20261122-010004-gmp")) {
            for (String file : List.of("schedule.png", "training.png", "layers.png")) {
                expected.add(runs.resolve(run).resolve("plots").resolve(file).toString());
            }
        }
        expected.add(runs.resolve("plots").resolve("accuracy-vs-sparsity.png").toString());
        assertEquals(expected, out.toString().lines().toList());
        assertEquals("", err.toString());
        for (String png : expected) assertPng(Path.of(png));
        // The plots folder beside the runs is not taken for a run next time.
        assertEquals(0, execute("compare", runs.toString()), err.toString());
    }

    @Test
    void plotOfAnInterruptedRunSaysWhatIsMissing() throws IOException {
        Path killed = run("20261122-010005-killed", config("killed", 20, "random"), null);
        Path plots = dir.resolve("plots");
        assertEquals(0, execute("plot", "--out", plots.toString(), killed.toString()));
        assertEquals(List.of(plots.resolve("20261122-010005-killed/schedule.png").toString(),
                plots.resolve("20261122-010005-killed/training.png").toString()), out.toString().lines().toList());
        assertEquals("prune-sh: 20261122-010005-killed: no per-layer plot: the counts are in summary.json, "
                + "written when a run ends", err.toString().strip());
    }

    private static void assertPng(Path file) throws IOException {
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, file.toString());
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(800, image.getWidth(), file.toString());
        assertEquals(500, image.getHeight(), file.toString());
    }
}
