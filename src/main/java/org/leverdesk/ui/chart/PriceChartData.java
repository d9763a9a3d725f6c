package org.leverdesk.ui.chart;

import java.util.List;

/**
 * Everything a {@link PriceChart} shows: the bars, named overlay lines on the price pane, an
 * optional indicator line with its reference levels (null indicator hides the pane), and the trade markers.
 */
public record PriceChartData(OhlcBars bars, List<ChartSeries> overlays, ChartSeries indicator, double[] levels,
                             List<TradeMarker> markers) {
    public PriceChartData {
        overlays = List.copyOf(overlays);
        markers = List.copyOf(markers);
        levels = levels == null ? new double[0] : levels.clone();
    }

    /** Nothing to show. */
    public static PriceChartData empty() {
        return new PriceChartData(OhlcBars.empty(), List.of(), null, null, List.of());
    }
}
