package org.prunesh.ops.stp;

import org.prunesh.ops.model.Architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * How well the KD score ranks subnets: each scored candidate with its score, MACs fraction and
 * held-out accuracy, and the rank correlations of −score against accuracy (1 when a lower KD loss
 * always means a higher accuracy, 0 when the score says nothing). The accuracy is measured after
 * the same recalibration as the score, on the whole held-out split.
 *
 * @param rows     in the order the search scored them
 * @param spearman Spearman's rho of −score against accuracy; NaN with fewer than 2 candidates
 * @param kendall  Kendall's tau-b of the same
 */
public record SearchReport(List<Row> rows, double spearman, double kendall) {

    public record Row(Arch arch, double score, double macsFraction, double accuracy) {
    }

    public SearchReport {
        rows = List.copyOf(rows);
    }

    /**
     * @param accuracy a candidate's held-out accuracy (e.g. {@link CandidateEvaluator#accuracy})
     */
    public static SearchReport of(Architecture a, List<ArchSearch.Scored> scored, ToDoubleFunction<Arch> accuracy) {
        List<Row> rows = new ArrayList<>();
        for (ArchSearch.Scored s : scored) {
            rows.add(new Row(s.arch(), s.score(), SubnetLayout.of(a, s.arch()).macsFraction(),
                    accuracy.applyAsDouble(s.arch())));
        }
        List<Row> finite = rows.stream().filter(r -> !Double.isNaN(r.score()) && !Double.isNaN(r.accuracy())).toList();
        if (finite.size() < 2) return new SearchReport(rows, Double.NaN, Double.NaN);
        double[] negScore = finite.stream().mapToDouble(r -> -r.score()).toArray();
        double[] acc = finite.stream().mapToDouble(Row::accuracy).toArray();
        return new SearchReport(rows, RankCorrelation.spearman(negScore, acc), RankCorrelation.kendall(negScore, acc));
    }

    /** One line per candidate, best score first, then the correlations. */
    public List<String> lines(Architecture a) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-4s %10s %7s %9s  %s", "rank", "KD", "FLOPs", "held-out", "arch"));
        List<Row> sorted = rows.stream().sorted((x, y) -> Double.compare(x.score(), y.score())).toList();
        for (int i = 0; i < sorted.size(); i++) {
            Row r = sorted.get(i);
            out.add(String.format(Locale.ROOT, "%-4d %10.4f %6.1f%% %8.2f%%  %s", i + 1, r.score(),
                    100 * r.macsFraction(), 100 * r.accuracy(), r.arch().literal(a)));
        }
        out.add(String.format(Locale.ROOT, "%d candidates: Spearman %.3f, Kendall %.3f (of -KD against held-out"
                + " accuracy; 1 = the score ranks them perfectly)", rows.size(), spearman, kendall));
        return out;
    }
}
