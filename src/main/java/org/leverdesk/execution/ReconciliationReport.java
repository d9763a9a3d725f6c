package org.leverdesk.execution;

import java.time.Instant;
import java.util.List;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;

/**
 * What reconciliation found: the broker's positions and open orders (the truth), the differences
 * with the store (each a one-line text, also journalled), how positions changed since the last
 * snapshot, how many stored orders it updated, and which of them it found filled (for fill notifications:
 * a market-on-open order sent after yesterday's close fills at today's open, long after its run).
 */
public record ReconciliationReport(Instant at, String broker, List<BrokerPosition> positions, List<BrokerOrder> openOrders,
                                   List<String> differences, List<String> positionChanges, int ordersUpdated,
                                   List<Filled> filled, List<Ended> ended, List<String> holds, List<String> external) {
    /** A stored order this reconciliation found filled at the broker (it was not FILLED in the store before). */
    public record Filled(String strategyId, BrokerOrder order) {
    }

    /**
     * A stored order this reconciliation found rejected, cancelled, expired or partly filled at the broker
     * after its run: the strategy holds less (or more) than its decision wanted, and its next decision starts
     * from what it holds.
     */
    public record Ended(String strategyId, BrokerOrder order) {
        /** True when the broker rejected it. */
        public boolean rejected() {
            return order.status() == org.leverdesk.domain.OrderStatus.REJECTED;
        }
    }

    public ReconciliationReport {
        positions = List.copyOf(positions);
        openOrders = List.copyOf(openOrders);
        differences = List.copyOf(differences);
        positionChanges = List.copyOf(positionChanges);
        filled = List.copyOf(filled);
        ended = List.copyOf(ended);
        holds = List.copyOf(holds);
        external = List.copyOf(external);
    }

    /** Without ended orders, holds or external positions. */
    public ReconciliationReport(Instant at, String broker, List<BrokerPosition> positions, List<BrokerOrder> openOrders,
                                List<String> differences, List<String> positionChanges, int ordersUpdated,
                                List<Filled> filled) {
        this(at, broker, positions, openOrders, differences, positionChanges, ordersUpdated, filled, List.of(), List.of(),
                List.of());
    }

    /** True when the broker rejected one of the strategies' orders after its run (the run exits 1). */
    public boolean lateRejection() {
        return ended.stream().anyMatch(Ended::rejected);
    }

    /** True when the store agreed with the broker. */
    public boolean clean() {
        return differences.isEmpty();
    }
}
