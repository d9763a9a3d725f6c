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

    /**
     * One strategy's signed part of one contract ({@code part}: as {@link org.leverdesk.broker.PositionOwnership#split}
     * gives it) and what its open orders may still add ({@code pending}: signed unfilled remainders).
     */
    record Holding(long part, long pending) {
        /** Each strategy's holding from its {@code parts} and {@code pending} remainders; strategies with neither left out. */
        static Map<String, Holding> of(Map<String, Long> parts, Map<String, Long> pending) {
            Map<String, Holding> out = new java.util.TreeMap<>();
            java.util.Set<String> names = new java.util.TreeSet<>(parts.keySet());
            names.addAll(pending.keySet());
            for (String s : names) {
                Holding h = new Holding(parts.getOrDefault(s, 0L), pending.getOrDefault(s, 0L));
                if (h.part() != 0 || h.pending() != 0) {
                    out.put(s, h);
                }
            }
            return out;
        }
    }

    /**
     * Every strategy's holding of {@code symbol} (decision record 0031), for the risk step's rule that no strategy's order
     * nets against another's in the account ({@link ContractCrossing}); {@code held} gives the account's position and is
     * read only when some strategy has a count of the symbol. Empty when parts are not told apart (one strategy, ADOPT).
     */
    default Map<String, Holding> holders(String symbol, java.util.function.LongSupplier held) {
        return Map.of();
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
