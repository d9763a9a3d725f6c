package org.leverdesk.ui.watchlist;

import java.time.Instant;

/**
 * A symbol's latest price for the watchlist: the last trade (or close), the previous session's close
 * it is compared with, when the price is from, the recent daily closes for the sparkline, and where
 * it came from ("paper", "alpaca-paper", "daily closes").
 */
public record WatchQuote(String symbol, double last, double previousClose, Instant at, double[] recentCloses, String source) {
    public WatchQuote {
        recentCloses = recentCloses == null ? new double[0] : recentCloses.clone();
    }

    /** last − previous close; NaN when either is missing. */
    public double change() {
        return last - previousClose;
    }

    /** The change as a fraction of the previous close. */
    public double changeFraction() {
        return previousClose > 0 ? last / previousClose - 1 : Double.NaN;
    }
}
