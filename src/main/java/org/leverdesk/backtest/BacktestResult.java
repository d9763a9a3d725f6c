package org.leverdesk.backtest;

import java.util.List;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Fill;

/**
 * The outcome of one backtest: daily equity of the strategy and of the benchmark (same dates),
 * both metric sets, every fill, the closed round trips, (when recorded) every decision, the cash
 * dividends the account received, and the option positions still open after the last close with their
 * market value in dollars (signed: a short is negative; empty when none is open; null when unknown).
 */
public record BacktestResult(String strategyId, String symbol, BacktestConfig config, String dataSource,
                             List<EquityPoint> equity, double[] benchmarkEquity,
                             Metrics metrics, Metrics benchmarkMetrics,
                             List<Fill> fills, List<RoundTrip> roundTrips, List<Decision> decisions,
                             List<DividendPayment> dividends, java.util.Map<String, Double> closingOptionValues) {
    public BacktestResult {
        dividends = dividends == null ? List.of() : dividends;
        closingOptionValues = closingOptionValues == null ? null : java.util.Map.copyOf(closingOptionValues);
    }

    /**
     * A result without the option positions' closing values ({@code closingOptionValues} null: a saved run re-opened,
     * whose store keeps fills and equity only; {@link OptionResults} then says the open options are not marked).
     */
    public BacktestResult(String strategyId, String symbol, BacktestConfig config, String dataSource,
                          List<EquityPoint> equity, double[] benchmarkEquity, Metrics metrics, Metrics benchmarkMetrics,
                          List<Fill> fills, List<RoundTrip> roundTrips, List<Decision> decisions,
                          List<DividendPayment> dividends) {
        this(strategyId, symbol, config, dataSource, equity, benchmarkEquity, metrics, benchmarkMetrics, fills, roundTrips,
                decisions, dividends, null);
    }

    /** A result without dividends (saved runs from before they were paid, tests). */
    public BacktestResult(String strategyId, String symbol, BacktestConfig config, String dataSource,
                          List<EquityPoint> equity, double[] benchmarkEquity, Metrics metrics, Metrics benchmarkMetrics,
                          List<Fill> fills, List<RoundTrip> roundTrips, List<Decision> decisions) {
        this(strategyId, symbol, config, dataSource, equity, benchmarkEquity, metrics, benchmarkMetrics, fills, roundTrips,
                decisions, List.of());
    }

    /** The sum of the dividends received. */
    public double dividendTotal() {
        double t = 0;
        for (DividendPayment d : dividends) {
            t += d.amount();
        }
        return t;
    }
}
