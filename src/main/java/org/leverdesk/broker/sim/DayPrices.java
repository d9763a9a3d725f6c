package org.leverdesk.broker.sim;

/**
 * The daily bars of one trading day for the symbols a {@link BarDay} drives, by position. A symbol
 * without a bar that day ({@link #hasBar} false) is not traded: its orders wait, nothing is printed.
 */
public interface DayPrices {
    int size();

    String symbol(int i);

    boolean hasBar(int i);

    double open(int i);

    double high(int i);

    double low(int i);

    double close(int i);

    /** The cash dividend per share going ex on this day (0 for none); see {@code BarSeries.cashDividend}. */
    double dividend(int i);
}
