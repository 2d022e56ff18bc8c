package org.prunesh.results;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.List;

/**
 * The paired differences against the baseline as points with their 95% intervals (t intervals are
 * symmetric, so an error bar draws one), one x position per row, and a line at 0: a bar that
 * does not cross it is a difference that seeds alone would rarely give.
 */
final class PairedChart {

    private PairedChart() {
    }

    /** Rows with an interval (two or more pairs). */
    static List<PairedComparison.Row> plottable(PairedComparison p) {
        return p.rows().stream().filter(r -> !Double.isNaN(r.interval().low())).toList();
    }

    static XYChart differences(PairedComparison p) {
        double scale = p.by().isPercent() ? 100 : 1;
        String unit = p.by().isPercent() ? " (points)" : "";
        XYChart chart = new XYChartBuilder().width(PlotFiles.WIDTH).height(PlotFiles.HEIGHT)
                .title(p.by().header() + " − " + p.baseline() + ", paired by seed (mean, 95% t interval)")
                .xAxisTitle("configuration").yAxisTitle("difference" + unit).build();
        List<PairedComparison.Row> rows = plottable(p);
        double lowest = 0, highest = 0;
        for (int i = 0; i < rows.size(); i++) {
            PairedComparison.Row r = rows.get(i);
            TInterval t = r.interval();
            String name = (i + 1) + ": " + (r.setting().isEmpty() ? "" : r.settingLabel() + ", ") + p.factor() + "="
                    + r.value() + " (n=" + t.n() + ")";
            XYSeries s = chart.addSeries(name, new double[] {i + 1}, new double[] {scale * t.mean()},
                    new double[] {scale * (t.high() - t.mean())});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            lowest = Math.min(lowest, scale * t.low());
            highest = Math.max(highest, scale * t.high());
        }
        XYSeries zero = chart.addSeries(p.baseline() + " (0)", new double[] {0.5, rows.size() + 0.5}, new double[] {0, 0});
        zero.setMarker(SeriesMarkers.NONE);
        zero.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setErrorBarsColorSeriesColor(true);
        styler.setMarkerSize(10);
        double pad = Math.max(0.1, 0.1 * (highest - lowest));
        styler.setXAxisMin(0.5).setXAxisMax(rows.size() + 0.5);
        styler.setYAxisMin(lowest - pad).setYAxisMax(highest + pad);
        styler.setXAxisDecimalPattern("0");
        styler.setYAxisDecimalPattern("0.##");
        return chart;
    }
}
