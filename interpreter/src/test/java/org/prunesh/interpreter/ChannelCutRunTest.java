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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code extract "NAME";} after channel pruning: a ResNet-20 at width 0.25 (4, 8, 16 channels)
 * pruned layerwise to half its coupled channel groups is cut to the network with 2, 4 and 8, which
 * computes what the masked one did.
 */
class ChannelCutRunTest {

    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path runs;

    @Test
    void aChannelPrunedResNetIsCutToTheSmallerNetworkItComputes() throws IOException {
        assumeTrue(Files.isDirectory(FASHION), "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        List<String> out = new ArrayList<>();
        SessionListener listener = Collecting.into(out);
        Evaluation e = new Session(new SessionConfig(runs, runs, false), listener).evaluate("""
                seed 1;
                data fashion-mnist limit 256 test_limit 64;
                model resnet20 width 0.25;
                train epochs 1 batch 64 optimizer sgd lr 0.05;
                granularity channel;
                scope layerwise;
                exclude last;
                schedule oneshot to 0.5 at 2 steps;
                select magnitude;
                run "ch";
                extract "ch-small";
                """, "t.prn");
        assertEquals(Outcome.OK, e.outcome(), e.rendered());
        String report = out.stream().filter(t -> t.startsWith("extracted 'ch-small'")).findFirst().orElseThrow();
        assertEquals("extracted 'ch-small' from the channel masks of 'ch': stream widths [2, 4, 8], block widths"
                + " [[2, 2, 2], [4, 4, 4], [8, 8, 8]]", report.lines().findFirst().orElseThrow());

        JsonNode cut = JSON.readTree(dir("ch-small").resolve("summary.json").toFile());
        // ops' ChannelExtractionTest's count at 32x32 (28x28 padded) for stream widths (a, b, c):
        // 9a·1024 + 6·9a²·1024 + (9ab + ab + 5·9b²)·256 + (9bc + bc + 5·9c²)·64 + 10c
        assertEquals(649_296, cut.get("macs").asLong());          // (2, 4, 8)
        assertEquals(2_560_160, cut.get("full_macs").asLong());   // (4, 8, 16)
        // The same function up to float summation order: at most one of 64 test images may differ.
        double gap = Math.abs(cut.get("test_accuracy").asDouble() - cut.get("source_test_accuracy").asDouble());
        assertTrue(gap <= 1.0 / 64 + 1e-9, cut.toString());
        assertTrue(cut.get("params").asLong() < cut.get("full_params").asLong(), cut.toString());
    }

    @Test
    void onlyResNetsAndVggCanBeCutAndTheCheckSaysSoBeforeTraining() {
        Evaluation e = new Session(new SessionConfig(runs, runs, false), SessionListener.SILENT).evaluate(
                "data synthetic samples 64 test_samples 16 features 4 classes 2;\nmodel mlp;\ngranularity channel;\n"
                        + "run;\nextract \"small\";\n", "t.prn");
        assertEquals(Outcome.SCRIPT_ERROR, e.outcome(), e.rendered());
        assertEquals("t.prn:5:1: error: cannot cut a channel-pruned network: extraction needs a basic-block ResNet"
                + " (resnet20, resnet32, resnet56, resnet110) or VGG-19, not mlp", e.rendered().lines().findFirst().orElseThrow());
        try (Stream<Path> dirs = Files.list(runs)) {
            assertEquals(0, dirs.count(), "nothing trains when the script has an error");
        } catch (IOException x) {
            throw new AssertionError(x);
        }
    }

    @Test
    void masksThatRemoveNoWholeChannelLeaveNothingToCut() {
        assumeTrue(Files.isDirectory(FASHION), "Fashion-MNIST is not installed");
        Evaluation e = new Session(new SessionConfig(runs, runs, false), SessionListener.SILENT).evaluate(
                "data fashion-mnist limit 64 test_limit 16;\nmodel resnet20 width 0.25;\ntrain epochs 1 batch 64;\n"
                        + "run \"dense\";\nextract \"small\";\n", "t.prn");
        assertEquals(Outcome.RUNTIME_ERROR, e.outcome(), e.rendered());
        assertEquals("t.prn:5:1: error: the masks of 'dense' remove no whole channel, so there is nothing to cut: prune"
                + " with 'granularity channel;' before the run", e.rendered().lines().findFirst().orElseThrow());
    }

    private Path dir(String name) throws IOException {
        try (Stream<Path> dirs = Files.list(runs)) {
            return dirs.filter(d -> d.getFileName().toString().endsWith("-" + name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no run directory for " + name + " in " + runs));
        }
    }
}
