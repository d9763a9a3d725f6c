package org.leverdesk.ui.chart;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import javafx.scene.paint.Color;

/**
 * One line of a {@link TimeSeriesChart}: a name for the legend, the points (x in epoch seconds, UTC
 * midnight for daily data, ascending; y the value, NaN where undefined) and its colour (null: the
 * pane's palette by position). The arrays are owned by the series once passed in and must not be
 * changed afterwards.
 */
public record ChartSeries(String name, double[] x, double[] y, Color color) {
    public ChartSeries {
        Objects.requireNonNull(name, "series name");
        Objects.requireNonNull(x, "x values");
        Objects.requireNonNull(y, "y values");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values but " + y.length + " y values");
        }
    }

    /** A series coloured by the pane's palette. */
    public ChartSeries(String name, double[] x, double[] y) {
        this(name, x, y, null);
    }

    /** The same points in {@code newColor}. */
    public ChartSeries withColor(Color newColor) {
        return new ChartSeries(name, x, y, newColor);
    }

    /** Number of points. */
    public int size() {
        return x.length;
    }

    /** The x value of a day: its UTC midnight in epoch seconds. */
    public static double epochSeconds(LocalDate date) {
        return date.toEpochSecond(java.time.LocalTime.MIDNIGHT, ZoneOffset.UTC);
    }

    /** The day of an x value made by {@link #epochSeconds(LocalDate)}. */
    public static LocalDate date(double epochSeconds) {
        return LocalDate.ofEpochDay(Math.floorDiv((long) Math.rint(epochSeconds), 86_400L));
    }

    /** Index of the point whose x is nearest to {@code value} (x ascending, ties to the earlier); -1 when empty. */
    public int nearestIndex(double value) {
        if (x.length == 0) {
            return -1;
        }
        int i = java.util.Arrays.binarySearch(x, value);
        if (i >= 0) {
            return i;
        }
        int after = -i - 1;
        if (after == 0) {
            return 0;
        }
        if (after == x.length) {
            return x.length - 1;
        }
        return value - x[after - 1] <= x[after] - value ? after - 1 : after;
    }

    /** The value on the day of {@code value} exactly, or NaN when the series has no point that day. */
    public double valueOn(double value) {
        int i = java.util.Arrays.binarySearch(x, value);
        return i >= 0 ? y[i] : Double.NaN;
    }
}
