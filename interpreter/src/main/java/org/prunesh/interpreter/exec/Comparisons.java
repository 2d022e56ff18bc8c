package org.prunesh.interpreter.exec;

import org.prunesh.results.Comparison;
import org.prunesh.results.ComparisonFiles;
import org.prunesh.results.ComparisonTable;
import org.prunesh.results.Metric;
import org.prunesh.results.PairedComparison;
import org.prunesh.results.PairedFiles;
import org.prunesh.results.PairedTable;
import org.prunesh.results.RunLocator;
import org.prunesh.results.RunResults;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code report compare by METRIC [against BASELINE]}: the last sweep's runs (or the session's) grouped by configuration. */
final class Comparisons {

    private Comparisons() {
    }

    /** The table, after writing comparison.csv and comparison.json beside the runs. */
    static String report(List<SessionState.RunRow> history, Step.Report report) throws StatementError {
        int lastSweep = history.stream().mapToInt(SessionState.RunRow::sweep).max().orElse(0);
        List<RunResults> runs = new ArrayList<>();
        try {
            for (SessionState.RunRow row : history) {
                if (row.directory() != null && (lastSweep == 0 || row.sweep() == lastSweep)) {
                    runs.add(RunResults.read(row.directory()));
                }
            }
            if (runs.isEmpty()) return "no finished runs in this session to compare\n";
            Metric by = report.by() == null ? Metric.TEST_ACCURACY : report.by();
            Comparison comparison = Comparison.of(runs, by);
            PairedComparison paired = null;
            if (report.against() != null) {
                try {
                    paired = PairedComparison.of(runs, by, report.against().text());
                } catch (IllegalArgumentException e) {
                    throw new StatementError(report.against().span(), e.getMessage(), e);
                }
            }
            ComparisonFiles.Written files = ComparisonFiles.write(comparison, RunLocator.commonFolder(runs));
            String out = ComparisonTable.render(comparison) + "written to " + files.csv() + " and " + files.json() + "\n";
            if (paired == null) return out;
            ComparisonFiles.Written pairedFiles = PairedFiles.write(paired, RunLocator.commonFolder(runs));
            return out + PairedTable.render(paired) + "written to " + pairedFiles.csv() + " and " + pairedFiles.json()
                    + "\n";
        } catch (IOException e) {
            throw new StatementError(report.span(), "cannot compare the runs: " + e.getMessage(), e);
        }
    }
}
