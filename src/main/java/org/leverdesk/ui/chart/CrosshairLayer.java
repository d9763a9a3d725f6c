package org.leverdesk.ui.chart;

import java.util.function.DoubleFunction;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;

/**
 * The crosshair of one pane: a vertical line at the day under the mouse (in every pane of the
 * group), and in the pane under the mouse a horizontal line with the value at the pointer in a tag
 * at the pane's right edge; the pane that shows the date axis also tags the day at its bottom. The
 * tags are kept inside the plot, so they are never cut off, and vanish with the mouse.
 */
final class CrosshairLayer {
    private final XYChart chart;
    private final DefaultNumericAxis xAxis;
    private final DefaultNumericAxis yAxis;
    private final Pane host;
    private final Line vertical = line();
    private final Line horizontal = line();
    private final Label valueTag = tag();
    private final Label dateTag = tag();
    private DoubleFunction<String> format;

    CrosshairLayer(XYChart chart, DefaultNumericAxis xAxis, DefaultNumericAxis yAxis, DoubleFunction<String> format) {
        this.chart = chart;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        this.format = format;
        this.host = chart.getPlotForeground();
        host.getChildren().addAll(vertical, horizontal, valueTag, dateTag);
        hide();
    }

    void setFormat(DoubleFunction<String> format) {
        this.format = format;
    }

    /**
     * Shows the vertical line at {@code x} (epoch seconds), the horizontal line and value tag at
     * {@code sceneY} unless it is NaN, and the date tag when {@code withDate}.
     */
    void show(double x, double sceneY, boolean withDate) {
        Bounds plot = plotInHost();
        if (plot == null || Double.isNaN(x) || x < xAxis.getMin() || x > xAxis.getMax()) {
            hide();
            return;
        }
        double hx = host.sceneToLocal(xAxis.localToScene(xAxis.getDisplayPosition(x), 0)).getX();
        place(vertical, hx, plot.getMinY(), hx, plot.getMaxY());
        if (withDate) {
            dateTag.setText(ChartSeries.date(x).toString());
            double w = width(dateTag);
            double h = height(dateTag);
            double left = Math.max(plot.getMinX(), Math.min(hx - w / 2, plot.getMaxX() - w));
            dateTag.resizeRelocate(left, plot.getMaxY() - h, w, h);
            dateTag.setVisible(true);
        } else {
            dateTag.setVisible(false);
        }
        if (Double.isNaN(sceneY)) {
            horizontal.setVisible(false);
            valueTag.setVisible(false);
            return;
        }
        double hy = host.sceneToLocal(0, sceneY).getY();
        if (hy < plot.getMinY() || hy > plot.getMaxY()) {
            horizontal.setVisible(false);
            valueTag.setVisible(false);
            return;
        }
        place(horizontal, plot.getMinX(), hy, plot.getMaxX(), hy);
        double value = yAxis.getValueForDisplay(yAxis.sceneToLocal(0, sceneY).getY());
        valueTag.setText(format.apply(value));
        double w = width(valueTag);
        double h = height(valueTag);
        double top = Math.max(plot.getMinY(), Math.min(hy - h / 2, plot.getMaxY() - h));
        valueTag.resizeRelocate(plot.getMaxX() - w, top, w, h);
        valueTag.setVisible(true);
    }

    void hide() {
        for (Node n : new Node[] {vertical, horizontal, valueTag, dateTag}) {
            n.setVisible(false);
        }
    }

    /** The value tag's text while shown, else "" (for tests). */
    String valueText() {
        return valueTag.isVisible() ? valueTag.getText() : "";
    }

    /** The date tag's text while shown, else "" (for tests). */
    String dateText() {
        return dateTag.isVisible() ? dateTag.getText() : "";
    }

    /** True while the vertical line is shown (for tests). */
    boolean shown() {
        return vertical.isVisible();
    }

    private Bounds plotInHost() {
        var canvas = chart.getCanvas();
        if (canvas.getScene() == null || canvas.getWidth() <= 0 || canvas.getHeight() <= 0) {
            return null;
        }
        Point2D a = host.sceneToLocal(canvas.localToScene(0, 0));
        Point2D b = host.sceneToLocal(canvas.localToScene(canvas.getWidth(), canvas.getHeight()));
        return a == null || b == null ? null : new javafx.geometry.BoundingBox(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
    }

    private static void place(Line l, double x0, double y0, double x1, double y1) {
        l.setStartX(x0);
        l.setStartY(y0);
        l.setEndX(x1);
        l.setEndY(y1);
        l.setVisible(true);
    }

    private static double width(Label l) {
        l.applyCss();
        return Math.ceil(l.prefWidth(-1));
    }

    private static double height(Label l) {
        return Math.ceil(l.prefHeight(-1));
    }

    private static Line line() {
        Line l = new Line();
        l.getStyleClass().add("crosshair-line");
        l.setManaged(false);
        l.setMouseTransparent(true);
        return l;
    }

    private static Label tag() {
        Label l = new Label();
        l.getStyleClass().add("crosshair-tag");
        l.setManaged(false);
        l.setMouseTransparent(true);
        return l;
    }
}
