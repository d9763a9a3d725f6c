package org.leverdesk.ui.chart;

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

/**
 * A titled chart of a few lines over a numeric x axis (ChartFX), for the small charts beside the time
 * charts: a spread's payoff, the Monte Carlo bands. No markers, no error bars, a legend, y labels in the
 * caller's format, and no axis rounding (ChartFX's rounding of an all-negative range, a drawdown's,
 * collapses it to zero; plain padding does not).
 */
public final class LinePlot extends VBox {
    private final DefaultNumericAxis xAxis = new DefaultNumericAxis();
    private final DefaultNumericAxis yAxis = new DefaultNumericAxis();
    private final XYChart chart = new XYChart(xAxis, yAxis);
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final Label title;

    /**
     * @param heading   the title above the chart
     * @param xName     the x axis's name
     * @param yFormat   the y tick labels' text (a value within 1e-9 of zero is given as 0: never "-0.00%")
     * @param yPadding  the share of the y range left free above and below the lines
     * @param minHeight the chart's least height in pixels
     */
    public LinePlot(String heading, String xName, DoubleFunction<String> yFormat, double yPadding, double minHeight) {
        title = new Label(heading);
        title.getStyleClass().add("chart-heading");
        xAxis.setName(xName);
        xAxis.setUnit(null);
        yAxis.setName(null);
        yAxis.setUnit(null);
        xAxis.setAnimated(false);
        yAxis.setAnimated(false);
        xAxis.setAutoRangeRounding(false);
        yAxis.setAutoRangeRounding(false);
        yAxis.setAutoRangePadding(yPadding);
        yAxis.setTickLabelFormatter(ChartFormats.tickLabels(v -> yFormat.apply(Math.abs(v) < 1e-9 ? 0 : v)));
        renderer.setDrawMarker(false);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        chart.getRenderers().setAll(renderer);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setMinHeight(minHeight);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(title, chart);
    }

    /** The title label (for a caller whose title changes or wraps). */
    public Label title() {
        return title;
    }

    /** Shows {@code lines}, re-fitting both axes to them; an empty list clears the chart. */
    public void show(List<DoubleDataSet> lines) {
        renderer.getDatasets().setAll(lines);
        xAxis.setAutoRanging(true);
        yAxis.setAutoRanging(true);
        chart.invalidate();
    }
}
