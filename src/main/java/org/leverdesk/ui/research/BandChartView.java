package org.leverdesk.ui.research;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.List;
import java.util.function.DoubleFunction;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.leverdesk.research.montecarlo.Band;
import org.leverdesk.ui.chart.ChartFormats;

/** Monte Carlo bands after each trade (ChartFX): the 5th, 50th and 95th percentile and the run's own path. */
final class BandChartView extends VBox {
    private final DefaultNumericAxis xAxis = new DefaultNumericAxis();
    private final DefaultNumericAxis yAxis = new DefaultNumericAxis();
    private final XYChart chart = new XYChart(xAxis, yAxis);
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();

    BandChartView(String heading, DoubleFunction<String> format) {
        Label title = new Label(heading);
        title.getStyleClass().add("chart-heading");
        xAxis.setName("trades");
        xAxis.setUnit(null);
        yAxis.setName(null);
        yAxis.setUnit(null);
        xAxis.setAnimated(false);
        yAxis.setAnimated(false);
        xAxis.setAutoRangeRounding(false);
        // ChartFX's rounding of an all-negative range (drawdowns) collapses it to zero; plain padding does not
        yAxis.setAutoRangeRounding(false);
        yAxis.setAutoRangePadding(0.05);
        yAxis.setTickLabelFormatter(ChartFormats.tickLabels(v -> format.apply(Math.abs(v) < 1e-12 ? 0 : v))); // no "-0.00%"
        renderer.setDrawMarker(false);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        chart.getRenderers().setAll(renderer);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setMinHeight(140);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(title, chart);
    }

    /** Shows {@code band} and {@code observed} (one value per step 0..n); null clears the chart. */
    void show(Band band, double[] observed) {
        if (band == null) {
            renderer.getDatasets().clear();
            return;
        }
        int n = band.steps();
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = k;
        }
        renderer.getDatasets().setAll(List.of(
                new DoubleDataSet("95th percentile", x.clone(), band.p95().clone(), n, false),
                new DoubleDataSet("median", x.clone(), band.p50().clone(), n, false),
                new DoubleDataSet("5th percentile", x.clone(), band.p5().clone(), n, false),
                new DoubleDataSet("this run's order", x.clone(), observed.clone(), n, false)));
        xAxis.setAutoRanging(true);
        yAxis.setAutoRanging(true);
        chart.invalidate();
    }
}
