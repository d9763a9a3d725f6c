package org.leverdesk.ui.watchlist;

import javafx.scene.layout.Pane;
import javafx.scene.shape.Polyline;

/** A tiny line of recent closes, scaled to its box, green when the last close is above the first, red below. */
public final class Sparkline extends Pane {
    private final Polyline line = new Polyline();
    private double[] values = new double[0];

    public Sparkline() {
        getStyleClass().add("sparkline-box");
        line.getStyleClass().add("sparkline");
        getChildren().add(line);
        setPrefSize(60, 20);
        setMinSize(40, 14);
    }

    /** Draws {@code closes} (oldest first). */
    public void setValues(double[] closes) {
        values = closes == null ? new double[0] : closes.clone();
        line.getStyleClass().removeAll("gain", "loss");
        if (values.length > 1) {
            line.getStyleClass().add(values[values.length - 1] >= values[0] ? "gain" : "loss");
        }
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        line.getPoints().clear();
        int n = values.length;
        if (n < 2) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double w = getWidth() - 2;
        double h = getHeight() - 4;
        double span = max > min ? max - min : 1;
        for (int i = 0; i < n; i++) {
            line.getPoints().addAll(1 + w * i / (n - 1), 2 + h * (1 - (values[i] - min) / span));
        }
    }
}
