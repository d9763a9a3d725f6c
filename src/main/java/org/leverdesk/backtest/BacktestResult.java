package org.leverdesk.backtest;

import java.util.List;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Fill;

/**
 * The outcome of one backtest: daily equity of the strategy and of the benchmark (same dates),
 * both metric sets, every fill, the closed round trips, and (when recorded) every decision.
 */
public record BacktestResult(String strategyId, String symbol, BacktestConfig config, String dataSource,
                             List<EquityPoint> equity, double[] benchmarkEquity,
                             Metrics metrics, Metrics benchmarkMetrics,
                             List<Fill> fills, List<RoundTrip> roundTrips, List<Decision> decisions) {
}
