package org.leverdesk.ui.research;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import io.fair_acc.chartfx.renderer.ContourType;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ContourDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DataSetBuilder;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.leverdesk.research.Trial;
import org.leverdesk.ui.chart.ChartFormats;

/**
 * The sweep's chart (ChartFX): a heatmap of the metric over two parameters (ContourDataSetRenderer,
 * colour scale on the right) or a line over one; hovering names the cell, a click on a cell hands its run
 * to {@link #setOnTrialClicked}.
 */
final class SweepChartView extends VBox {
    private final Label title = new Label();
    private final Label hover = new Label(" ");
    private final DefaultNumericAxis xAxis = new DefaultNumericAxis();
    private final DefaultNumericAxis yAxis = new DefaultNumericAxis();
    private final DefaultNumericAxis zAxis = new DefaultNumericAxis();
    private final XYChart chart = new XYChart(xAxis, yAxis);
    private final ContourDataSetRenderer heatmap = new ContourDataSetRenderer();
    private final ErrorDataSetRenderer line = new ErrorDataSetRenderer();
    private SweepChart data = SweepChart.NONE;
    private Consumer<Trial> onTrial = t -> { };

    SweepChartView() {
        getStyleClass().add("sweep-chart");
        title.getStyleClass().add("chart-heading");
        hover.getStyleClass().add("muted");
        for (DefaultNumericAxis a : new DefaultNumericAxis[] {xAxis, yAxis, zAxis}) {
            a.setAnimated(false);
            a.setAutoRangeRounding(false);
            a.setUnit(null);
            // chartfx names a new axis "axis label"; an empty chart names none
            a.setName(null);
        }
        heatmap.setColorGradient(io.fair_acc.chartfx.renderer.spi.utils.ColorGradient.VIRIDIS);
        zAxis.setSide(Side.RIGHT);
        heatmap.getAxes().addAll(xAxis, yAxis, zAxis);
        heatmap.setContourType(ContourType.HEATMAP);
        line.setErrorStyle(ErrorStyle.NONE);
        line.setPolyLineStyle(LineStyle.NORMAL);
        line.setDrawMarker(true);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getPlugins().add(new CellPicker());
        chart.setMinHeight(160);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(title, chart, hover);
        show(SweepChart.NONE);
    }

    void setOnTrialClicked(Consumer<Trial> action) {
        onTrial = action == null ? t -> { } : action;
    }

    /** Draws {@code c}. */
    void show(SweepChart c) {
        data = c;
        chart.getRenderers().clear();
        chart.getDatasets().clear();
        chart.getAxes().remove(zAxis);
        switch (c.kind()) {
            case NONE -> {
                title.setText("The chart needs a numeric parameter with several values");
                xAxis.setName(null);
                yAxis.setName(null);
            }
            case LINE -> {
                title.setText(c.metric().label() + " by " + c.xName() + (c.bestOverOthers() ? " (best over the other parameters)" : "")
                        + " · click a point to open that run in the Backtest view");
                xAxis.setName(c.xName());
                yAxis.setName(c.metric().label());
                double[] ys = new double[c.xs().length];
                for (int i = 0; i < ys.length; i++) {
                    ys[i] = c.values()[i][0];
                }
                line.getDatasets().setAll(new DoubleDataSet(c.metric().label(), c.xs().clone(), ys, ys.length, false));
                chart.getRenderers().setAll(line);
            }
            case HEATMAP -> {
                title.setText(c.metric().label() + " over " + c.xName() + " × " + c.yName()
                        + (c.bestOverOthers() ? " (best over the other parameters)" : "") + " · click a cell to open that run");
                xAxis.setName(c.xName());
                yAxis.setName(c.yName());
                zAxis.setName(c.metric().label());
                chart.getAxes().add(zAxis);
                heatmap.getDatasets().setAll(grid(c));
                chart.getRenderers().setAll(heatmap);
            }
        }
        boolean cells = c.kind() == SweepChart.Kind.HEATMAP;
        xAxis.setTickLabelFormatter(cells ? indexLabels(c.xs()) : null);
        yAxis.setTickLabelFormatter(cells ? indexLabels(c.ys()) : null);
        if (cells) {
            // cells sit on whole numbers 0..n-1 of each axis, so every cell is centred on its tick
            xAxis.setAutoRanging(false);
            yAxis.setAutoRanging(false);
            xAxis.set(-0.5, c.xs().length - 0.5);
            yAxis.set(-0.5, c.ys().length - 0.5);
        } else {
            xAxis.setAutoRanging(true);
            yAxis.setAutoRanging(true);
        }
        zAxis.setAutoRanging(true);
        chart.invalidate();
    }

    /** Tick labels of an index axis: the parameter value at whole numbers, nothing between. */
    private static javafx.util.StringConverter<Number> indexLabels(double[] values) {
        return ChartFormats.tickLabels(v -> {
            long i = Math.round(v);
            return Math.abs(v - i) < 1e-6 && i >= 0 && i < values.length ? plain(values[(int) i]) : "";
        });
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The heatmap's data; cells without a run take the worst value so they read as "nothing good here". */
    private static DataSet grid(SweepChart c) {
        double worst = Double.NaN;
        for (double[] row : c.values()) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    worst = Double.isNaN(worst) ? v : c.metric().higherIsBetter() ? Math.min(worst, v) : Math.max(worst, v);
                }
            }
        }
        int nx = c.xs().length;
        int ny = c.ys().length;
        // ChartFX's grid data set reads z as [y][x]; the coordinates are cell indices spread so that the image,
        // which spans the first to the last coordinate, puts cell i on [i - 0.5, i + 0.5]
        double[][] z = new double[ny][nx];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double v = c.values()[i][j];
                z[j][i] = Double.isFinite(v) ? v : Double.isNaN(worst) ? 0 : worst;
            }
        }
        return new DataSetBuilder(c.metric().label()).setValues(DataSet.DIM_X, spread(nx)).setValues(DataSet.DIM_Y, spread(ny))
                .setValues(DataSet.DIM_Z, z).build();
    }

    /** n coordinates (n at least 2: a heatmap axis varies) evenly from -0.5 to n - 0.5. */
    static double[] spread(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = -0.5 + i * (double) n / (n - 1);
        }
        return out;
    }

    /** The run under a plot position, or null. */
    private Trial trialAt(double x, double y) {
        if (data.kind() == SweepChart.Kind.NONE) {
            return null;
        }
        if (data.kind() == SweepChart.Kind.LINE) {
            return data.trialAt(SweepChart.nearest(data.xs(), x), 0);
        }
        int i = (int) Math.round(x);
        int j = (int) Math.round(y);
        return data.trialAt(i, j);
    }

    /** Hover names the run under the mouse; a primary click (not a drag) opens it. */
    private final class CellPicker extends ChartPlugin {
        CellPicker() {
            registerInputEventHandler(MouseEvent.MOUSE_MOVED, e -> {
                Trial t = at(e);
                hover.setText(t == null ? " " : t.label() + " · " + data.metric().label() + " " + ResearchTexts.num(data.metric().of(t))
                        + " · CAGR " + ResearchTexts.pct(t.metrics().cagr()) + " · max drawdown " + ResearchTexts.pct(t.metrics().maxDrawdown()));
            });
            registerInputEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                    Trial t = at(e);
                    if (t != null) {
                        onTrial.accept(t);
                    }
                }
            });
        }

        private Trial at(MouseEvent e) {
            if (!isMouseEventWithinCanvas(e)) {
                return null;
            }
            Point2D p = getLocationInPlotArea(e);
            return trialAt(xAxis.getValueForDisplay(p.getX()), yAxis.getValueForDisplay(p.getY()));
        }
    }
}
