package org.prunesh.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scripts in examples/ are end-to-end tests: every one must pass the checks, the quickstart runs
 * as shipped, and the longer ones run with their data and epochs cut down by text substitution, so
 * every statement they contain is executed.
 */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path runs;

    @TestFactory
    Stream<DynamicTest> everyExamplePassesTheChecks() throws IOException {
        List<Path> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            files.filter(p -> p.toString().endsWith(".prn")).sorted().forEach(scripts::add);
        }
        assertTrue(scripts.size() >= 2, "examples found: " + scripts);
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            Evaluation e = session().check(Files.readString(p), p.toString());
            assertEquals(Outcome.OK, e.outcome(), e.rendered());
        }));
    }

    @Test
    void quickstartEndsAtExactlyNinetyPercentAndLearns() throws IOException {
        Evaluation e = run("quickstart.prn", source -> source);
        assertEquals(Outcome.OK, e.outcome(), e.rendered());
        JsonNode summary = summary("quickstart-fggp-90");
        long prunable = summary.get("paramsPrunable").asLong();
        // exact to the weight: round(0.9 N) pruned
        assertEquals(prunable - Math.round(0.9 * prunable), summary.get("paramsPrunableActive").asLong());
        assertTrue(summary.get("testAccuracy").asDouble() > 0.5, "chance is 0.25: " + summary);
    }

    @Test
    void fashionFggpRunsEveryStatementOnACutDownBudget() throws IOException {
        assumeTrue(Files.isDirectory(FASHION), "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        Evaluation e = run("fashion-fggp.prn", ExamplesTest::cutDown);
        assertEquals(Outcome.OK, e.outcome(), e.rendered());
        assertEquals(0.0, summary("lenet5-dense").get("sparsityPrunable").asDouble(), 0.0);
        for (String[] run : new String[][]{{"lenet5-fggp-90", "0.9"}, {"lenet5-fggp-95", "0.95"}}) {
            JsonNode s = summary(run[0]);
            long prunable = s.get("paramsPrunable").asLong();
            assertEquals(prunable - Math.round(Double.parseDouble(run[1]) * prunable),
                    s.get("paramsPrunableActive").asLong(), run[0]);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyOtherFashionExampleRunsOnACutDownBudget() throws IOException {
        List<Path> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            files.filter(p -> p.toString().endsWith(".prn")).sorted().forEach(scripts::add);
        }
        return scripts.stream()
                .filter(p -> !p.getFileName().toString().equals("fashion-fggp.prn"))
                .filter(p -> read(p).contains("data fashion-mnist"))
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    assumeTrue(Files.isDirectory(FASHION), "Fashion-MNIST is not installed");
                    Evaluation e = run(p.getFileName().toString(), ExamplesTest::cutDown);
                    assertEquals(Outcome.OK, e.outcome(), e.rendered());
                    try (Stream<Path> dirs = Files.list(runs)) {
                        List<Path> all = dirs.filter(Files::isDirectory)
                                .filter(d -> !d.getFileName().toString().equals("saved")).toList();
                        assertTrue(!all.isEmpty(), "no runs");
                        for (Path dir : all) {
                            JsonNode s = JSON.readTree(dir.resolve("summary.json").toFile());
                            if (s.has("macs_fraction")) {
                                // A network cut from a run, evaluated once: an STP subnet within the
                                // script's FLOPs budget, a channel cut smaller than the run it came from.
                                double fraction = s.get("macs_fraction").asDouble();
                                assertTrue(s.has("budget") ? fraction <= s.get("budget").asDouble() : fraction < 1,
                                        dir.toString());
                                assertTrue(s.get("test_accuracy").asDouble() >= 0, dir.toString());
                            } else {
                                assertEquals(2, s.get("epochsCompleted").asInt(), dir.toString());
                            }
                        }
                    }
                }));
    }

    /**
     * The same script on 1,024 training images (256 of them held out when the script holds some
     * out) for 2 epochs, with subnet searches cut to a few candidates and sweeps to their first cells.
     */
    private static String cutDown(String source) {
        assertTrue(source.contains("data fashion-mnist"), "the example no longer reads Fashion-MNIST");
        String holdout = source.matches("(?s).*data fashion-mnist[^;]*holdout.*") ? " holdout 256" : "";
        String data = source.replaceAll("data fashion-mnist[^;]*;", "data fashion-mnist limit 1024 test_limit 256" + holdout + ";");
        assertTrue(data.matches("(?s).*\\bepochs \\d+.*"), "no epochs in the example");
        // a sweep keeps its first two values of each variable and one seed: its first cells run
        String sweeps = data.replaceAll("\\bseed in \\[([^,\\]]+)[^\\]]*\\]", "seed in [$1]")
                .replaceAll("\\b(\\w+) in \\[\\s*([^,\\]]+),\\s*([^,\\]]+)(,[^\\]]*)?\\]", "$1 in [$2, $3]");
        return sweeps.replaceAll("\\bepochs \\d+", "epochs 2").replaceAll("\\bpopulation \\d+", "population 4")
                .replaceAll("\\bgenerations \\d+", "generations 2").replaceAll("\\bsamples \\d+", "samples 6")
                .replaceAll("\\bcalibration \\d+", "calibration 2");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Evaluation run(String example, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path file = EXAMPLES.resolve(example);
        return session().evaluate(edit.apply(Files.readString(file)), file.toString());
    }

    private Session session() {
        return new Session(new SessionConfig(runs, EXAMPLES, false), SessionListener.SILENT);
    }

    private JsonNode summary(String runName) throws IOException {
        try (Stream<Path> dirs = Files.list(runs)) {
            Path dir = dirs.filter(d -> d.getFileName().toString().endsWith("-" + runName)).findFirst()
                    .orElseThrow(() -> new AssertionError("no run directory for " + runName + " in " + runs));
            return JSON.readTree(dir.resolve("summary.json").toFile());
        }
    }
}
