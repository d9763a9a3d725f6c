package org.leverdesk.ui.chart;

import java.time.LocalDate;
import java.util.List;
import java.util.function.DoubleFunction;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Line;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.ChartPlugin;

/**
 * Shows, under the mouse, the date of the nearest bar and the value of every series on that date,
 * with a vertical guide line. ChartFX's DataPointTooltip shows one series only; comparing a
 * strategy with its benchmark needs both values at once.
 */
final class HoverReadout extends ChartPlugin {
    private static final double OFFSET = 14;

    private final Label label = new Label();
    private final Line guide = new Line();
    private final DoubleFunction<String> valueFormat;
    private List<ChartSeries> series = List.of();

    HoverReadout(DoubleFunction<String> valueFormat) {
        this.valueFormat = valueFormat;
        label.getStyleClass().add("hover-readout");
        label.setManaged(false);
        label.setMouseTransparent(true);
        guide.getStyleClass().add("hover-guide");
        guide.setManaged(false);
        guide.setMouseTransparent(true);
        registerInputEventHandler(MouseEvent.MOUSE_MOVED, this::update);
        registerInputEventHandler(MouseEvent.MOUSE_DRAGGED, e -> hide());
        registerInputEventHandler(MouseEvent.MOUSE_EXITED, e -> hide());
    }

    void setSeries(List<ChartSeries> series) {
        this.series = List.copyOf(series);
        hide();
    }

    /** The text shown for the bar nearest to {@code x} (epoch seconds); empty when there is no data. */
    String textAt(double x) {
        if (series.isEmpty() || series.get(0).size() == 0) {
            return "";
        }
        ChartSeries first = series.get(0);
        LocalDate date = ChartSeries.date(first.x()[first.nearestIndex(x)]);
        StringBuilder text = new StringBuilder(date.toString());
        for (ChartSeries s : series) {
            int i = s.nearestIndex(x);
            if (i >= 0) {
                text.append('\n').append(s.name()).append(": ").append(valueFormat.apply(s.y()[i]));
            }
        }
        return text.toString();
    }

    private void update(MouseEvent event) {
        if (series.isEmpty() || !(getChart() instanceof XYChart chart) || !isMouseEventWithinCanvas(event)) {
            hide();
            return;
        }
        Axis xAxis = chart.getXAxis();
        Point2D inCanvas = getLocationInPlotArea(event);
        double x = xAxis.getValueForDisplay(inCanvas.getX());
        ChartSeries first = series.get(0);
        int i = first.nearestIndex(x);
        if (i < 0) {
            hide();
            return;
        }
        label.setText(textAt(x));
        Bounds area = chart.getPlotArea().getBoundsInLocal();
        // Event coordinates and canvas coordinates differ by the canvas offset inside the plot area.
        double guideX = xAxis.getDisplayPosition(first.x()[i]) + event.getX() - inCanvas.getX();
        guide.setStartX(guideX);
        guide.setEndX(guideX);
        guide.setStartY(area.getMinY());
        guide.setEndY(area.getMaxY());

        double width = label.prefWidth(-1);
        double height = label.prefHeight(width);
        double lx = event.getX() + OFFSET + width <= area.getMaxX() ? event.getX() + OFFSET : event.getX() - OFFSET - width;
        double ly = Math.min(event.getY() + OFFSET, area.getMaxY() - height);
        label.resizeRelocate(Math.max(area.getMinX(), lx), Math.max(area.getMinY(), ly), width, height);
        if (!getChartChildren().contains(label)) {
            getChartChildren().addAll(guide, label);
        }
    }

    private void hide() {
        getChartChildren().removeAll(guide, label);
    }
}
