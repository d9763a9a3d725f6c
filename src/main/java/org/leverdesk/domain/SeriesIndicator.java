package org.leverdesk.domain;

/**
 * A causal indicator of a bar series: value i depends only on bars 0..i. Computed once per series
 * (for every bar) and kept with it, so every day of a backtest, and every run of a sweep over the same
 * prices, reads it without computing it again; a strategy reads it through {@link History}, which
 * refuses any bar after today like it refuses the bars themselves. Implementations live in the
 * {@code indicator} package (an architecture test keeps it so), where each is tested for causality.
 */
public interface SeriesIndicator {
    /**
     * What names the computation and its parameters, e.g. {@code rsi(2)}. Values are kept per indicator
     * object by {@code equals}/{@code hashCode}: implement them over the parameters (records do).
     */
    String key();

    /** The value of every bar of {@code series} (NaN where undefined); must not read bar j to compute bar i < j. */
    double[] compute(BarSeries series);
}
