package org.leverdesk.ui.chart;

import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.List;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/** Reports the day of the bar nearest to a primary-button click (not a drag: that is the zoomer's). */
final class DayClick extends ChartPlugin {
    private final Supplier<List<ChartSeries>> series;
    private Consumer<LocalDate> onDay = d -> { };

    DayClick(Supplier<List<ChartSeries>> series) {
        this.series = series;
        registerInputEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
    }

    void setOnDay(Consumer<LocalDate> onDay) {
        this.onDay = onDay == null ? d -> { } : onDay;
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress() || !(getChart() instanceof XYChart chart)
                || !isMouseEventWithinCanvas(e)) {
            return;
        }
        Point2D p = getLocationInPlotArea(e);
        LocalDate day = dayAt(chart.getXAxis().getValueForDisplay(p.getX()));
        if (day != null) {
            onDay.accept(day);
        }
    }

    /** The date of the first series' point nearest to {@code x}, or null without data. */
    LocalDate dayAt(double x) {
        List<ChartSeries> s = series.get();
        if (s.isEmpty() || s.get(0).size() == 0) {
            return null;
        }
        ChartSeries first = s.get(0);
        return ChartSeries.date(first.x()[first.nearestIndex(x)]);
    }
}
