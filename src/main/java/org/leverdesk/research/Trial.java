package org.leverdesk.research;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.leverdesk.backtest.metrics.Metrics;

/**
 * One finished backtest of a research job: the varied parameters (sorted by name), the engine's
 * metrics, the daily equity at each close, each closed round trip's return on the account (see
 * {@link TradeReturns}) and the data source the prices came from. Arrays are shared, not copied:
 * treat them as read-only.
 */
public record Trial(SortedMap<String, String> parameters, Metrics metrics, LocalDate[] dates, double[] equity,
                    double[] tradeReturns, String dataSource) {
    public Trial {
        parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        if (dates.length != equity.length) {
            throw new IllegalArgumentException("a trial needs one equity value per date");
        }
    }

    public Trial(Map<String, String> parameters, Metrics metrics, LocalDate[] dates, double[] equity,
                 double[] tradeReturns, String dataSource) {
        this(new TreeMap<>(parameters), metrics, dates, equity, tradeReturns, dataSource);
    }

    /** Daily simple returns E_t / E_{t-1} − 1, one fewer than the equity values. */
    public double[] dailyReturns() {
        double[] r = new double[Math.max(0, equity.length - 1)];
        for (int t = 1; t < equity.length; t++) {
            r[t - 1] = equity[t] / equity[t - 1] - 1;
        }
        return r;
    }

    /** The parameters as "entryRsi=30, exitRsi=75". */
    public String label() {
        return parameters.isEmpty() ? "(base parameters)" : String.join(", ",
                parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
