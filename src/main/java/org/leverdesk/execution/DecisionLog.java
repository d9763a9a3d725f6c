package org.leverdesk.execution;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leverdesk.common.JsonText;
import org.leverdesk.domain.Decision;
import org.leverdesk.risk.EventSink;

/**
 * Where a decision cycle writes what it decided and what happened: the store's decisions and the
 * journal for paper and live trading; the backtest's own list (or nothing) in a backtest.
 */
public interface DecisionLog extends EventSink {
    /** Records {@code decision} of {@code run}; returns its id, or null when decisions are not kept. */
    Long decision(Decision decision, StrategyRun run);

    /**
     * Records which symbols an after-close decision of {@code day} wants more of than was held (the follow-up
     * after the next open buys only those).
     */
    default void deferredBuys(String strategyId, LocalDate day, Set<String> symbols) {
        append(DEFERRED_BUYS, strategyId, day + ": buys after the next open for " + (symbols.isEmpty() ? "nothing"
                : String.join(", ", symbols)), JsonText.of(Map.of("day", day.toString(), "symbols", List.copyOf(symbols))));
    }

    /** A decision whose orders were not all sent yet, with its stored id. */
    record OpenDecision(long id, Decision decision) {
    }

    /**
     * The newest decision of {@code strategyId} whose orders were not all sent (a kill, a failed send, a
     * blocked quote), which a run of the same trading day resumes; empty when decisions are not kept.
     */
    default java.util.Optional<OpenDecision> openDecision(String strategyId) {
        return java.util.Optional.empty();
    }

    /** Every order of decision {@code id} reached the broker (or the broker or the risk gate ended it). */
    default void decisionDone(long id, String note) {
    }

    /** Decision {@code id} is replaced by a newer trading day's decision; its orders not sent never will be. */
    default void decisionSuperseded(long id, String note) {
    }

    /** How many orders the account recorded for trading day {@code day} (the risk limit on orders a day). */
    default int ordersOn(LocalDate day) {
        return 0;
    }

    /** The journal kind of {@link #deferredBuys}. */
    String DEFERRED_BUYS = "deferred-buys";

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
