package org.leverdesk.insight;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.domain.Decision;
import org.leverdesk.strategy.regime.Regime;

/**
 * The regime of each signal-symbol session in a date range, in parallel arrays (index = day):
 * close, fast and slow SMA (NaN before they exist), the confirmed regime (null before the slow SMA
 * exists), the traded symbol's shares a backtest held at that day's close (0 before it trades), and
 * that day's decision (null on days the backtest did not run). Arrays are owned by the record.
 */
public record RegimeHistory(String signalSymbol, String tradedSymbol, LocalDate[] dates, double[] close,
                            double[] fastSma, double[] slowSma, Regime[] confirmed, long[] position,
                            Decision[] decisions, BacktestResult backtest) {
    public RegimeHistory {
        int n = dates.length;
        if (close.length != n || fastSma.length != n || slowSma.length != n || confirmed.length != n
                || position.length != n || decisions.length != n) {
            throw new IllegalArgumentException("regime history arrays must all have " + n + " days");
        }
    }

    public int size() {
        return dates.length;
    }

    /** Index of the last day on or before {@code date}, or -1. */
    public int indexAtOrBefore(LocalDate date) {
        int i = Arrays.binarySearch(dates, date);
        return i >= 0 ? i : -i - 2;
    }

    /** The decision of the last backtest day on or before {@code date}, or null. */
    public Decision decisionOn(LocalDate date) {
        for (int i = indexAtOrBefore(date); i >= 0; i--) {
            if (decisions[i] != null) {
                return decisions[i];
            }
        }
        return null;
    }

    /** Runs of equal confirmed regime as [first, last] day indexes, for shading; days without a regime are skipped. */
    public List<Span> spans() {
        java.util.ArrayList<Span> out = new java.util.ArrayList<>();
        int start = -1;
        for (int i = 0; i <= dates.length; i++) {
            Regime r = i < dates.length ? confirmed[i] : null;
            if (start >= 0 && (i == dates.length || r != confirmed[start])) {
                out.add(new Span(start, i - 1, confirmed[start]));
                start = -1;
            }
            if (start < 0 && r != null) {
                start = i;
            }
        }
        return out;
    }

    /** Consecutive days {@code first..last} in one confirmed regime. */
    public record Span(int first, int last, Regime regime) {
    }
}
