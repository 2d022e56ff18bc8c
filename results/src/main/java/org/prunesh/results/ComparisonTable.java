package org.prunesh.results;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The comparison as a text table, one row per configuration:
 * <pre>
 * configuration       runs  test acc        sparsity  (of all)  time
 * selection=magnitude    2  89.10% ± 0.20     90.00%    89.44%  61.0s
 * </pre>
 * Test accuracy and the metric compared by show mean ± standard deviation, the others the mean.
 */
public final class ComparisonTable {

    /** One column: a heading and how a configuration's cell reads. */
    private record Column(String heading, Function<Comparison.Configuration, String> cell,
                          boolean leftAligned) {
    }

    private ComparisonTable() {
    }

    public static String render(Comparison comparison) {
        List<Column> columns = columns(comparison);
        List<List<String>> cells = new ArrayList<>();
        cells.add(columns.stream().map(Column::heading).toList());
        for (Comparison.Configuration c : comparison.configurations()) {
            List<String> row = new ArrayList<>();
            for (Column col : columns) row.add(col.cell().apply(c));
            cells.add(row);
        }
        boolean[] left = new boolean[columns.size()];
        for (int i = 0; i < left.length; i++) left[i] = columns.get(i).leftAligned();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%d runs in %d configurations, best %s first%n", comparison.runCount(),
                comparison.configurations().size(), comparison.by().key()));
        Columns.render(sb, cells, left);
        for (String note : comparison.notes()) sb.append("note: ").append(note).append('\n');
        return sb.toString();
    }

    private static List<Column> columns(Comparison comparison) {
        Metric by = comparison.by();
        boolean anyIncomplete = comparison.configurations().stream().anyMatch(c -> c.incomplete() + c.diverged() > 0);
        boolean anyFlops = comparison.configurations().stream().anyMatch(c -> c.stat(Metric.FLOPS).n() > 0);
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("configuration", Comparison.Configuration::label, true));
        columns.add(new Column("runs", c -> anyIncomplete ? runs(c) : String.valueOf(c.runs().size()), false));
        columns.add(spread(Metric.TEST_ACCURACY));
        if (by == Metric.TEST_LOSS) columns.add(spread(Metric.TEST_LOSS));
        for (Metric m : List.of(Metric.SPARSITY, Metric.SPARSITY_ALL)) columns.add(m == by ? spread(m) : mean(m));
        if (anyFlops || by == Metric.FLOPS) columns.add(by == Metric.FLOPS ? spread(Metric.FLOPS) : mean(Metric.FLOPS));
        columns.add(by == Metric.WALL_TIME ? spread(Metric.WALL_TIME) : mean(Metric.WALL_TIME));
        return columns;
    }

    /** {@code 3 (1 incomplete, 1 diverged)}: what the means stand on. */
    private static String runs(Comparison.Configuration c) {
        List<String> parts = new ArrayList<>();
        if (c.incomplete() > 0) parts.add(c.incomplete() + " incomplete");
        if (c.diverged() > 0) parts.add(c.diverged() + " diverged");
        return c.runs().size() + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }

    /**
     * A metric no run of the configuration has because they all diverged (test accuracy and loss)
     * reads "diverged", never a number or "n/a".
     */
    private static boolean divergedOnly(Comparison.Configuration c, Metric m) {
        return c.diverged() == c.runs().size() && c.stat(m).n() == 0;
    }

    private static Column mean(Metric m) {
        return new Column(m.header(), c -> divergedOnly(c, m) ? "diverged" : m.format(c.stat(m).mean()), false);
    }

    private static Column spread(Metric m) {
        return new Column(m.header() + " (mean ± std)", c -> {
            Stat s = c.stat(m);
            if (divergedOnly(c, m)) return "diverged";
            return s.n() == 0 ? "n/a" : m.format(s.mean()) + " ± " + m.formatSpread(s.std());
        }, false);
    }
}
