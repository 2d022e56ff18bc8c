package org.prunesh.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 16's statements on a tiny literal run (ResNet-20 at width 0.25, 384 Fashion-MNIST images,
 * one epoch): a search in its FLOPs band, {@code report search}, extraction with the search's
 * calibration, and the searched arch trained from scratch as a model of its own.
 */
class StpScriptRunTest {

    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SCRIPT = """
            seed 1;
            data fashion-mnist limit 384 test_limit 64 holdout 128;
            model resnet20 width 0.25;
            train epochs 1 batch 64 optimizer sgd lr 0.05;
            space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.25;
            budget flops 0.5;
            stimulate subnets 2 expansion mutate until 50% order fixed;
            run "stp";
            search random samples 4 batches 1 calibration 3 min 0.8 as b;
            report search;
            extract b "cut";
            model resnet20 width 0.25 arch b;
            stimulate off;
            run "scratch";
            """;

    @TempDir
    Path runs;

    @Test
    void searchReportExtractionAndScratchTrainingAgree() throws IOException {
        assumeTrue(Files.isDirectory(FASHION), "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        List<String> out = new ArrayList<>();
        SessionListener listener = Collecting.into(out);
        Evaluation e = new Session(new SessionConfig(runs, runs, false), listener).evaluate(SCRIPT, "t.prn");
        assertEquals(Outcome.OK, e.outcome(), e.rendered());

        String report = out.stream().filter(t -> t.startsWith("search random on 'stp'")).findFirst().orElseThrow();
        List<String> lines = Arrays.asList(report.split("\n"));
        assertEquals("search random on 'stp', 128 held-out images (batch norm recalibrated on 3 training batches per"
                + " candidate, as scored):", lines.get(0));
        assertEquals("rank         KD   FLOPs  held-out  arch", lines.get(1));
        assertEquals(7, lines.size(), report);                     // header, column titles, 4 candidates, correlations
        assertTrue(lines.get(6).startsWith("4 candidates: Spearman "), report);
        for (String row : lines.subList(2, 6)) {
            double flops = Double.parseDouble(row.substring(16, 22).trim().replace("%", ""));
            assertTrue(flops >= 40.0 && flops <= 50.0, "outside [0.8 B, B] = [40%, 50%]: " + row);
        }

        JsonNode cut = summary("cut");
        assertEquals(3, cut.get("calibration_batches").asInt());
        JsonNode indexOrder = cut.get("relative_sparsity_index_order");
        assertTrue(indexOrder.get("trained_ratio").asDouble() > 0 && indexOrder.get("untrained_ratio").asDouble() > 0,
                cut.toString());
        assertTrue(cut.get("macs_fraction").asDouble() >= 0.4 && cut.get("macs_fraction").asDouble() <= 0.5, cut.toString());

        JsonNode scratch = summary("scratch");
        assertEquals(cut.get("params").asLong(), scratch.get("paramsTotal").asLong());
        assertEquals(cut.get("macs").asLong(), scratch.get("macs").asLong());
        assertEquals(1, scratch.get("epochsCompleted").asInt());
        JsonNode config = config("scratch");
        assertEquals("resnet-subnet", config.get("model").get("kind").asText(), config.get("model").toString());
        assertTrue(config("stp").get("stimulate").asText().contains("expansion mutate until 50% order fixed"),
                config("stp").get("stimulate").asText());
    }

    @Test
    void reportSearchBeforeAnySearchSaysWhereAndWhatIsMissing() {
        Evaluation e = new Session(new SessionConfig(runs, runs, false), SessionListener.SILENT).evaluate(
                "data synthetic samples 64 test_samples 16 features 4 classes 2;\nmodel mlp;\nreport search;\n", "t.prn");
        assertEquals(Outcome.RUNTIME_ERROR, e.outcome(), e.rendered());
        assertTrue(e.rendered().startsWith("t.prn:3:1: error: report search needs a search: add 'search ... as NAME;'"
                + " before it"), e.rendered());
    }

    private JsonNode summary(String name) throws IOException {
        return JSON.readTree(dir(name).resolve("summary.json").toFile());
    }

    private JsonNode config(String name) throws IOException {
        return JSON.readTree(dir(name).resolve("config.json").toFile());
    }

    private Path dir(String name) throws IOException {
        try (Stream<Path> dirs = Files.list(runs)) {
            return dirs.filter(d -> d.getFileName().toString().endsWith("-" + name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no run directory for " + name + " in " + runs));
        }
    }
}
