package org.leverdesk.research;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.EquityPoint;
import org.leverdesk.backtest.RoundTrip;

/**
 * Each closed round trip's return on the account: r = profit (net of both legs' commissions) /
 * account equity at the close of the entry day. So a +10% move on a position of 90% of the account
 * counts as about +9%, and resampled returns compound to account equity (Monte Carlo). Trips in the
 * order they were closed.
 */
public final class TradeReturns {
    private TradeReturns() {
    }

    /** The trade returns of an engine result. */
    public static double[] of(BacktestResult result) {
        List<EquityPoint> eq = result.equity();
        LocalDate[] dates = new LocalDate[eq.size()];
        double[] equity = new double[eq.size()];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = eq.get(i).date();
            equity[i] = eq.get(i).equity();
        }
        return of(result.roundTrips(), dates, equity);
    }

    /** The returns of {@code trips} against the daily equity {@code equity} on {@code dates} (ascending). */
    public static double[] of(List<RoundTrip> trips, LocalDate[] dates, double[] equity) {
        double[] r = new double[trips.size()];
        int n = 0;
        for (RoundTrip t : trips) {
            int i = Arrays.binarySearch(dates, t.entryDate());
            if (i < 0) {
                i = -i - 2; // the last close before the entry (an entry before the range cannot happen)
            }
            if (i < 0 || !(equity[i] > 0)) {
                continue; // no account value to relate the trip to
            }
            r[n++] = t.profit() / equity[i];
        }
        return n == r.length ? r : Arrays.copyOf(r, n);
    }
}
