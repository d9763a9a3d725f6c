package org.leverdesk.backtest;

import java.util.List;

/**
 * A backtest of several strategies on one account: the combined result (one equity curve, every fill and decision,
 * the metrics of the whole account) and each strategy's part of it, in the order the strategies ran (every run of
 * {@link BacktestEngine#runTogether}, even of one strategy; empty only inside a single-strategy backtest).
 */
public record PortfolioRun(BacktestResult result, List<StrategyContribution> contributions,
                           java.util.Map<String, List<org.leverdesk.domain.Fill>> strategyFills, List<String> denials) {
    /**
     * @param strategyFills each strategy's own fills, by id (what its contribution counts: an assignment or expiry of a
     *                      contract several strategies held split into each one's part); empty with no contributions
     * @param denials       the risk step's denials in a run of several strategies, as paper and live journal them
     *                      ({@code risk-denied}), each "day strategy: client order id: reason"; empty for one strategy
     */
    public PortfolioRun {
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
        strategyFills = strategyFills == null ? java.util.Map.of() : java.util.Map.copyOf(strategyFills);
        denials = denials == null ? List.of() : List.copyOf(denials);
    }

    public PortfolioRun(BacktestResult result, List<StrategyContribution> contributions) {
        this(result, contributions, java.util.Map.of(), List.of());
    }

    /**
     * What no strategy accounts for: the account's P&L (final equity − capital) minus the sum of the strategies'
     * P&L; 0 up to rounding when every fill, dividend and position belongs to a strategy (the positions' values are
     * in cents, the account's option marks are not: a few cents with short options open at the end).
     */
    public double unattributedPnl() {
        double sum = 0;
        for (StrategyContribution c : contributions) {
            sum += c.pnl();
        }
        List<EquityPoint> eq = result.equity();
        double end = eq.isEmpty() ? result.config().capital() : eq.get(eq.size() - 1).equity();
        return end - result.config().capital() - sum;
    }
}
