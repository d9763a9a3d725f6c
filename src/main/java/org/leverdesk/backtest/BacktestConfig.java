package org.leverdesk.backtest;

import java.time.LocalDate;

/**
 * One backtest's settings. {@code benchmarkSymbol} is bought and held (total return, fractional,
 * no costs) for comparison; {@code allowMargin} lets cash go negative.
 */
public record BacktestConfig(LocalDate from, LocalDate to, double capital, CostModel costs,
                             boolean allowMargin, String benchmarkSymbol, boolean recordDecisions) {
    public BacktestConfig {
        if (from == null || to == null || from.isAfter(to)) {
            throw new IllegalArgumentException("backtest needs --from on or before --to (got " + from + " .. " + to + ")");
        }
        if (!(capital > 0) || !Double.isFinite(capital)) {
            throw new IllegalArgumentException("capital must be a positive number (got " + capital + ")");
        }
    }
}
