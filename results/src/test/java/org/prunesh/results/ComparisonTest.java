package org.prunesh.results;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 2 selections x 2 final sparsities x 2 seeds, from literal run directories. */
class ComparisonTest {

    private static final String FGGP = "gradient ratio 0.5 then magnitude";
    private static final String GMP = "magnitude";
    private static final String TO_90 = "cubic from 0 to 0.9 start 0 steps end 6 steps every 3 steps exponent 3";
    private static final String TO_95 = "cubic from 0 to 0.95 start 0 steps end 6 steps every 3 steps exponent 3";
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    /** accuracy, loss, seconds per run; sparsity is the schedule's final target. */
    private final double[][] numbers = {
            {0.8910, 0.31, 60.0}, {0.8930, 0.30, 62.0},   // fggp 0.9, seeds 18 and 19
            {0.8800, 0.35, 58.0}, {0.8850, 0.33, 59.0},   // fggp 0.95
            {0.8870, 0.32, 50.0}, {0.8860, 0.325, 52.0},  // magnitude 0.9
            {0.8700, 0.40, 49.0}, {0.8790, 0.37, 51.0}};  // magnitude 0.95

    private List<RunResults> runs;

    @BeforeEach
    void writeTheSweep() throws IOException {
        int i = 0;
        for (String selection : List.of(FGGP, GMP)) {
            for (double to : new double[] {0.9, 0.95}) {
                for (long seed : new long[] {18, 19}) {
                    double[] n = numbers[i];
                    // The sweep names every run alike and numbers it by its place in the script.
                    RunDirs.write(dir, String.format("20261122-0100%02d-sweep", i),
                            RunDirs.config("sweep", seed, selection, to, i + 1),
                            RunDirs.summary("sweep", n[0], n[1], to, n[2]), null);
                    i++;
                }
            }
        }
        runs = RunLocator.read(List.of(dir));
    }

    @Test
    void runsDifferingOnlyBySeedFormOneConfigurationWithMeanAndSampleStd() {
        Comparison c = Comparison.of(runs, Metric.TEST_ACCURACY);
        assertEquals(List.of("schedule", "selection"), c.differing());
        assertEquals(4, c.configurations().size());
        assertEquals(8, c.runCount());
        // Best mean accuracy first: fggp 0.9 (0.892), magnitude 0.9 (0.8865), fggp 0.95 (0.8825), magnitude 0.95 (0.8745).
        int[] expectedOrder = {0, 2, 1, 3};
        String[] schedules = {TO_90, TO_95, TO_90, TO_95};
        String[] selections = {FGGP, FGGP, GMP, GMP};
        double[] targets = {0.9, 0.95, 0.9, 0.95};
        for (int row = 0; row < 4; row++) {
            int k = expectedOrder[row];
            Comparison.Configuration conf = c.configurations().get(row);
            assertEquals("schedule=" + schedules[k] + ", selection=" + selections[k], conf.label());
            assertEquals(Map.of("schedule", schedules[k], "selection", selections[k]), conf.settings());
            assertEquals(2, conf.runs().size());
            assertEquals(0, conf.incomplete());
            double[] a = numbers[2 * k], b = numbers[2 * k + 1];
            assertStat(2, (a[0] + b[0]) / 2, Math.abs(a[0] - b[0]) / Math.sqrt(2), conf.stat(Metric.TEST_ACCURACY));
            assertStat(2, (a[1] + b[1]) / 2, Math.abs(a[1] - b[1]) / Math.sqrt(2), conf.stat(Metric.TEST_LOSS));
            assertStat(2, (a[2] + b[2]) / 2, Math.abs(a[2] - b[2]) / Math.sqrt(2), conf.stat(Metric.WALL_TIME));
            assertStat(2, targets[k], 0, conf.stat(Metric.SPARSITY));
            double pruned = 1000 - Math.round(1000 * (1 - targets[k]));
            assertStat(2, pruned / 1100, 0, conf.stat(Metric.SPARSITY_ALL));
            assertEquals(0, conf.stat(Metric.FLOPS).n());
        }
        assertEquals(List.of(), c.notes());
    }

    @Test
    void theHandComputedValuesOfOneConfiguration() {
        Comparison.Configuration best = Comparison.of(runs, Metric.TEST_ACCURACY).configurations().get(0);
        // 0.8910 and 0.8930: mean 0.892, deviations -0.001 and +0.001, sum of squares 2e-6 over n - 1 = 1.
        assertStat(2, 0.892, Math.sqrt(2e-6), best.stat(Metric.TEST_ACCURACY));
        assertStat(2, 61.0, Math.sqrt(2.0), best.stat(Metric.WALL_TIME));
    }

    @Test
    void lowerIsBetterForLossAndTime() {
        List<String> byLoss = Comparison.of(runs, Metric.TEST_LOSS).configurations().stream()
                .map(c -> c.settings().get("selection") + " " + c.settings().get("schedule").split(" ")[4]).toList();
        assertEquals(List.of(FGGP + " 0.9", GMP + " 0.9", FGGP + " 0.95", GMP + " 0.95"), byLoss);
        List<String> byTime = Comparison.of(runs, Metric.WALL_TIME).configurations().stream()
                .map(c -> c.settings().get("selection") + " " + c.settings().get("schedule").split(" ")[4]).toList();
        assertEquals(List.of(GMP + " 0.95", GMP + " 0.9", FGGP + " 0.95", FGGP + " 0.9"), byTime);
    }

    @Test
    void aSingleRunHasNoSpreadAndTheNotesSaySo() throws IOException {
        Path one = RunDirs.write(dir.resolve("other"), "solo", RunDirs.config("solo", 18, "random", 0.9, 1),
                RunDirs.summary("solo", 0.8, 0.5, 0.9, 10), null);
        List<RunResults> withSolo = RunLocator.read(List.of(dir, one));
        Comparison c = Comparison.of(withSolo, Metric.TEST_ACCURACY);
        Comparison.Configuration solo = c.configurations().get(4);
        assertEquals("schedule=" + TO_90 + ", selection=random", solo.label());
        assertStat(1, 0.8, 0, solo.stat(Metric.TEST_ACCURACY));
        assertEquals(List.of("a configuration with one run has standard deviation 0: one value has no spread to measure"),
                c.notes());
    }

    @Test
    void anInterruptedRunCountsWithItsLastEpochAndIsNamedInTheNotes() throws IOException {
        Path killed = RunDirs.write(dir.resolve("more"), "20261122-020000-sweep",
                RunDirs.config("sweep", 20, FGGP, 0.9, 9), null,
                RunDirs.epoch(1, 4, "0.9", 0.4, 0.8, 0.7875, 30.0));
        Comparison c = Comparison.of(RunLocator.read(List.of(dir, killed)), Metric.TEST_ACCURACY);
        Comparison.Configuration fggp90 = c.configurations().stream()
                .filter(k -> k.label().equals("schedule=" + TO_90 + ", selection=" + FGGP)).findFirst().orElseThrow();
        assertEquals(3, fggp90.runs().size());
        assertEquals(1, fggp90.incomplete());
        double mean = (0.8910 + 0.8930 + 0.8) / 3;
        double ss = Math.pow(0.8910 - mean, 2) + Math.pow(0.8930 - mean, 2) + Math.pow(0.8 - mean, 2);
        assertStat(3, mean, Math.sqrt(ss / 2), fggp90.stat(Metric.TEST_ACCURACY));
        // Sparsity over all parameters is unknown without a summary: two values, not three.
        assertEquals(2, fggp90.stat(Metric.SPARSITY_ALL).n());
        assertEquals(List.of("20261122-020000-sweep: no summary.json: unfinished (still running, or interrupted) after 1 of 2 epochs; final numbers "
                + "are those of the last finished epoch in metrics.jsonl"), c.notes());
    }

    @Test
    void labelsNameOnlyTheSettingsThatTellConfigurationsApart() throws IOException {
        // Data kind, epochs and schedule change together here, so the first of them tells idx from
        // synthetic; noise exists only on synthetic data and is named only where it is present.
        Path other = dir.resolve("mixed");
        RunDirs.write(other, "a", "{\"data\":{\"kind\":\"idx\"},\"epochs\":10,\"schedule\":{},\"selection\":\"magnitude\"}",
                null, null);
        RunDirs.write(other, "b", "{\"data\":{\"kind\":\"synthetic\",\"noise\":1.0},\"epochs\":20,"
                + "\"schedule\":{\"kind\":\"cubic\",\"to\":0.9},\"selection\":\"magnitude\"}", null, null);
        RunDirs.write(other, "c", "{\"data\":{\"kind\":\"synthetic\",\"noise\":4.0},\"epochs\":20,"
                + "\"schedule\":{\"kind\":\"cubic\",\"to\":0.9},\"selection\":\"magnitude\"}", null, null);
        Comparison c = Comparison.of(RunLocator.read(List.of(other)), Metric.TEST_ACCURACY);
        assertEquals(List.of("data.kind", "data.noise", "epochs", "schedule"), c.differing());
        assertEquals(List.of("data.kind=idx", "data.kind=synthetic, data.noise=1.0",
                        "data.kind=synthetic, data.noise=4.0"),
                c.configurations().stream().map(Comparison.Configuration::label).sorted().toList());
        assertEquals(Map.of("data.kind", "idx", "data.noise", "none", "epochs", "10", "schedule", "none"),
                c.configurations().stream().filter(k -> k.label().equals("data.kind=idx")).findFirst().orElseThrow()
                        .settings());
    }

    @Test
    void oneConfigurationIsLabelledByItsRunNames() throws IOException {
        Comparison c = Comparison.of(runs.subList(0, 2), Metric.TEST_ACCURACY);
        assertEquals(List.of(), c.differing());
        assertEquals("sweep", c.configurations().get(0).label());
        assertThrows(IllegalArgumentException.class, () -> Comparison.of(List.of(), Metric.TEST_ACCURACY));
    }

    @Test
    void comparingByAMetricNoRunRecordsSaysSo() {
        Comparison c = Comparison.of(runs, Metric.FLOPS);
        assertEquals(List.of("no run records flops"), c.notes());
    }

    @Test
    void metricsAreNamedAsInScripts() {
        assertEquals(Metric.WALL_TIME, Metric.named("wall_time").orElseThrow());
        assertEquals("test_accuracy, test_loss, sparsity, sparsity_all, wall_time, flops", Metric.names());
        assertEquals(java.util.Optional.empty(), Metric.named("accuracy"));
    }

    static void assertStat(int n, double mean, double std, Stat actual) {
        assertEquals(n, actual.n(), "n");
        assertEquals(mean, actual.mean(), EPS, "mean");
        assertEquals(std, actual.std(), EPS, "std");
    }
}
