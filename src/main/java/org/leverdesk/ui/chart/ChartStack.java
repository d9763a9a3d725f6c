package org.leverdesk.ui.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.Region;

/**
 * Chart panes stacked top to bottom in one {@link ChartGroup}: each takes a share of the height by
 * its weight (never less than its minimum), so every pane grows and shrinks with the window; only
 * the bottom visible pane shows the date labels, and all value axes get the width of the widest so
 * the plots line up and the crosshair runs straight through them. A hidden pane (not visible) takes
 * no room.
 */
public class ChartStack extends Region {
    private final List<Slot> slots = new ArrayList<>();

    private record Slot(TimeSeriesChart pane, double weight, double minHeight) {
    }

    public ChartStack() {
        getStyleClass().add("chart-stack");
    }

    /** Adds {@code pane} at the bottom with {@code weight} (share of the height) and a minimum height in pixels. */
    public void add(TimeSeriesChart pane, double weight, double minHeight) {
        if (!slots.isEmpty()) {
            pane.shareXRange(slots.get(0).pane());
        }
        slots.add(new Slot(pane, weight, minHeight));
        getChildren().add(pane);
        pane.visibleProperty().addListener((o, a, b) -> requestLayout());
    }

    /** The panes, top to bottom. */
    public List<TimeSeriesChart> panes() {
        return slots.stream().map(Slot::pane).toList();
    }

    /** Shows or hides {@code pane}; a hidden pane takes no room. */
    public void setPaneShown(TimeSeriesChart pane, boolean shown) {
        pane.setVisible(shown);
        pane.setManaged(shown);
        requestLayout();
    }

    /**
     * Room the bottom pane's date labels take on top of its own minimum: without it a pane squeezed to
     * its minimum drew its dates below itself, over whatever came next (the Regime view's key) or
     * hidden under it (the Backtest view's tabs at 1024x700).
     */
    static final double TIME_AXIS_HEIGHT = 24;

    @Override
    protected double computeMinHeight(double width) {
        double h = snappedTopInset() + snappedBottomInset();
        for (Slot s : slots) {
            h += s.pane().isVisible() ? s.minHeight() : 0;
        }
        return h + (slots.stream().anyMatch(s -> s.pane().isVisible()) ? TIME_AXIS_HEIGHT : 0);
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.max(computeMinHeight(width), 400);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    @Override
    protected void layoutChildren() {
        List<Slot> shown = slots.stream().filter(s -> s.pane().isVisible()).toList();
        if (shown.isEmpty()) {
            return;
        }
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double width = getWidth() - left - snappedRightInset();
        double height = getHeight() - top - snappedBottomInset();
        List<Slot> sized = new ArrayList<>();
        for (Slot s : shown) {
            // a legend wrapped to two rows in a short pane (the drawdown's at 1024×700) covered its plot
            sized.add(new Slot(s.pane(), s.weight(), Math.max(s.minHeight(), s.pane().heightClearOfLegend())));
        }
        Slot last = sized.get(sized.size() - 1);
        sized.set(sized.size() - 1, new Slot(last.pane(), last.weight(), last.minHeight() + TIME_AXIS_HEIGHT));
        double[] heights = heights(sized, height);
        alignValueAxes(shown);
        double y = top;
        for (int i = 0; i < shown.size(); i++) {
            TimeSeriesChart pane = shown.get(i).pane();
            boolean bottom = i == shown.size() - 1;
            if (pane.isTimeAxisVisible() != bottom) {
                pane.setTimeAxisVisible(bottom);
            }
            pane.resizeRelocate(left, Math.round(y), width, Math.round(y + heights[i]) - Math.round(y));
            y += heights[i];
        }
    }

    /** Heights by weight, each at least its minimum (the rest shared by the others' weights). */
    static double[] heights(List<Slot> shown, double total) {
        int n = shown.size();
        double[] h = new double[n];
        boolean[] fixed = new boolean[n];
        for (int round = 0; round < n; round++) {
            double free = total;
            double weights = 0;
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    free -= h[i];
                } else {
                    weights += shown.get(i).weight();
                }
            }
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                if (!fixed[i]) {
                    h[i] = weights > 0 ? free * shown.get(i).weight() / weights : 0;
                    if (h[i] < shown.get(i).minHeight()) {
                        h[i] = shown.get(i).minHeight();
                        fixed[i] = true;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        return h;
    }

    private static void alignValueAxes(List<Slot> shown) {
        double widest = 0;
        for (Slot s : shown) {
            widest = Math.max(widest, s.pane().yAxis().naturalWidth());
        }
        for (Slot s : shown) {
            s.pane().yAxis().setSharedWidth(widest);
        }
    }
}
