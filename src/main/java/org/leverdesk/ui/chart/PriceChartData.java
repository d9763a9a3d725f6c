package org.leverdesk.ui.chart;

import java.util.List;

/**
 * Everything a {@link PriceChart} shows: the bars, named overlay lines on the price pane, an
 * optional indicator pane (null hides it), and the trade markers.
 */
public record PriceChartData(OhlcBars bars, List<ChartSeries> overlays, IndicatorPane pane, List<TradeMarker> markers) {
    public PriceChartData {
        overlays = List.copyOf(overlays);
        markers = List.copyOf(markers);
    }

    /** Bars with an oscillator (0..100) and its levels under them; a null indicator hides the pane. */
    public PriceChartData(OhlcBars bars, List<ChartSeries> overlays, ChartSeries indicator, double[] levels,
                          List<TradeMarker> markers) {
        this(bars, overlays, indicator == null ? null : IndicatorPane.oscillator(indicator, levels), markers);
    }

    /** Nothing to show. */
    public static PriceChartData empty() {
        return new PriceChartData(OhlcBars.empty(), List.of(), (IndicatorPane) null, List.of());
    }

    /** The indicator pane's first line, or null without a pane. */
    public ChartSeries indicator() {
        return pane == null ? null : pane.lines().get(0);
    }

    /** The indicator pane's reference levels (none without a pane). */
    public double[] levels() {
        return pane == null ? new double[0] : pane.levels();
    }
}
