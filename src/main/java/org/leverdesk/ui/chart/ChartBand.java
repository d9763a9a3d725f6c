package org.leverdesk.ui.chart;

import java.util.Objects;
import javafx.scene.paint.Color;

/** A shaded stretch of the date axis behind the lines, from {@code fromX} to {@code toX} in epoch seconds. */
public record ChartBand(double fromX, double toX, Color color) {
    public ChartBand {
        Objects.requireNonNull(color, "band colour");
        if (!(toX >= fromX)) {
            throw new IllegalArgumentException("band ends (" + toX + ") before it starts (" + fromX + ")");
        }
    }
}
