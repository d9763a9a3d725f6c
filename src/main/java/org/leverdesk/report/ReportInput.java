package org.leverdesk.report;

import java.util.Map;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.research.montecarlo.MonteCarlo;
import org.leverdesk.research.montecarlo.MonteCarloRequest;
import org.leverdesk.research.montecarlo.MonteCarloResult;

/**
 * What a backtest report shows: the run, the strategy's display name, the parameters it ran with
 * (as the store saves them; missing ones were defaults), the traded symbol's bars (any range that
 * covers the run; earlier bars warm up the indicator), and the store's run id and strategy version
 * when known (null otherwise), and the Monte Carlo resampling of its trades (null: no Monte Carlo page).
 */
public record ReportInput(BacktestResult result, String strategyName, Map<String, String> parameters,
                          BarSeries prices, Long runId, String strategyVersion, MonteCarloResult monteCarlo) {
    public ReportInput {
        if (result == null || result.equity().isEmpty()) {
            throw new IllegalArgumentException("a report needs a backtest result with at least one day of equity");
        }
        if (prices == null || !prices.symbol().equalsIgnoreCase(result.symbol())) {
            throw new IllegalArgumentException("a report needs the bars of the traded symbol " + result.symbol()
                    + (prices == null ? "" : " (got " + prices.symbol() + ")"));
        }
        strategyName = strategyName == null || strategyName.isBlank() ? result.strategyId() : strategyName;
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** A report with the default Monte Carlo page (1,000 paths, seed 1, 30% drawdown) when the run closed a trade. */
    public ReportInput(BacktestResult result, String strategyName, Map<String, String> parameters, BarSeries prices, Long runId,
                       String strategyVersion) {
        this(result, strategyName, parameters, prices, runId, strategyVersion, defaultMonteCarlo(result));
    }

    private static MonteCarloResult defaultMonteCarlo(BacktestResult result) {
        if (result == null || result.roundTrips() == null || result.roundTrips().isEmpty() || result.equity().isEmpty()) {
            return null;
        }
        return MonteCarlo.run(MonteCarloRequest.of(result, MonteCarloRequest.DEFAULT_RUNS, MonteCarloRequest.DEFAULT_SEED,
                MonteCarloRequest.DEFAULT_DRAWDOWN));
    }
}
