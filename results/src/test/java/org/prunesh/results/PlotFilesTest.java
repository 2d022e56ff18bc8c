package org.prunesh.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlotFilesTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    private static final String METRICS = RunDirs.epoch(1, 4, "NaN", 0.8, 0.7, 0.7875, 1.5)
            + RunDirs.epoch(2, 8, "0.6", 0.5, 0.85, 0.9, 3.25);

    @Test
    void aFinishedRunGetsItsScheduleTrainingCurvesAndPerLayerBars() throws IOException {
        RunResults run = RunResults.read(RunDirs.write(dir, "run", RunDirs.config("fggp", 18, "magnitude", 0.9, 1),
                RunDirs.summary("fggp", 0.85, 0.5, 0.9, 3.5), METRICS));
        Path plots = dir.resolve("run").resolve("plots");
        PlotFiles.Plotted plotted = PlotFiles.writeRun(run, plots);
        assertEquals(List.of(plots.resolve("schedule.png"), plots.resolve("training.png"), plots.resolve("layers.png")),
                plotted.files());
        assertEquals(List.of(), plotted.skipped());
        for (Path png : plotted.files()) assertPng(png);
        assertTrue(System.getProperty("java.awt.headless").equals("true"));
        try (var left = Files.list(plots)) {
            assertEquals(3, left.count(), "no temporary files left behind");
        }
    }

    @Test
    void anInterruptedRunWithOneEpochGetsWhatItsDataAllowsAndTheReasonForTheRest() throws IOException {
        RunResults run = RunResults.read(RunDirs.write(dir, "killed", RunDirs.config("fggp", 18, "magnitude", 0.9, 1),
                null, RunDirs.epoch(1, 4, "0.9", 0.8, 0.7, 0.7875, 1.5)));
        PlotFiles.Plotted plotted = PlotFiles.writeRun(run, dir.resolve("out"));
        assertEquals(List.of(dir.resolve("out/schedule.png"), dir.resolve("out/training.png")), plotted.files());
        assertEquals(List.of("killed: no per-layer plot: the counts are in summary.json, written when a run ends"),
                plotted.skipped());
        for (Path png : plotted.files()) assertPng(png);
    }

    @Test
    void aRunThatNeverFinishedAnEpochAndHasNoScheduleHasNothingToPlot() throws IOException {
        RunResults run = RunResults.read(RunDirs.write(dir, "empty", "{\"name\":\"empty\"}", null, null));
        PlotFiles.Plotted plotted = PlotFiles.writeRun(run, dir.resolve("out"));
        assertEquals(List.of(), plotted.files());
        assertEquals(List.of("empty: no schedule plot: no pruning steps and no finished epoch",
                "empty: no training curves: no finished epoch in metrics.jsonl",
                "empty: no per-layer plot: the counts are in summary.json, written when a run ends"), plotted.skipped());
        assertTrue(Files.notExists(dir.resolve("out")));
    }

    @Test
    void accuracyAgainstSparsityHasOnePointPerConfiguration() throws IOException {
        String fggp = "gradient ratio 0.5 then magnitude";
        RunDirs.write(dir, "a", RunDirs.config("a", 18, fggp, 0.9, 1), RunDirs.summary("a", 0.891, 0.3, 0.9, 1), null);
        RunDirs.write(dir, "b", RunDirs.config("b", 19, fggp, 0.9, 2), RunDirs.summary("b", 0.893, 0.3, 0.9, 1), null);
        RunDirs.write(dir, "c", RunDirs.config("c", 18, "magnitude", 0.95, 3), RunDirs.summary("c", 0.88, 0.3, 0.95, 1), null);
        Comparison comparison = Comparison.of(RunLocator.read(List.of(dir)), Metric.TEST_ACCURACY);
        PlotFiles.Plotted plotted = PlotFiles.writeComparison(comparison, dir.resolve("plots"));
        assertEquals(List.of(dir.resolve("plots/accuracy-vs-sparsity.png")), plotted.files());
        assertPng(plotted.files().get(0));
    }

    @Test
    void configurationsAtOneSparsityStillGetAnAxisWithWidth() throws IOException {
        RunDirs.write(dir, "a", RunDirs.config("a", 18, "magnitude", 0.9, 1), RunDirs.summary("a", 0.89, 0.3, 0.9, 1), null);
        RunDirs.write(dir, "b", RunDirs.config("b", 18, "random", 0.9, 2), RunDirs.summary("b", 0.80, 0.3, 0.9, 1), null);
        Comparison comparison = Comparison.of(RunLocator.read(List.of(dir)), Metric.TEST_ACCURACY);
        assertPng(PlotFiles.writeComparison(comparison, dir).files().get(0));
    }

    /** The 8-byte PNG signature, and an image that decodes at the size every plot is drawn at. */
    static void assertPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), file.toString());
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file.toString());
        assertEquals(800, image.getWidth(), file.toString());
        assertEquals(500, image.getHeight(), file.toString());
    }
}
