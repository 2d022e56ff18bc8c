package org.prunesh.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sweep}: the cross product runs, each run named by its combination; a restart reuses finished runs. */
class SweepTest {

    private static final String SCRIPT = String.join("\n",
            "data synthetic samples 256 test_samples 64 features 8 classes 4;",
            "model mlp hidden [16];",
            "train epochs 2 batch 64 lr 0.05;",
            "schedule cubic from 0 to 0.5 start 0 steps end 6 steps every 2 steps;",
            "let fggp = select gradient ratio 0.5 then magnitude;",
            "sweep method in [fggp, magnitude], ranking in [global, layerwise], seed in [1, 2] {",
            "  select method;",
            "  scope ranking;",
            "  run \"t\";",
            "}",
            "report runs;",
            "report compare by test_accuracy against fggp;",
            "");

    @TempDir
    Path dir;

    @Test
    void runsTheCrossProductAndARestartTrainsOnlyTheMissingRuns() throws IOException {
        List<String> out = new ArrayList<>();
        Session first = session(out);
        assertEquals(Outcome.OK, first.evaluate(SCRIPT, "s.prn").outcome());
        List<Path> runs = runDirs();
        assertEquals(8, runs.size());
        assertTrue(runs.stream().anyMatch(p -> p.getFileName().toString()
                .endsWith("-t-method-fggp-ranking-layerwise-seed-2")), runs.toString());
        JsonNode config = new ObjectMapper().readTree(
                runs.stream().filter(p -> p.toString().endsWith("-t-method-magnitude-ranking-global-seed-2")).findFirst()
                        .orElseThrow().resolve("config.json").toFile());
        assertEquals(2, config.get("seed").asInt());
        assertEquals("magnitude", config.get("selection").asText());
        assertEquals("global", config.get("scope").asText());
        assertTrue(String.join("", out).contains("t[method=fggp,ranking=layerwise,seed=2]"), String.join("", out));
        compareMatchesTheSummaries(runs);
        pairedMatchesTheSummaries();

        // an interruption after five runs: the last three never finished
        for (Path p : runs.subList(5, 8)) Files.delete(p.resolve("summary.json"));
        List<String> again = new ArrayList<>();
        assertEquals(Outcome.OK, session(again).evaluate(SCRIPT, "s.prn").outcome());
        long reused = again.stream().filter(line -> line.contains("finished before")).count();
        assertEquals(5, reused, String.join("", again));
        assertEquals(11, runDirs().size());
    }

    @Test
    void aSweepOverANonNameOrANestedSweepIsAScriptError() {
        Evaluation e = session(new ArrayList<>()).check(String.join("\n",
                "sweep rate in [0.1, 0.2] { run; }",
                "sweep seed in [1, x] { sweep a in [b] { run; } }", ""), "s.prn");
        assertEquals(Outcome.SCRIPT_ERROR, e.outcome());
        assertEquals(List.of(
                "s.prn:1:16: error: sweep variable 'rate' takes names (of definitions, scores, scopes, models...), "
                        + "found '0.1'; only 'seed' takes numbers",
                "s.prn:1:21: error: sweep variable 'rate' takes names (of definitions, scores, scopes, models...), "
                        + "found '0.2'; only 'seed' takes numbers",
                "s.prn:2:19: error: seed takes whole numbers, found 'x'",
                "s.prn:2:24: error: sweeps do not nest: give the inner sweep's variables to the outer one"),
                e.diagnostics().stream().map(d -> d.span().source() + ":" + d.span().line() + ":"
                        + d.span().column() + ": error: " + d.message()).toList());
    }

    /** comparison.json: 4 configurations of 2 seeds, mean and sample std recomputed from summary.json. */
    private void compareMatchesTheSummaries(List<Path> runs) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode doc = json.readTree(dir.resolve("runs").resolve("comparison.json").toFile());
        assertEquals(4, doc.get("configurations").size());
        for (JsonNode c : doc.get("configurations")) {
            List<Double> acc = new ArrayList<>();
            for (JsonNode r : c.get("runs")) {
                acc.add(json.readTree(dir.resolve("runs").resolve(r.get("directory").asText())
                        .resolve("summary.json").toFile()).get("testAccuracy").asDouble());
            }
            assertEquals(2, acc.size());
            double mean = (acc.get(0) + acc.get(1)) / 2;
            double std = Math.abs(acc.get(0) - acc.get(1)) / Math.sqrt(2);
            assertEquals(mean, c.get("test_accuracy").get("mean").asDouble(), 1e-12);
            assertEquals(std, c.get("test_accuracy").get("std").asDouble(), 1e-12);
        }
    }

    /** paired.json: magnitude against fggp per ranking, the per-seed differences of the summaries. */
    private void pairedMatchesTheSummaries() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path runsDir = dir.resolve("runs");
        JsonNode doc = json.readTree(runsDir.resolve("paired.json").toFile());
        assertEquals("method", doc.get("factor").asText());
        assertEquals("fggp", doc.get("baseline").asText());
        assertEquals(2, doc.get("rows").size());
        for (JsonNode row : doc.get("rows")) {
            String ranking = row.get("setting").get("ranking").asText();
            assertEquals("magnitude", row.get("value").asText());
            assertEquals("[1,2]", row.get("seeds").toString());
            for (int i = 0; i < 2; i++) {
                int seed = i + 1;
                double mag = accuracy(runsDir, "-t-method-magnitude-ranking-" + ranking + "-seed-" + seed);
                double fggp = accuracy(runsDir, "-t-method-fggp-ranking-" + ranking + "-seed-" + seed);
                assertEquals(mag - fggp, row.get("differences").get(i).asDouble(), 0.0);
            }
        }
        assertEquals(2, doc.get("settings").asInt());
    }

    private static double accuracy(Path runsDir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(runsDir)) {
            Path run = s.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
            return new ObjectMapper().readTree(run.resolve("summary.json").toFile()).get("testAccuracy").asDouble();
        }
    }

    @Test
    void aDenseSweepStartedAgainTakesItsRunsFromDisk() throws IOException {
        String dense = String.join("\n", "data synthetic samples 128 test_samples 32 features 8 classes 2;",
                "model mlp hidden [8];", "train epochs 1 batch 64;", "sweep seed in [1, 2] { run \"d\"; }", "");
        assertEquals(Outcome.OK, session(new ArrayList<>()).evaluate(dense, "d.prn").outcome());
        List<String> again = new ArrayList<>();
        Evaluation e = session(again).evaluate(dense, "d.prn");
        assertEquals(Outcome.OK, e.outcome(), e.rendered());
        assertEquals(2, again.stream().filter(line -> line.contains("finished before")).count(), String.join("", again));
        assertEquals(2, runDirs().size());
    }

    @Test
    void againstBelongsToReportCompareAndNamesARunValue() {
        Evaluation e = session(new ArrayList<>()).check("report runs against fggp;\n", "s.prn");
        assertEquals(List.of("s.prn:1:21: error: 'against' belongs to 'report compare', not 'report runs'"),
                e.diagnostics().stream().map(d -> d.span().source() + ":" + d.span().line() + ":"
                        + d.span().column() + ": error: " + d.message()).toList());
    }

    private Session session(List<String> out) {
        return new Session(new SessionConfig(dir.resolve("runs"), dir, false), Collecting.into(out));
    }

    private List<Path> runDirs() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }
}
