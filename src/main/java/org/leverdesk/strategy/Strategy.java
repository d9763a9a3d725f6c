package org.leverdesk.strategy;

import java.util.Set;
import org.leverdesk.domain.Decision;

/**
 * A trading strategy: a pure function of the market up to now, the portfolio and its own config
 * (given at construction). It performs no I/O and reads no clock; backtest, paper and live all call
 * the same {@link #decide} with differently sourced contexts.
 */
public interface Strategy {
    /** Stable identifier, e.g. {@code monthly-rebalance}. */
    String id();

    /** Symbols whose bars the strategy reads or trades. */
    Set<String> symbols();

    /**
     * Symbols the strategy reads when they are available and skips (with a reason in its decision)
     * when they are not: runners load them if they can and never fail for a missing one.
     */
    default Set<String> optionalSymbols() {
        return Set.of();
    }

    /**
     * The symbols this strategy may hold: its positions in them are its own (capital isolation), and
     * a force exit closes them. By default every symbol it reads; a strategy that only reads a signal
     * symbol (regime reads QQQ, trades TQQQ) narrows it.
     */
    default Set<String> tradedSymbols() {
        Set<String> all = new java.util.TreeSet<>(symbols());
        all.addAll(optionalSymbols());
        return all;
    }

    /**
     * The symbols whose shares this strategy may come to hold: by default every symbol it trades. A strategy that only
     * trades options on a root and never takes its shares (spreads and condors, settled in cash) leaves the root
     * out, so several such strategies and one share holder may trade options on that root in one account, each seeing
     * its own contracts (decision record 0031).
     */
    default Set<String> shareSymbols() {
        return tradedSymbols();
    }

    /**
     * Underlyings whose options the strategy writes or buys: runners give it those option chains (see
     * {@link DecisionContext#options()}) and the broker prices those options. Empty for share strategies.
     */
    default Set<String> optionUnderlyings() {
        return Set.of();
    }

    /** How its orders are executed (fill model in backtests, order type live). */
    /**
     * The RiskGuard limits the decision cycle checks this strategy's new positions against; by default every
     * limit off but the broker's day-trade count (strategies that set none trade as before).
     */
    default org.leverdesk.riskguard.GuardLimits guardLimits() {
        return org.leverdesk.riskguard.GuardLimits.OFF;
    }

    /**
     * True when the strategy checks its exits during the session too ({@code exits=every:10m}): asked with
     * {@link DecisionContext#exitsOnly()} it decides only closes. Others are not asked by an exit check.
     */
    default boolean checksExitsIntraday() {
        return false;
    }

    /**
     * True when the strategy checks the RiskGuard's position limits (open risk, volatility ceiling, direction
     * cap, cash buffer) itself, sizing to them (the spreads: only they read the chain's deltas); else the
     * decision cycle checks them per order (a share's risk: its value down to its stop, all of it without one).
     */
    default boolean guardsPositions() {
        return false;
    }

    ExecutionPolicy execution();

    /** Decides today's targets. Called once per trading day at the strategy's decision time. */
    Decision decide(DecisionContext context);
}
