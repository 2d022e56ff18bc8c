package org.prunesh.results;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The charts across runs: one point per configuration, the spread over its seeds as an error bar. */
final class ComparisonCharts {

    /** Longer labels are cut in the legend (it is as wide as the chart); the CSV and JSON keep them whole. */
    private static final int LEGEND_LABEL = 60;

    private ComparisonCharts() {
    }

    /** Configurations that record both numbers, as {@link PlotFiles} selects them. */
    static List<Comparison.Configuration> plottable(Comparison comparison) {
        return comparison.configurations().stream()
                .filter(c -> c.stat(Metric.TEST_ACCURACY).n() > 0 && c.stat(Metric.SPARSITY).n() > 0).toList();
    }

    /** Mean test accuracy against mean sparsity of the prunable weights, error bars one standard deviation. */
    static XYChart accuracyVsSparsity(Comparison comparison) {
        XYChart chart = new XYChartBuilder().width(PlotFiles.WIDTH).height(PlotFiles.HEIGHT)
                .title("test accuracy vs sparsity (mean ± std over seeds)")
                .xAxisTitle("sparsity of prunable weights (%)").yAxisTitle("test accuracy (%)").build();
        Set<String> names = new HashSet<>();
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Comparison.Configuration c : plottable(comparison)) {
            Stat accuracy = c.stat(Metric.TEST_ACCURACY);
            double x = 100 * c.stat(Metric.SPARSITY).mean();
            String name = legendName(c, names);
            XYSeries point = chart.addSeries(name, new double[] {x}, new double[] {100 * accuracy.mean()},
                    new double[] {100 * accuracy.std()});
            point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, 100 * (accuracy.mean() - accuracy.std()));
            maxY = Math.max(maxY, 100 * (accuracy.mean() + accuracy.std()));
        }
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setErrorBarsColorSeriesColor(true);
        styler.setMarkerSize(10);
        // A margin keeps points and error bars off the frame, and gives an axis width when all
        // configurations share one sparsity or one accuracy.
        double padX = Math.max(1, 0.05 * (maxX - minX));
        double padY = Math.max(0.5, 0.1 * (maxY - minY));
        styler.setXAxisMin(minX - padX).setXAxisMax(maxX + padX);
        styler.setYAxisMin(minY - padY).setYAxisMax(maxY + padY);
        styler.setXAxisDecimalPattern("0.#");
        styler.setYAxisDecimalPattern("0.##");
        return chart;
    }

    /** The run count, then the label cut to fit the legend; unique, since the chart keys series by name. */
    private static String legendName(Comparison.Configuration c, Set<String> taken) {
        String label = c.label().length() > LEGEND_LABEL ? c.label().substring(0, LEGEND_LABEL - 3) + "..." : c.label();
        String base = "(n=" + c.runs().size() + ") " + label;
        String name = base;
        for (int i = 2; !taken.add(name); i++) name = base + " #" + i;
        return name;
    }
}
