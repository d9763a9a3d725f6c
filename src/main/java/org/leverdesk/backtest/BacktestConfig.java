package org.leverdesk.backtest;

import java.time.LocalDate;
import org.leverdesk.config.RiskSettings;

/**
 * One backtest's settings. {@code benchmarkSymbol} is bought and held (total return, fractional,
 * no costs) for comparison; {@code allowMargin} must be false (the simulated broker is a cash account;
 * the flag stays for saved runs); {@code risk} holds the order planner's rules (tolerance band, minimum
 * trade value, limit offset), the same settings live trading plans with.
 */
public record BacktestConfig(LocalDate from, LocalDate to, double capital, CostModel costs,
                             boolean allowMargin, String benchmarkSymbol, boolean recordDecisions, RiskSettings risk) {
    public BacktestConfig {
        if (from == null || to == null || from.isAfter(to)) {
            throw new IllegalArgumentException("backtest needs --from on or before --to (got " + from + " .. " + to + ")");
        }
        if (!(capital > 0) || !Double.isFinite(capital) || capital > 1e12) {
            throw new IllegalArgumentException("capital must be a positive number of dollars up to 1,000,000,000,000 (got "
                    + capital + ")");
        }
        costs = costs == null ? CostModel.FREE : costs;
        // The account's operating limits (orders a day, daily loss) are not the strategy's: off unless asked for.
        risk = risk == null ? RiskSettings.defaults().withLimits(org.leverdesk.config.RiskLimits.none()) : risk;
    }

    /** With the default planning rules ({@link RiskSettings#defaults()}). */
    public BacktestConfig(LocalDate from, LocalDate to, double capital, CostModel costs, boolean allowMargin,
                          String benchmarkSymbol, boolean recordDecisions) {
        this(from, to, capital, costs, allowMargin, benchmarkSymbol, recordDecisions, null);
    }

    /** The same settings, keeping or dropping every decision. */
    public BacktestConfig withRecordDecisions(boolean record) {
        return new BacktestConfig(from, to, capital, costs, allowMargin, benchmarkSymbol, record, risk);
    }
}
