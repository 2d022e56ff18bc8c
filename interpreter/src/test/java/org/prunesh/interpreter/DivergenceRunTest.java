package org.prunesh.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunesh.results.RunResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A diverging run fails loudly: exit 70 alone, "diverged" in a sweep, never a number in compare. */
class DivergenceRunTest {

    private static final String SETUP = String.join("\n",
            "seed 18;",
            "data synthetic samples 256 test_samples 64 features 8 classes 4;",
            "model mlp hidden [16];",
            "schedule cubic from 0 to 0.9 start 0 steps end 6 steps every 1 steps;",
            "select gradient ratio 0.5 then magnitude;",
            "");

    @TempDir
    Path dir;

    private Session session(List<String> out) {
        return new Session(new SessionConfig(dir.resolve("runs"), dir, false), Collecting.into(out));
    }

    private List<Path> runDirs() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void aHugeLearningRateStopsTheRunWithTheMessageAndMarksItDiverged() throws IOException {
        Evaluation e = session(new ArrayList<>()).evaluate(SETUP + "train epochs 3 batch 64 lr 1e6;\nrun \"div\";\n",
                "div.prn");

        assertEquals(Outcome.RUNTIME_ERROR, e.outcome());
        assertEquals(70, e.outcome().exitCode());
        Path run = runDirs().get(0);
        assertEquals(List.of("failed: run 'div' diverged at step 5 (epoch 2): the training loss is NaN; the last finite"
                + " loss was 4.638e+35 at step 4; the learning rate was 1.00e+06 (a lower learning rate or a warm-up"
                + " usually helps); " + run + " keeps the checkpoint of epoch 1, the last good state"),
                e.diagnostics().stream().map(d -> d.message()).toList());
        assertEquals(7, e.diagnostics().get(0).span().line());

        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertTrue(summary.get("diverged").asBoolean());
        assertEquals("NaN", summary.get("testAccuracy").asText());
        assertEquals(5, summary.get("divergence").get("step").asInt());
        assertEquals("the training loss is NaN", summary.get("divergence").get("what").asText());
        // epoch 1, then the line that marks where the run stopped
        List<String> metrics = Files.readAllLines(run.resolve("metrics.jsonl"));
        assertEquals(2, metrics.size());
        JsonNode line = new ObjectMapper().readTree(metrics.get(1));
        assertTrue(line.get("diverged").asBoolean());
        assertEquals(2, line.get("epoch").asInt());
        assertEquals(5, line.get("step").asInt());
        assertTrue(Files.exists(run.resolve("checkpoint.bin")));

        RunResults read = RunResults.read(run);
        assertEquals(RunResults.Completion.DIVERGED, read.completion());
        assertTrue(Double.isNaN(read.testAccuracy()));
        assertEquals(1, read.epochs().size());
    }

    @Test
    void inASweepTheDivergedCellIsReportedAndTheOthersFinish() throws IOException {
        List<String> out = new ArrayList<>();
        Evaluation e = session(out).evaluate(SETUP + String.join("\n",
                "sweep opt in [sgd, adam] {",
                "  train epochs 2 batch 64 optimizer opt lr 1000;",
                "  run \"s\";",
                "}",
                "report compare by test_accuracy;",
                ""), "sweep.prn");

        assertEquals(Outcome.OK, e.outcome(), e.rendered());
        List<Path> runs = runDirs();
        assertEquals(2, runs.size());
        Path sgd = runs.stream().filter(p -> p.toString().endsWith("-s-opt-sgd")).findFirst().orElseThrow();
        Path adam = runs.stream().filter(p -> p.toString().endsWith("-s-opt-adam")).findFirst().orElseThrow();
        assertEquals(RunResults.Completion.DIVERGED, RunResults.read(sgd).completion());
        assertEquals(RunResults.Completion.FINISHED, RunResults.read(adam).completion());
        String all = String.join("", out);
        assertTrue(all.contains("run 's[opt=sgd]' diverged at step 8 (epoch 2): the training loss is NaN;"), all);
        assertTrue(all.contains(sgd + " keeps the checkpoint of epoch 1, the last good state; the sweep goes on"), all);
        List<String> table = out.get(out.size() - 1).lines().toList();
        assertEquals("train.optimizer=SGD   1 (1 diverged)               diverged    90.10%    81.60%     19",
                table.get(3).substring(0, table.get(3).lastIndexOf("  ")));
        assertTrue(table.contains("note: " + sgd.getFileName() + ": diverged at step 8 (epoch 2): the training loss"
                + " is NaN; no result is counted"), table.toString());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("runs/comparison.json").toFile());
        assertTrue(json.toString().contains("\"completion\":\"diverged\""), json.toString());
    }
}
