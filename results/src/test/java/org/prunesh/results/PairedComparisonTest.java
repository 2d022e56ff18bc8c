package org.prunesh.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedComparisonTest {

    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    @Test
    void tIntervalsMatchHandComputedValues() {
        // n = 3: mean 0.02, s = 0.01, t(0.975, 2) = 4.302652729911275, half width 4.3027 * 0.01 / sqrt(3)
        TInterval three = TInterval.of(0.01, 0.02, 0.03);
        assertEquals(3, three.n());
        assertEquals(0.02, three.mean(), EPS);
        assertEquals(0.01, three.std(), EPS);
        assertEquals(-0.004841377118437528, three.low(), 1e-12);
        assertEquals(0.044841377118437525, three.high(), 1e-12);
        assertFalse(three.excludesZero());
        // n = 5: mean 3, s = sqrt(2.5), t(0.975, 4) = 2.7764451051977987
        TInterval five = TInterval.of(1, 2, 3, 4, 5);
        assertEquals(1.5811388300841898, five.std(), EPS);
        assertEquals(1.0367568385224393, five.low(), 1e-12);
        assertEquals(4.9632431614775605, five.high(), 1e-12);
        assertTrue(five.excludesZero());
        assertEquals(12.706204736174707, TInterval.quantile(1), 1e-9);
        TInterval one = TInterval.of(0.5);
        assertTrue(Double.isNaN(one.low()) && Double.isNaN(one.high()));
        assertFalse(one.excludesZero());
    }

    @Test
    void sweepAssignmentIsReadFromTheRunName() {
        SweepAssignment a = SweepAssignment.of("abl[method=fggp,sparsity=0.9,seed=2]");
        assertEquals("abl", a.base());
        assertEquals(Map.of("method", "fggp", "sparsity", "0.9", "seed", "2"), a.values());
        assertEquals(List.of("method", "sparsity", "seed"), List.copyOf(a.values().keySet()));
        assertEquals(new SweepAssignment("plain", Map.of()), SweepAssignment.of("plain"));
        assertEquals(new SweepAssignment("odd[name]", Map.of()), SweepAssignment.of("odd[name]"));
    }

    @Test
    void pairsBySeedWithinEachSettingAndRanksAcrossSettings() throws IOException {
        PairedComparison p = PairedComparison.of(grid(), Metric.TEST_ACCURACY, "fggp");
        assertEquals("method", p.factor());
        assertEquals("fggp", p.baseline());
        assertEquals(3, p.rows().size());

        PairedComparison.Row gmp90 = p.rows().get(0);
        assertEquals(Map.of("sparsity", "0.9"), gmp90.setting());
        assertEquals("gmp", gmp90.value());
        assertEquals(List.of(1L, 2L, 3L), gmp90.seeds());
        assertEquals(0.01, gmp90.differences().get(0), EPS);
        assertEquals(0.02, gmp90.differences().get(1), EPS);
        assertEquals(0.03, gmp90.differences().get(2), EPS);
        assertEquals(-0.004841377118437528, gmp90.interval().low(), 1e-12);
        assertEquals(0.044841377118437525, gmp90.interval().high(), 1e-12);
        assertEquals(List.of(), gmp90.missing());

        PairedComparison.Row snip90 = p.rows().get(1);
        assertEquals("snip", snip90.value());
        assertEquals(0.0, snip90.interval().mean(), EPS);

        // gmp lacks seed 3 at 0.98: paired on seeds 1 and 2, t(0.975, 1) = 12.7062
        PairedComparison.Row gmp98 = p.rows().get(2);
        assertEquals(Map.of("sparsity", "0.98"), gmp98.setting());
        assertEquals(List.of(1L, 2L), gmp98.seeds());
        assertEquals(List.of(3L), gmp98.missing());
        assertEquals(-0.0975, gmp98.interval().mean(), EPS);
        double half = 12.706204736174707 * Math.sqrt(0.0000125) / Math.sqrt(2);
        assertEquals(-0.0975 - half, gmp98.interval().low(), 1e-9);
        assertTrue(gmp98.interval().excludesZero());
        assertTrue(p.notes().contains("sparsity=0.98, method=gmp: paired on seeds [1, 2] only (seeds [3] lack one side)"));

        // 0.9: gmp 0.83 first, fggp and snip tie at 0.81 (rank 2.5 each); 0.98: fggp 1, gmp 2
        Ranking r = p.ranking();
        assertEquals(2, r.settings());
        assertEquals(List.of(new Ranking.Entry("gmp", 1.5, 1, 2), new Ranking.Entry("fggp", 1.75, 1, 2),
                new Ranking.Entry("snip", 2.5, 0, 1)), r.entries());
    }

    @Test
    void tableFilesAndErrors() throws IOException {
        List<RunResults> runs = grid();
        PairedComparison p = PairedComparison.of(runs, Metric.TEST_ACCURACY, "method=fggp");
        assertEquals("""
                test acc against method=fggp: difference per seed (value − fggp) in points, mean and 95% t interval
                setting        method  pairs  mean diff     95% interval
                sparsity=0.9   gmp         3      +2.00   [-0.48, +4.48]
                sparsity=0.9   snip        3      +0.00   [-4.97, +4.97]
                sparsity=0.98  gmp         2      -9.75  [-12.93, -6.57]  *
                * the interval excludes 0: unlikely to be seed noise alone
                mean rank of method over 2 settings (1 = best test acc; ties share their mean rank)
                method  mean rank  best in
                gmp          1.50   1 of 2
                fggp         1.75   1 of 2
                snip         2.50   0 of 1
                note: sparsity=0.98, method=gmp: paired on seeds [1, 2] only (seeds [3] lack one side)
                """, PairedTable.render(p));
        String csv = PairedFiles.csv(p);
        assertTrue(csv.startsWith("setting,factor,value,baseline,metric,pairs,seeds,differences,mean,std,ci_low,ci_high,"
                + "excludes_zero,missing_seeds\n"), csv);
        assertTrue(csv.contains("sparsity=0.98,method,gmp,fggp,test_accuracy,2,1;2,"), csv);
        assertTrue(csv.lines().filter(l -> l.startsWith("sparsity=0.98")).findFirst().orElseThrow().endsWith(",true,3"));
        Map<String, Object> json = PairedFiles.json(p);
        assertEquals("method", json.get("factor"));
        assertEquals(0.95, json.get("confidence"));

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> PairedComparison.of(runs, Metric.TEST_ACCURACY, "rigl"));
        assertEquals("no run has the value 'rigl'; runs have method in [fggp, gmp, snip]; sparsity in [0.9, 0.98]",
                none.getMessage());
    }

    /** method x sparsity x seed; gmp has no seed-3 run at 0.98, snip runs only at 0.9. */
    private List<RunResults> grid() throws IOException {
        List<RunResults> runs = new ArrayList<>();
        double[][] accuracies = {
                {0.80, 0.82, 0.81}, {0.81, 0.84, 0.84}, {0.82, 0.80, 0.81},   // 0.9: fggp, gmp, snip
                {0.70, 0.71, 0.72}, {0.60, 0.615, Double.NaN}};              // 0.98: fggp, gmp
        String[] methods = {"fggp", "gmp", "snip", "fggp", "gmp"};
        String[] sparsities = {"0.9", "0.9", "0.9", "0.98", "0.98"};
        int ordinal = 0;
        for (int row = 0; row < methods.length; row++) {
            for (int seed = 1; seed <= 3; seed++) {
                double acc = accuracies[row][seed - 1];
                if (Double.isNaN(acc)) continue;
                String name = "abl[method=" + methods[row] + ",sparsity=" + sparsities[row] + ",seed=" + seed + "]";
                double to = Double.parseDouble(sparsities[row]);
                runs.add(RunResults.read(RunDirs.write(dir, "run-" + (++ordinal),
                        RunDirs.config(name, seed, methods[row], to, ordinal),
                        RunDirs.summary(name, acc, 0.5, to, 10), null)));
            }
        }
        Files.createDirectories(dir);
        return runs;
    }
}
