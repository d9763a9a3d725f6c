package org.leverdesk.backtest;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a user asks to backtest: a strategy by id, the traded symbol, the date range, the starting
 * capital, costs, the benchmark symbol, and strategy parameters by name (strings, validated by the
 * strategy's config parser; missing ones take defaults).
 */
public record BacktestRequest(String strategyId, String symbol, LocalDate from, LocalDate to, double capital,
                              CostModel costs, String benchmarkSymbol, Map<String, String> parameters) {
    public BacktestRequest {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        costs = costs == null ? CostModel.FREE : costs;
    }
}
