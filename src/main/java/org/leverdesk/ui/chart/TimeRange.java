package org.leverdesk.ui.chart;

/** A stretch of the date axis, {@code from} to {@code to} in epoch seconds ({@link ChartSeries#epochSeconds}). */
public record TimeRange(double from, double to) {
    public TimeRange {
        if (!(to >= from)) {
            throw new IllegalArgumentException("a time range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Length in seconds. */
    public double span() {
        return to - from;
    }

    /** True when {@code x} lies inside, ends included. */
    public boolean contains(double x) {
        return x >= from && x <= to;
    }
}
