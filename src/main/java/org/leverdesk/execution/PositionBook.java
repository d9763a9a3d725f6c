package org.leverdesk.execution;

import java.util.Map;
import org.leverdesk.domain.PortfolioView;

/**
 * Which of the broker's shares a strategy may trade, and which symbols wait for a person. Paper and live
 * trading pass {@link PositionChecks} (the store's own share count); a backtest passes {@link #NONE}: its
 * simulated account holds nothing it did not buy itself.
 */
public interface PositionBook {
    /** The part of {@code brokerView} (the broker's positions in the strategy's symbols) that is {@code strategyId}'s own. */
    PortfolioView own(String strategyId, PortfolioView brokerView);

    /**
     * How {@code strategyId}'s part of the positions in its option roots ({@code roots}: the options on them and their
     * shares) is told from the other strategies' (decision record 0031), or null when the whole of each position in
     * its symbols is its own (a backtest of one strategy, ADOPT).
     */
    default org.leverdesk.broker.PositionOwnership ownership(String strategyId, java.util.Set<String> roots) {
        return null;
    }

    /** Symbols no order may be sent in until a person confirms the broker's count, each with its one-line reason. */
    Map<String, String> holds();

    /** Every share at the broker is the strategy's; nothing is held. */
    PositionBook NONE = new PositionBook() {
        @Override
        public PortfolioView own(String strategyId, PortfolioView brokerView) {
            return brokerView;
        }

        @Override
        public Map<String, String> holds() {
            return Map.of();
        }
    };
}
