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
                                   List<Filled> filled) {
    /** A stored order this reconciliation found filled at the broker (it was not FILLED in the store before). */
    public record Filled(String strategyId, BrokerOrder order) {
    }

    public ReconciliationReport {
        positions = List.copyOf(positions);
        openOrders = List.copyOf(openOrders);
        differences = List.copyOf(differences);
        positionChanges = List.copyOf(positionChanges);
        filled = List.copyOf(filled);
    }

    /** True when the store agreed with the broker. */
    public boolean clean() {
        return differences.isEmpty();
    }
}
