package org.leverdesk.ui.chart;

import java.util.List;

/**
 * What the indicator pane under a {@link PriceChart} shows: a title, its lines, dashed reference
 * levels, and either a fixed value range ({@code min..max}, e.g. 0..100 for an oscillator) or a
 * range fitted to the lines in view (both NaN).
 */
public record IndicatorPane(String title, List<ChartSeries> lines, double[] levels, double min, double max) {
    public IndicatorPane {
        lines = List.copyOf(lines);
        levels = levels == null ? new double[0] : levels.clone();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an indicator pane needs at least one line");
        }
    }

    /** An oscillator between 0 and 100 (RSI) with its levels; the legend names the line, so the title is empty. */
    public static IndicatorPane oscillator(ChartSeries line, double... levels) {
        return new IndicatorPane("", List.of(line), levels, 0, 100);
    }

    /** "levels 30 / 75", or "" without levels. */
    public String levelsText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < levels.length; i++) {
            text.append(i == 0 ? "levels " : " / ").append(String.format(java.util.Locale.ROOT, "%.0f", levels[i]));
        }
        return text.toString();
    }

    /** Lines on a fitted scale, e.g. the signal symbol's close and moving averages. */
    public static IndicatorPane lines(String title, List<ChartSeries> lines) {
        return new IndicatorPane(title, lines, null, Double.NaN, Double.NaN);
    }

    /** True when the value range is fixed. */
    public boolean fixedRange() {
        return !Double.isNaN(min) && !Double.isNaN(max);
    }
}
