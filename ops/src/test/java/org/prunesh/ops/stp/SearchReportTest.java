package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.model.Architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchReportTest {

    @Test
    void spearmanAndKendallWithTiesMatchTheirDefinitions() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {5, 6, 7, 8, 7};
        assertArrayEquals(new double[]{1, 2, 3.5, 5, 3.5}, RankCorrelation.ranks(y));
        // ranks centred: x {-2, -1, 0, 1, 2}, y {-2, -1, .5, 2, .5}: 8 / sqrt(10 * 9.5)
        assertEquals(8 / Math.sqrt(95), RankCorrelation.spearman(x, y), 1e-15);
        // 10 pairs, 1 tied in y, 8 concordant, 1 discordant: 7 / sqrt(10 * 9) (scipy: 0.7378647873726218)
        assertEquals(7 / Math.sqrt(90), RankCorrelation.kendall(x, y), 1e-15);
        assertEquals(-1.0, RankCorrelation.spearman(x, new double[]{5, 4, 3, 2, 1}), 1e-15);
        assertEquals(-1.0, RankCorrelation.kendall(x, new double[]{5, 4, 3, 2, 1}), 1e-15);
        assertEquals("a rank correlation needs two samples of the same size, at least 2: 1 and 1",
                assertThrows(IllegalArgumentException.class,
                        () -> RankCorrelation.spearman(new double[]{1}, new double[]{2})).getMessage());
    }

    @Test
    void theReportRanksCandidatesByScoreAgainstTheirAccuracy() {
        Architecture r20 = BudgetSamplingTest.R20;
        List<Arch> archs = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(1);
        while (archs.size() < 4) {
            Arch a = BudgetSamplingTest.COUPLED.sample(r20, rng);
            if (!archs.contains(a)) archs.add(a);
        }
        double[] kd = {0.5, 0.2, 0.9, 0.1};
        Map<Arch, Double> accuracy = Map.of(archs.get(0), 0.7, archs.get(1), 0.8, archs.get(2), 0.6,
                archs.get(3), 0.75);
        List<ArchSearch.Scored> scored = new ArrayList<>();
        for (int i = 0; i < 4; i++) scored.add(new ArchSearch.Scored(archs.get(i), kd[i]));
        SearchReport report = SearchReport.of(r20, scored, accuracy::get);
        // -KD {-0.5, -0.2, -0.9, -0.1} against {0.7, 0.8, 0.6, 0.75}: scipy 0.8 and 0.6667
        assertEquals(0.8, report.spearman(), 1e-12);
        assertEquals(4.0 / 6, report.kendall(), 1e-12);
        assertEquals(SubnetLayout.of(r20, archs.get(2)).macsFraction(), report.rows().get(2).macsFraction());
        assertEquals(0.6, report.rows().get(2).accuracy());
        List<String> lines = report.lines(r20);
        assertEquals(6, lines.size());
        assertTrue(lines.get(1).startsWith("1        0.1000 "), lines.get(1));
        assertTrue(lines.get(1).contains("  75.00%  " + archs.get(3).literal(r20)), lines.get(1));
        assertEquals("4 candidates: Spearman 0.800, Kendall 0.667 (of -KD against held-out accuracy; 1 = the score"
                + " ranks them perfectly)", lines.get(5));
    }
}
