package org.leverdesk.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.AxisLabelOverlapPolicy;
import io.fair_acc.chartfx.axes.AxisMode;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.EditAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;

/**
 * A line chart of one or more daily time series on a date axis, built on ChartFX so that decades
 * of daily bars stay smooth: drag a rectangle or scroll to zoom, pan with the middle mouse button
 * or Ctrl+drag, click an axis to type its range, hover to read the date and every series' value,
 * and "Reset zoom" to see everything again. Reused by the backtest, price and regime charts.
 */
public final class TimeSeriesChart extends VBox {
    private final DefaultNumericAxis xAxis = new DefaultNumericAxis();
    private final DefaultNumericAxis yAxis = new DefaultNumericAxis();
    private final XYChart chart = new XYChart(xAxis, yAxis);
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final Zoomer zoomer = new Zoomer(AxisMode.XY, false);
    private final HoverReadout readout;
    private final Label titleLabel = new Label();
    private final BandLayer bandLayer;
    private final DayClick dayClick;
    private List<ChartSeries> series = List.of();
    private boolean following;

    /**
     * @param title       shown above the chart
     * @param valueFormat formats y values on the axis and in the hover readout
     */
    public TimeSeriesChart(String title, DoubleFunction<String> valueFormat) {
        getStyleClass().add("time-series-chart");
        titleLabel.setText(title);
        titleLabel.getStyleClass().add("chart-heading");

        xAxis.setTimeAxis(true);
        xAxis.setAutoRangeRounding(false);
        xAxis.setOverlapPolicy(AxisLabelOverlapPolicy.SKIP_ALT);
        xAxis.setAnimated(false);
        yAxis.setAutoRangeRounding(true);
        yAxis.setAnimated(false);
        yAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return valueFormat.apply(value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("axis labels are display only");
            }
        });

        // Lines only: no markers and no error bars; point reduction keeps 10k+ points cheap to draw.
        renderer.setDrawMarker(false);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        renderer.setPointReduction(true);
        renderer.setAssumeSortedData(true);
        chart.getRenderers().setAll(renderer);
        chart.setAnimated(false);
        chart.setLegendVisible(true);

        readout = new HoverReadout(valueFormat);
        dayClick = new DayClick(() -> series);
        chart.getPlugins().addAll(zoomer, new EditAxis(AxisMode.XY, false), readout, dayClick);
        bandLayer = new BandLayer(chart.getPlotBackground(), xAxis);
        VBox.setVgrow(chart, Priority.ALWAYS);
        chart.setMinHeight(120);

        Button reset = new Button("Reset zoom");
        reset.getStyleClass().add("small-button");
        reset.setOnAction(e -> resetZoom());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, titleLabel, spacer, reset);
        header.getStyleClass().add("chart-header");
        getChildren().addAll(header, chart);
    }

    /** Replaces all lines; an empty list clears the chart. */
    public void setSeries(List<ChartSeries> newSeries) {
        series = List.copyOf(newSeries);
        List<DataSet> sets = new ArrayList<>(series.size());
        for (ChartSeries s : series) {
            // deep copy off: the record owns its arrays and ChartFX only reads them
            sets.add(new DoubleDataSet(s.name(), s.x(), s.y(), s.size(), false));
        }
        zoomer.zoomStackDeque().clear();
        xAxis.setAutoRanging(!isFollower());
        yAxis.setAutoRanging(true);
        readout.setSeries(series);
        chart.getDatasets().setAll(sets);
    }

    /** Shades stretches of the date axis behind the lines (e.g. by market regime); an empty list clears them. */
    public void setBands(List<ChartBand> bands) {
        bandLayer.setBands(bands);
    }

    /** The shaded stretches, as last passed to {@link #setBands(List)}. */
    public List<ChartBand> bands() {
        return bandLayer.bands();
    }

    /** Calls {@code onDay} with the day of the nearest bar when the plot is clicked (not dragged). */
    public void setOnDayClicked(java.util.function.Consumer<java.time.LocalDate> onDay) {
        dayClick.setOnDay(onDay);
    }

    /** The lines shown, as last passed to {@link #setSeries(List)}. */
    public List<ChartSeries> series() {
        return series;
    }

    /** Shows or hides the legend (hide it when a chart above already names the same series). */
    public void setLegendVisible(boolean visible) {
        chart.setLegendVisible(visible);
    }

    /** Fills the area between each line and zero, e.g. for drawdowns. */
    public void setAreaFill(boolean fill) {
        renderer.setPolyLineStyle(fill ? LineStyle.AREA : LineStyle.NORMAL);
    }

    /** Returns to the full range of the data. */
    public void resetZoom() {
        zoomer.zoomOrigin();
        zoomer.zoomStackDeque().clear();
        if (!isFollower()) {
            xAxis.setAutoRanging(true);
        }
        yAxis.setAutoRanging(true);
        chart.invalidate();
    }

    private boolean isFollower() {
        return following;
    }

    /**
     * Keeps this chart's date range equal to {@code leader}'s (zoom and pan there move this chart
     * too); zooming here then only changes the value axis.
     */
    public void followXRange(TimeSeriesChart leader) {
        following = true;
        xAxis.setAutoRanging(false);
        zoomer.setAxisMode(AxisMode.Y);
        leader.xAxis.minProperty().addListener((obs, old, min) -> xAxis.set(min.doubleValue(), leader.xAxis.getMax()));
        leader.xAxis.maxProperty().addListener((obs, old, max) -> xAxis.set(leader.xAxis.getMin(), max.doubleValue()));
        xAxis.set(leader.xAxis.getMin(), leader.xAxis.getMax());
    }

    /**
     * Keeps this chart's and {@code other}'s date ranges equal while both keep zooming and panning
     * in time: a zoom, pan or reset in either moves the other (unlike {@link #followXRange}, one way).
     */
    public void shareXRange(TimeSeriesChart other) {
        link(this, other);
        link(other, this);
    }

    private static void link(TimeSeriesChart from, TimeSeriesChart to) {
        javafx.beans.InvalidationListener copy = obs -> {
            double min = from.xAxis.getMin();
            double max = from.xAxis.getMax();
            // Equal ranges end the ping-pong; an empty chart's range is not worth copying.
            if (from.series.isEmpty() || !(max > min) || (to.xAxis.getMin() == min && to.xAxis.getMax() == max)) {
                return;
            }
            to.xAxis.setAutoRanging(false);
            to.xAxis.set(min, max);
        };
        from.xAxis.minProperty().addListener(copy);
        from.xAxis.maxProperty().addListener(copy);
    }

    /** The date axis, for tests and for charts that need to align with this one. */
    DefaultNumericAxis xAxis() {
        return xAxis;
    }

    /** The value axis, for layers that paint in data coordinates. */
    DefaultNumericAxis yAxis() {
        return yAxis;
    }

    /** Turns ChartFX's point reduction off, so a line passes through every point (e.g. each candle's close). */
    void drawEveryPoint() {
        renderer.setPointReduction(false);
    }

    /** Draws line {@code index} at {@code percent} opacity (100 = normal); ignored before ChartFX made its style node. */
    void setLineIntensity(int index, double percent) {
        var nodes = renderer.getDatasetNodes();
        if (index < nodes.size() && nodes.get(index).getIntensity() != percent) {
            nodes.get(index).setIntensity(percent);
        }
    }

    /** Changes the heading above the chart. */
    void setTitle(String title) {
        titleLabel.setText(title);
    }

    /** The underlying ChartFX chart (package-private, for tests). */
    XYChart chart() {
        return chart;
    }

    /** The hover text for the bar nearest to {@code epochSeconds}. */
    String readoutAt(double epochSeconds) {
        return readout.textAt(epochSeconds);
    }
}
