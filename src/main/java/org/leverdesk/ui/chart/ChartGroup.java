package org.leverdesk.ui.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Chart panes that move together: one visible date range (left-drag pans it, the wheel zooms it,
 * a double click or {@link #resetZoom()} shows all data) and one crosshair, drawn in every pane at
 * the same day with each pane's values read out. Every {@link TimeSeriesChart} starts in a group of
 * its own; {@link TimeSeriesChart#shareXRange} puts two panes' groups together.
 */
public final class ChartGroup {
    /** The narrowest zoom: ten days. */
    static final double MIN_SPAN = 10 * 86_400.0;
    private final List<TimeSeriesChart> panes = new ArrayList<>();
    private final ReadOnlyObjectWrapper<TimeRange> visible = new ReadOnlyObjectWrapper<>(this, "visible");
    private final ReadOnlyDoubleWrapper crosshair = new ReadOnlyDoubleWrapper(this, "crosshair", Double.NaN);
    private TimeSeriesChart hovered;
    private boolean showingAll = true;

    /** The date range every pane shows; null while no pane has data. */
    public ReadOnlyObjectProperty<TimeRange> visibleRangeProperty() {
        return visible.getReadOnlyProperty();
    }

    /** The date range every pane shows; null while no pane has data. */
    public TimeRange visibleRange() {
        return visible.get();
    }

    /** The x (epoch seconds) of the bar under the mouse in any pane of the group; NaN when the mouse is elsewhere. */
    public ReadOnlyDoubleProperty crosshairProperty() {
        return crosshair.getReadOnlyProperty();
    }

    /** The panes of this group, top to bottom as added. */
    public List<TimeSeriesChart> panes() {
        return List.copyOf(panes);
    }

    /** The union of the panes' data from the first to the last x; null without data. */
    public TimeRange extent() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (TimeSeriesChart p : panes) {
            for (ChartSeries s : p.series()) {
                if (s.size() > 0) {
                    lo = Math.min(lo, s.x()[0]);
                    hi = Math.max(hi, s.x()[s.size() - 1]);
                }
            }
        }
        return lo <= hi ? new TimeRange(lo, hi) : null;
    }

    /** Shows the days from {@code from} to {@code to} in every pane. */
    public void zoomTo(LocalDate from, LocalDate to) {
        setRange(ChartSeries.epochSeconds(from), ChartSeries.epochSeconds(to));
    }

    /** Shows all data again. */
    public void resetZoom() {
        showingAll = true;
        publish(extent());
    }

    /**
     * Shows {@code from..to} (epoch seconds), kept inside the data: a range wider than the data shows
     * all of it, one narrower than {@link #MIN_SPAN} is widened, one past an end is moved back.
     */
    public void setRange(double from, double to) {
        TimeRange all = extent();
        if (all == null || !(to > from)) {
            return;
        }
        double span = Math.max(to - from, Math.min(MIN_SPAN, all.span()));
        if (span >= all.span()) {
            resetZoom();
            return;
        }
        double start = Math.min(Math.max(from, all.from()), all.to() - span);
        showingAll = false;
        publish(new TimeRange(start, start + span));
    }

    /** Zooms by {@code factor} (below 1 zooms in) keeping the day at {@code anchor} where it is. */
    public void zoom(double factor, double anchor) {
        TimeRange now = visible.get();
        if (now == null || !(factor > 0)) {
            return;
        }
        double a = Math.min(Math.max(anchor, now.from()), now.to());
        setRange(a - (a - now.from()) * factor, a + (now.to() - a) * factor);
    }

    /** Moves the visible range by {@code seconds} (positive: later). */
    public void pan(double seconds) {
        TimeRange now = visible.get();
        if (now != null && !showingAll) {
            setRange(now.from() + seconds, now.to() + seconds);
        }
    }

    /** True while all data is shown (nothing zoomed). */
    public boolean showingAll() {
        return showingAll;
    }

    void add(TimeSeriesChart pane) {
        if (!panes.contains(pane)) {
            panes.add(pane);
        }
        dataChanged();
    }

    /** Moves every pane of {@code other} into this group. */
    void absorb(ChartGroup other) {
        if (other == this) {
            return;
        }
        for (TimeSeriesChart p : List.copyOf(other.panes)) {
            other.panes.remove(p);
            panes.add(p);
            p.joined(this);
        }
        dataChanged();
    }

    /** A pane's data changed: show everything unless zoomed, and then stay inside the data. */
    void dataChanged() {
        TimeRange now = visible.get();
        if (showingAll || now == null) {
            resetZoom();
        } else {
            setRange(now.from(), now.to());
        }
    }

    /** The mouse is over {@code pane} at {@code x} (epoch seconds) and {@code screenY} (scene); NaN x hides the crosshair. */
    void hover(TimeSeriesChart pane, double x, double sceneY) {
        hovered = Double.isNaN(x) ? null : pane;
        double snapped = Double.isNaN(x) ? Double.NaN : snap(x);
        crosshair.set(snapped);
        for (TimeSeriesChart p : panes) {
            p.showCrosshair(snapped, p == hovered ? sceneY : Double.NaN);
        }
    }

    /** The x of the data point nearest to {@code x} among the panes' first series. */
    private double snap(double x) {
        double best = x;
        double distance = Double.POSITIVE_INFINITY;
        for (TimeSeriesChart p : panes) {
            if (!p.series().isEmpty()) {
                ChartSeries s = p.series().get(0);
                int i = s.nearestIndex(x);
                if (i >= 0 && Math.abs(s.x()[i] - x) < distance) {
                    distance = Math.abs(s.x()[i] - x);
                    best = s.x()[i];
                }
            }
        }
        return best;
    }

    private void publish(TimeRange range) {
        visible.set(range);
        if (range != null) {
            for (TimeSeriesChart p : panes) {
                p.showRange(range);
            }
        }
    }
}
