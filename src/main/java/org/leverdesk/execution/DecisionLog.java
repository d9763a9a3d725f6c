package org.leverdesk.execution;

import org.leverdesk.domain.Decision;
import org.leverdesk.risk.EventSink;

/**
 * Where a decision cycle writes what it decided and what happened: the store's decisions and the
 * journal for paper and live trading; the backtest's own list (or nothing) in a backtest.
 */
public interface DecisionLog extends EventSink {
    /** Records {@code decision} of {@code run}; returns its id, or null when decisions are not kept. */
    Long decision(Decision decision, StrategyRun run);

    /** Records nothing. */
    DecisionLog NONE = new DecisionLog() {
        @Override
        public Long decision(Decision decision, StrategyRun run) {
            return null;
        }

        @Override
        public void append(String kind, String strategyId, String message, String detailsJson) {
        }
    };
}
