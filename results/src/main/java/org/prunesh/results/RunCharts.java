package org.prunesh.results;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.prunesh.ops.schedule.SchedulePoint;
import org.prunesh.ops.train.EpochMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The charts of one run. Each method expects the data its chart needs to be there
 * ({@link PlotFiles} checks and says why a chart is skipped). Sparsity and accuracy are drawn in
 * percent.
 */
final class RunCharts {

    private RunCharts() {
    }

    /**
     * The target sparsity as a step function of the optimizer step (it holds from one mask update to
     * the next), the mask updates marked on it, and the sparsity measured at the end of each epoch.
     */
    static XYChart schedule(RunResults run) {
        List<SchedulePoint> points = run.pruningSteps();
        XYChart chart = new XYChartBuilder().width(PlotFiles.WIDTH).height(PlotFiles.HEIGHT)
                .title(run.name() + (points.isEmpty() ? ": sparsity (no pruning steps)" : ": sparsity schedule"))
                .xAxisTitle("optimizer step")
                .yAxisTitle("sparsity of prunable weights (%)").build();
        long lastStep = points.isEmpty() ? 0 : points.get(points.size() - 1).step();
        if (!points.isEmpty()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (SchedulePoint p : points) {
                x.add((double) p.step());
                y.add(100 * p.target());
            }
            if (run.totalSteps() > lastStep) {
                x.add((double) run.totalSteps());
                y.add(y.get(y.size() - 1));
            }
            XYSeries target = chart.addSeries("target", x, y);
            target.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            target.setMarker(SeriesMarkers.NONE);
            XYSeries marks = chart.addSeries("pruning steps (" + points.size() + ")",
                    points.stream().map(p -> (double) p.step()).toList(),
                    points.stream().map(p -> 100 * p.target()).toList());
            marks.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            marks.setMarker(SeriesMarkers.CIRCLE);
        }
        if (!run.epochs().isEmpty()) {
            XYSeries measured = chart.addSeries("measured at epoch end",
                    run.epochs().stream().map(e -> (double) e.step()).toList(),
                    run.epochs().stream().map(e -> 100 * e.sparsity()).toList());
            measured.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            measured.setMarker(SeriesMarkers.DIAMOND);
        }
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideSE);
        styler.setYAxisMin(0.0).setYAxisMax(100.0).setXAxisMin(0.0);
        long end = Math.max(run.totalSteps(), lastStep);
        if (end > 0) styler.setXAxisMax((double) end);
        return chart;
    }

    /** Train and test loss on the left axis, test accuracy on the right, by epoch. */
    static XYChart training(RunResults run) {
        XYChart chart = new XYChartBuilder().width(PlotFiles.WIDTH).height(PlotFiles.HEIGHT)
                .title(run.name() + ": training curves").xAxisTitle("epoch").yAxisTitle("loss").build();
        List<EpochMetrics> epochs = run.epochs();
        curve(chart, "train loss", epochs, EpochMetrics::trainLoss, 1, 0);
        curve(chart, "test loss", epochs, EpochMetrics::testLoss, 1, 0);
        curve(chart, "test accuracy (right axis)", epochs, EpochMetrics::testAccuracy, 100, 1);
        chart.setYAxisGroupTitle(0, "loss");
        chart.setYAxisGroupTitle(1, "test accuracy (%)");
        XYStyler styler = chart.getStyler();
        styler.setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setXAxisDecimalPattern("0");
        int first = epochs.get(0).epoch();
        int last = epochs.get(epochs.size() - 1).epoch();
        // One epoch would give the axis no width; whole epochs either side keep the point in view.
        styler.setXAxisMin((double) (first == last ? first - 1 : first))
                .setXAxisMax((double) (first == last ? last + 1 : last));
        return chart;
    }

    /** Sparsity of each prunable tensor, with the sparsity over all prunable weights in the title. */
    static CategoryChart layers(RunResults run) {
        List<LayerTable.Row> prunable = run.layers().stream().filter(LayerTable.Row::prunable).toList();
        CategoryChart chart = new CategoryChartBuilder().width(PlotFiles.WIDTH).height(PlotFiles.HEIGHT)
                .title(String.format("%s: sparsity per prunable tensor (%.2f%% over all of them)", run.name(),
                        100 * run.sparsityPrunable()))
                .xAxisTitle("tensor").yAxisTitle("sparsity (%)").build();
        CategorySeries bars = chart.addSeries("sparsity", prunable.stream().map(LayerTable.Row::name).toList(),
                prunable.stream().map(r -> 100 * r.sparsity()).toList());
        bars.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Bar);
        CategoryStyler styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setYAxisMin(0.0).setYAxisMax(100.0);
        if (prunable.size() <= 16) {
            styler.setLabelsVisible(true);
            styler.setDecimalPattern("0.#");
            styler.setLabelsPosition(0.9);
            styler.setYAxisDecimalPattern("0.#");
        }
        if (prunable.size() > 6) styler.setXAxisLabelRotation(45);
        return chart;
    }

    /** A curve over the epochs that record the value; an epoch without it (NaN) is left out. */
    private static void curve(XYChart chart, String name, List<EpochMetrics> epochs,
                              ToDoubleFunction<EpochMetrics> value, double scale, int axis) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (EpochMetrics e : epochs) {
            double v = value.applyAsDouble(e);
            if (Double.isNaN(v)) continue;
            x.add((double) e.epoch());
            y.add(scale * v);
        }
        if (x.isEmpty()) return;
        XYSeries series = chart.addSeries(name, x, y);
        series.setYAxisGroup(axis);
        series.setMarker(SeriesMarkers.CIRCLE);
    }
}
