package org.leverdesk.backtest.runs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One saved backtest as listed in the run history. {@code versionId} is null for unsaved parameters;
 * {@code dataSource} names the prices it ran on (the demo market's label starts with "DEMO").
 */
public record BacktestRunSummary(long id, String strategyId, Long versionId, String symbol, LocalDate from, LocalDate to,
                                 Instant createdAt, Map<String, String> parameters, double totalReturn,
                                 double finalEquity, String dataSource) {
    /** A summary without the data source. */
    public BacktestRunSummary(long id, String strategyId, Long versionId, String symbol, LocalDate from, LocalDate to,
                              Instant createdAt, Map<String, String> parameters, double totalReturn, double finalEquity) {
        this(id, strategyId, versionId, symbol, from, to, createdAt, parameters, totalReturn, finalEquity, "");
    }
}
