package org.leverdesk.execution;

import java.time.Instant;
import java.util.List;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;

/**
 * What reconciliation found: the broker's positions and open orders (the truth), the differences
 * with the store (each a one-line text, also journalled), how positions changed since the last
 * snapshot, and how many stored orders it updated.
 */
public record ReconciliationReport(Instant at, String broker, List<BrokerPosition> positions, List<BrokerOrder> openOrders,
                                   List<String> differences, List<String> positionChanges, int ordersUpdated) {
    public ReconciliationReport {
        positions = List.copyOf(positions);
        openOrders = List.copyOf(openOrders);
        differences = List.copyOf(differences);
        positionChanges = List.copyOf(positionChanges);
    }

    /** True when the store agreed with the broker. */
    public boolean clean() {
        return differences.isEmpty();
    }
}
