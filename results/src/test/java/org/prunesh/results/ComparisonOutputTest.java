package org.prunesh.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text table, CSV and JSON of FGGP against magnitude pruning, two seeds each. */
class ComparisonOutputTest {

    private static final String FGGP = "gradient ratio 0.5 then magnitude";

    @TempDir
    Path dir;

    private Comparison comparison;

    @BeforeEach
    void writeRuns() throws IOException {
        RunDirs.write(dir, "a-fggp-18", RunDirs.config("fggp", 18, FGGP, 0.9, 1), RunDirs.summary("fggp", 0.891, 0.31, 0.9, 60), null);
        RunDirs.write(dir, "b-fggp-19", RunDirs.config("fggp", 19, FGGP, 0.9, 2), RunDirs.summary("fggp", 0.893, 0.30, 0.9, 62), null);
        RunDirs.write(dir, "c-gmp-18", RunDirs.config("gmp", 18, "magnitude", 0.9, 3), RunDirs.summary("gmp", 0.887, 0.32, 0.9, 50), null);
        RunDirs.write(dir, "d-gmp-19", RunDirs.config("gmp", 19, "magnitude", 0.9, 4), RunDirs.summary("gmp", 0.886, 0.33, 0.9, 52), null);
        comparison = Comparison.of(RunLocator.read(List.of(dir)), Metric.TEST_ACCURACY);
    }

    @Test
    void theTableShowsMeanAndStdOfAccuracyAndMeansOfTheRest() {
        // 0.891, 0.893: 89.20% ± 0.14 (std 0.001·√2); 0.887, 0.886: 88.65% ± 0.07 (std 0.0005·√2);
        // 900 of 1,100 parameters pruned: 81.82% of all; times 61 and 51 seconds.
        assertEquals(String.join("\n",
                "4 runs in 2 configurations, best test_accuracy first",
                "configuration                                runs  test acc (mean ± std)  sparsity  (of all)   time",
                "selection=gradient ratio 0.5 then magnitude     2          89.20% ± 0.14    90.00%    81.82%  61.0s",
                "selection=magnitude                             2          88.65% ± 0.07    90.00%    81.82%  51.0s",
                ""), ComparisonTable.render(comparison));
    }

    @Test
    void comparingByAnotherMetricShowsItsSpreadToo() {
        String table = ComparisonTable.render(Comparison.of(comparison.configurations().stream()
                .flatMap(c -> c.runs().stream()).toList(), Metric.WALL_TIME));
        List<String> lines = table.lines().toList();
        assertEquals("4 runs in 2 configurations, best wall_time first", lines.get(0));
        assertTrue(lines.get(1).endsWith("time (mean ± std)"), lines.get(1));
        // Faster first: 51 ± 1.4 s (50, 52) before 61 ± 1.4 s (60, 62).
        assertTrue(lines.get(2).startsWith("selection=magnitude "), lines.get(2));
        assertTrue(lines.get(2).endsWith("51.0s ± 1.4s"), lines.get(2));
        assertTrue(lines.get(3).endsWith("61.0s ± 1.4s"), lines.get(3));
    }

    @Test
    void theCsvHasOneColumnPerDifferingSettingAndEveryMetric() throws IOException {
        ComparisonFiles.Written written = ComparisonFiles.write(comparison, dir.resolve("out"));
        assertEquals(dir.resolve("out").resolve("comparison.csv"), written.csv());
        List<String> lines = Files.readAllLines(written.csv());
        assertEquals(3, lines.size());
        assertEquals("configuration,selection,runs,incomplete,test_accuracy_mean,test_accuracy_std,test_loss_mean,"
                + "test_loss_std,sparsity_mean,sparsity_std,sparsity_all_mean,sparsity_all_std,wall_time_mean,"
                + "wall_time_std,flops_mean,flops_std,run_dirs", lines.get(0));
        String[] fggp = lines.get(1).split(",", -1);
        assertEquals("selection=gradient ratio 0.5 then magnitude", fggp[0]);
        assertEquals(FGGP, fggp[1]);
        assertEquals("2", fggp[2]);
        assertEquals("0", fggp[3]);
        assertEquals(0.892, Double.parseDouble(fggp[4]), 1e-12);
        assertEquals(0.001 * Math.sqrt(2), Double.parseDouble(fggp[5]), 1e-12);
        assertEquals(0.305, Double.parseDouble(fggp[6]), 1e-12);
        assertEquals(0.9, Double.parseDouble(fggp[8]), 1e-12);
        assertEquals(0.0, Double.parseDouble(fggp[9]));
        assertEquals(900.0 / 1100, Double.parseDouble(fggp[10]), 1e-12);
        assertEquals(61.0, Double.parseDouble(fggp[12]), 1e-12);
        assertEquals("", fggp[14]);
        assertEquals("", fggp[15]);
        assertEquals("a-fggp-18;b-fggp-19", fggp[16]);
        assertEquals("selection=magnitude,magnitude,2,0", String.join(",", List.of(lines.get(2).split(",")).subList(0, 4)));
    }

    @Test
    void aCellWithACommaIsQuoted() throws IOException {
        RunDirs.write(dir, "e-chain", RunDirs.config("x", 18, "gradient, then magnitude", 0.9, 5),
                RunDirs.summary("x", 0.5, 1, 0.9, 1), null);
        String csv = ComparisonFiles.csv(Comparison.of(RunLocator.read(List.of(dir)), Metric.TEST_ACCURACY));
        assertTrue(csv.contains("\n\"selection=gradient, then magnitude\",\"gradient, then magnitude\",1,0,0.5,0.0,"), csv);
    }

    @Test
    void theJsonHoldsEachConfigurationWithItsRunsAndStatistics() throws IOException {
        ComparisonFiles.Written written = ComparisonFiles.write(comparison, dir);
        assertEquals(dir.resolve("comparison.json"), written.json());
        JsonNode doc = new ObjectMapper().readTree(written.json().toFile());
        assertEquals("test_accuracy", doc.get("by").asText());
        assertEquals("[\"selection\"]", doc.get("differing").toString());
        assertEquals(2, doc.get("configurations").size());
        JsonNode gmp = doc.get("configurations").get(1);
        assertEquals("selection=magnitude", gmp.get("label").asText());
        assertEquals("{\"selection\":\"magnitude\"}", gmp.get("settings").toString());
        assertEquals(2, gmp.get("test_accuracy").get("n").asInt());
        assertEquals(0.8865, gmp.get("test_accuracy").get("mean").asDouble(), 1e-12);
        assertEquals(0.0005 * Math.sqrt(2), gmp.get("test_accuracy").get("std").asDouble(), 1e-12);
        assertEquals(51.0, gmp.get("wall_time").get("mean").asDouble(), 1e-12);
        assertTrue(gmp.get("flops").get("mean").isNull());
        JsonNode run = gmp.get("runs").get(0);
        assertEquals("c-gmp-18", run.get("directory").asText());
        assertEquals(18, run.get("seed").asLong());
        assertEquals("finished", run.get("completion").asText());
        assertEquals(0.887, run.get("test_accuracy").asDouble());
        assertEquals("[]", doc.get("notes").toString());
    }
}
