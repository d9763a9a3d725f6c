package org.leverdesk.ui.options;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.leverdesk.optionbook.PayoffCurve;
import org.leverdesk.ui.chart.ChartFormats;
import org.leverdesk.ui.common.Formats;

/**
 * A spread's payoff diagram (ChartFX, like the other charts): profit at expiry and today against the
 * underlying's price, the zero line, and the underlying's current price as a vertical line.
 */
final class PayoffChart extends VBox {
    private final DefaultNumericAxis xAxis = new DefaultNumericAxis();
    private final DefaultNumericAxis yAxis = new DefaultNumericAxis();
    private final XYChart chart = new XYChart(xAxis, yAxis);
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final Label title = new Label("Payoff");

    PayoffChart() {
        setId("payoffChart");
        title.getStyleClass().add("chart-heading");
        // a spread's name with its strikes and expiry is longer than the pane at 1024×700: wrap, never "Payoff · bull put…"
        title.setWrapText(true);
        title.setMinHeight(Label.USE_PREF_SIZE);
        xAxis.setName("underlying price");
        xAxis.setUnit(null);
        yAxis.setName(null);
        yAxis.setUnit(null);
        xAxis.setAnimated(false);
        yAxis.setAnimated(false);
        xAxis.setAutoRangeRounding(false);
        yAxis.setAutoRangeRounding(false);
        yAxis.setAutoRangePadding(0.08);
        yAxis.setTickLabelFormatter(ChartFormats.tickLabels(v -> Formats.wholeMoney(Math.abs(v) < 1e-9 ? 0 : v)));
        renderer.setDrawMarker(false);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        chart.getRenderers().setAll(renderer);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setMinHeight(160);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(title, chart);
    }

    /** Shows {@code curve} titled {@code heading}; null clears the chart. */
    void show(PayoffCurve curve, String heading) {
        title.setText(heading == null ? "Payoff" : "Payoff · " + heading);
        if (curve == null) {
            renderer.getDatasets().clear();
            return;
        }
        double[] x = curve.prices();
        int n = x.length;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, Math.min(curve.atExpiry()[i], curve.today()[i]));
            hi = Math.max(hi, Math.max(curve.atExpiry()[i], curve.today()[i]));
        }
        double[] zeroX = {x[0], x[n - 1]};
        double[] spotX = {curve.spot(), curve.spot()};
        renderer.getDatasets().setAll(List.of(
                new DoubleDataSet("at expiry", x.clone(), curve.atExpiry().clone(), n, false),
                new DoubleDataSet("today (BSM, current IV)", x.clone(), curve.today().clone(), n, false),
                new DoubleDataSet("break-even line", zeroX, new double[] {0, 0}, 2, false),
                new DoubleDataSet(String.format(java.util.Locale.US, "underlying %.2f", curve.spot()), spotX,
                        new double[] {Math.min(lo, 0), Math.max(hi, 0)}, 2, false)));
        xAxis.setAutoRanging(true);
        yAxis.setAutoRanging(true);
        chart.invalidate();
    }
}
