package org.leverdesk.backtest.metrics;

import java.time.LocalDate;

/**
 * Performance metrics of one equity curve; formulas are in the README ("Metrics") and in
 * {@link MetricsCalculator}. Ratios are fractions (0.12 = 12%); trade statistics are NaN when
 * there is no closed round trip.
 */
public record Metrics(
        double totalReturn,
        double cagr,
        double annualVolatility,
        double sharpe,
        double sortino,
        double maxDrawdown,
        LocalDate maxDrawdownPeak,
        LocalDate maxDrawdownTrough,
        double calmar,
        int trades,
        double winRate,
        double profitFactor,
        double avgWin,
        double avgLoss,
        double exposure,
        double finalEquity) {
}
