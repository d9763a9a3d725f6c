package org.leverdesk.report;

import java.util.Map;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.domain.BarSeries;

/**
 * What a backtest report shows: the run, the strategy's display name, the parameters it ran with
 * (as the store saves them; missing ones were defaults), the traded symbol's bars (any range that
 * covers the run; earlier bars warm up the indicator), and the store's run id and strategy version
 * when known (null otherwise).
 */
public record ReportInput(BacktestResult result, String strategyName, Map<String, String> parameters,
                          BarSeries prices, Long runId, String strategyVersion) {
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
}
