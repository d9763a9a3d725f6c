package org.leverdesk.ui.chart;

import java.util.Objects;

/**
 * Daily bars for a {@link PriceChart}: x in epoch seconds (ascending, see {@link ChartSeries#epochSeconds}),
 * open, high, low, close and volume, all the same length. The arrays are owned by this record once passed in.
 */
public record OhlcBars(String symbol, double[] x, double[] open, double[] high, double[] low, double[] close, double[] volume) {
    public OhlcBars {
        Objects.requireNonNull(symbol, "symbol");
        int n = x.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("bars of " + symbol + " must have as many open/high/low/close/volume values as dates (" + n + ")");
        }
    }

    /** No bars. */
    public static OhlcBars empty() {
        double[] none = new double[0];
        return new OhlcBars("", none, none, none, none, none, none);
    }

    /** Number of bars. */
    public int size() {
        return x.length;
    }
}
