package org.leverdesk.ui.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * Everything the Dashboard shows at one moment, gathered off the UI thread by a {@link DashboardSource}.
 *
 * @param brokerName     the broker the account lives at (e.g. "paper"), shown in the title
 * @param live           true only for an account that trades real money (Alpaca's live endpoint with live trading on)
 * @param account        the account's money, or null when the broker could not be read (see {@code accountError})
 * @param accountError   why the account could not be read, or null
 * @param positions      the account's open positions
 * @param strategies     each configured strategy's state
 * @param schedulerState the scheduler's state in words (e.g. "running", "paused", "not running: …")
 * @param tradingState   the risk gate's trading state (ACTIVE, REDUCING, HALTED)
 * @param asOf           when the snapshot was taken
 * @param guard          each enabled strategy's RiskGuard (banner and gauges)
 */
public record DashboardSnapshot(String brokerName, boolean live, AccountSummary account, String accountError,
                                List<PositionRow> positions, List<StrategyRow> strategies, String schedulerState,
                                String tradingState, Instant asOf, List<org.leverdesk.riskguard.RiskGuardStatus> guard) {
    public DashboardSnapshot {
        positions = List.copyOf(positions);
        strategies = List.copyOf(strategies);
        guard = List.copyOf(guard);
    }

    /** A snapshot without RiskGuard statuses. */
    public DashboardSnapshot(String brokerName, boolean live, AccountSummary account, String accountError,
                             List<PositionRow> positions, List<StrategyRow> strategies, String schedulerState,
                             String tradingState, Instant asOf) {
        this(brokerName, live, account, accountError, positions, strategies, schedulerState, tradingState, asOf, List.of());
    }

    /** The same snapshot with {@code statuses} as its RiskGuard. */
    public DashboardSnapshot withGuard(List<org.leverdesk.riskguard.RiskGuardStatus> statuses) {
        return new DashboardSnapshot(brokerName, live, account, accountError, positions, strategies, schedulerState, tradingState,
                asOf, statuses);
    }

    /** A snapshot of an account that does not trade real money. */
    public DashboardSnapshot(String brokerName, AccountSummary account, String accountError, List<PositionRow> positions,
                             List<StrategyRow> strategies, String schedulerState, String tradingState, Instant asOf) {
        this(brokerName, false, account, accountError, positions, strategies, schedulerState, tradingState, asOf);
    }

    /**
     * The account's money.
     *
     * @param totalProfit      equity minus what was put in (paper: the starting capital), or NaN when unknown
     * @param totalProfitLabel what {@code totalProfit} measures, e.g. "since start ($100,000)"
     */
    public record AccountSummary(double equity, double cash, double buyingPower, double dayProfit, double totalProfit,
                                 String totalProfitLabel) {
    }

    /** One open position valued at the latest price. */
    public record PositionRow(String symbol, double quantity, double price, double marketValue, double unrealizedProfit) {
    }

    /**
     * One strategy's state.
     *
     * @param nextRun      the next scheduled job in words (e.g. "Mon 2026-11-23 15:50 ET close-10m"), or "—"
     * @param lastDecision the last live decision's day and summary, or "no decision yet"
     * @param regime       the regime of the last decision, or null
     */
    public record StrategyRow(String strategyId, boolean enabled, double capitalShare, String nextRun, String lastDecision,
                              String regime) {
    }
}
