package org.leverdesk.store;

import org.leverdesk.domain.OrderStatus;
import java.time.Instant;

/** An order as stored: the intent, its current status, the broker's id once known, and when it was created and last changed. */
public record StoredOrder(long id, OrderIntent intent, OrderStatus status, String brokerOrderId, Instant createdAt,
                          Instant updatedAt) {
}
