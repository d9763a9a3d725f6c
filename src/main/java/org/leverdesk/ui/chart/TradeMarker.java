package org.leverdesk.ui.chart;

/**
 * A fill drawn on a {@link PriceChart}: ▲ below the bar for a buy, ▼ above it for a sell, in the
 * hedge colour when {@code hedge}; {@code text} is shown when the pointer is over it.
 */
public record TradeMarker(double x, boolean buy, boolean hedge, String text) {
}
