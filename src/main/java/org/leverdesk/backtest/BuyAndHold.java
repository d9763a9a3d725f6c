package org.leverdesk.backtest;

import java.time.LocalDate;
import org.leverdesk.domain.BarSeries;

/**
 * The benchmark: the starting capital invested at the first day's close in a symbol's total-return
 * series (adj_close), fractional shares, no costs, held to the end.
 */
public final class BuyAndHold {
    private BuyAndHold() {
    }

    /** Benchmark equity on each of {@code dates} (using the latest adj_close on or before each date). */
    public static double[] equity(BarSeries series, LocalDate[] dates, double capital) {
        int first = series.indexAtOrBefore(dates[0]);
        if (first < 0) {
            throw new IllegalArgumentException("benchmark " + series.symbol() + " has no price on or before " + dates[0]
                    + "; its data starts " + (series.isEmpty() ? "nowhere" : series.firstDate().toString()));
        }
        double shares = capital / series.adjClose(first);
        double[] out = new double[dates.length];
        int c = first;
        for (int k = 0; k < dates.length; k++) {
            while (c + 1 < series.size() && !series.date(c + 1).isAfter(dates[k])) {
                c++;
            }
            out[k] = shares * series.adjClose(c);
        }
        return out;
    }
}
