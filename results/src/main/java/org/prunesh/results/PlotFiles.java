package org.prunesh.results;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the plots of runs as PNG files: per run {@code schedule.png}, {@code training.png} and
 * {@code layers.png}; across runs {@code accuracy-vs-sparsity.png}. A plot whose data a run does
 * not have is skipped, with the reason.
 */
public final class PlotFiles {

    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;

    /** Where a run's plots go by default: {@code <run>/plots/}. */
    public static final String RUN_FOLDER = "plots";

    public enum Kind {
        SCHEDULE("schedule.png"), TRAINING("training.png"), LAYERS("layers.png"),
        ACCURACY_VS_SPARSITY("accuracy-vs-sparsity.png"), PAIRED_DIFFERENCES("paired-differences.png");

        private final String file;

        Kind(String file) {
            this.file = file;
        }

        public String file() {
            return file;
        }
    }

    /**
     * @param files   the PNG files written
     * @param skipped why a plot was not drawn, one sentence each
     */
    public record Plotted(List<Path> files, List<String> skipped) {
        public Plotted {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    static {
        // Charts are drawn into images, never on a screen: without this a session with DISPLAY set
        // would open a connection to the X server, and one with a stale DISPLAY would fail.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private PlotFiles() {
    }

    /** The three plots of one run, into {@code dir} (created if needed). */
    public static Plotted writeRun(RunResults run, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        String who = run.directoryName() + ": ";
        if (run.pruningSteps().isEmpty() && run.epochs().isEmpty()) {
            skipped.add(who + "no schedule plot: no pruning steps and no finished epoch");
        } else {
            files.add(write(RunCharts.schedule(run), dir.resolve(Kind.SCHEDULE.file())));
        }
        if (run.epochs().isEmpty()) {
            skipped.add(who + "no training curves: no finished epoch in metrics.jsonl");
        } else {
            files.add(write(RunCharts.training(run), dir.resolve(Kind.TRAINING.file())));
        }
        if (run.summary() == null) {
            skipped.add(who + "no per-layer plot: the counts are in summary.json, written when a run ends");
        } else if (run.layers().isEmpty()) {
            skipped.add(who + "no per-layer plot: summary.json lists no tensors");
        } else if (run.layers().stream().noneMatch(l -> l.prunable())) {
            skipped.add(who + "no per-layer plot: no tensor was prunable");
        } else {
            files.add(write(RunCharts.layers(run), dir.resolve(Kind.LAYERS.file())));
        }
        return new Plotted(files, skipped);
    }

    /** Accuracy against sparsity over the configurations of {@code comparison}, into {@code dir}. */
    public static Plotted writeComparison(Comparison comparison, Path dir) throws IOException {
        if (ComparisonCharts.plottable(comparison).isEmpty()) {
            return new Plotted(List.of(), List.of("no accuracy-vs-sparsity plot: no run records both"));
        }
        Path file = write(ComparisonCharts.accuracyVsSparsity(comparison), dir.resolve(Kind.ACCURACY_VS_SPARSITY.file()));
        return new Plotted(List.of(file), List.of());
    }

    /** The paired differences against a baseline with their intervals, into {@code dir}. */
    public static Plotted writePaired(PairedComparison paired, Path dir) throws IOException {
        if (PairedChart.plottable(paired).isEmpty()) {
            return new Plotted(List.of(), List.of("no paired-differences plot: no configuration has two or more pairs"));
        }
        Path file = write(PairedChart.differences(paired), dir.resolve(Kind.PAIRED_DIFFERENCES.file()));
        return new Plotted(List.of(file), List.of());
    }

    /** Through a temporary file, so that an image viewer never opens half a PNG. */
    static Path write(Chart<?, ?> chart, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
