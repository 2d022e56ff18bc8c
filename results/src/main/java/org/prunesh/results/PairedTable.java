package org.prunesh.results;

import java.util.ArrayList;
import java.util.List;

/**
 * The paired comparison as text:
 * <pre>
 * test acc against method=fggp: difference per seed (value − fggp), mean and 95% t interval
 * setting       method     pairs  mean diff  95% interval
 * sparsity=0.9  magnitude      3      +0.40  [+0.10, +0.70]  *
 * * the interval excludes 0: unlikely to be seed noise alone
 * </pre>
 * followed by the ranks when there is more than one setting. Percentages differ in points.
 */
public final class PairedTable {

    private PairedTable() {
    }

    public static String render(PairedComparison p) {
        Metric by = p.by();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%s against %s=%s: difference per seed (value − %s)%s, mean and 95%% t interval%n",
                by.header(), p.factor(), p.baseline(), p.baseline(),
                by.isPercent() ? " in points" : ""));
        boolean anySetting = p.rows().stream().anyMatch(r -> !r.setting().isEmpty());
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>();
        if (anySetting) header.add("setting");
        header.addAll(List.of(p.factor(), "pairs", "mean diff", "95% interval", ""));
        table.add(header);
        boolean anyFlag = false;
        for (PairedComparison.Row r : p.rows()) {
            List<String> cells = new ArrayList<>();
            if (anySetting) cells.add(r.settingLabel());
            TInterval t = r.interval();
            cells.add(r.value());
            cells.add(String.valueOf(r.seeds().size()));
            cells.add(signed(by, t.mean()));
            cells.add(Double.isNaN(t.low()) ? "n/a" : "[" + signed(by, t.low()) + ", " + signed(by, t.high()) + "]");
            cells.add(t.excludesZero() ? "*" : "");
            anyFlag |= t.excludesZero();
            table.add(cells);
        }
        if (p.rows().isEmpty()) {
            sb.append("no configuration to pair with ").append(p.factor()).append('=').append(p.baseline()).append('\n');
        } else {
            Columns.render(sb, table, Columns.leftFirst(anySetting ? 2 : 1, header.size()));
        }
        if (anyFlag) sb.append("* the interval excludes 0: unlikely to be seed noise alone\n");
        Ranking ranking = p.ranking();
        if (ranking.settings() > 1) {
            sb.append(String.format("mean rank of %s over %d settings (1 = best %s; ties share their mean rank)%n",
                    p.factor(), ranking.settings(), by.header()));
            List<List<String>> ranks = new ArrayList<>();
            ranks.add(List.of(p.factor(), "mean rank", "best in"));
            for (Ranking.Entry e : ranking.entries()) {
                ranks.add(List.of(e.value(), String.format("%.2f", e.meanRank()), e.best() + " of " + e.appearances()));
            }
            Columns.render(sb, ranks, Columns.leftFirst(1, 3));
        }
        for (String note : p.notes()) sb.append("note: ").append(note).append('\n');
        return sb.toString();
    }

    /** A difference with its sign, in the metric's spread unit (points for percentages). */
    static String signed(Metric by, double v) {
        if (Double.isNaN(v)) return "n/a";
        String s = by.formatSpread(Math.abs(v));
        return (v < 0 ? "-" : "+") + s;
    }
}
