package org.leverdesk.store;

import java.math.BigDecimal;
import java.time.Instant;
import org.leverdesk.domain.OrderStatus;

/**
 * An order as stored: the intent, its current status, the broker's id once known, when it was created
 * and last changed, how much of it filled and at what average price (null until something filled), and
 * why it ended when it ended without filling (a rejection's reason, "superseded by ...").
 */
public record StoredOrder(long id, OrderIntent intent, OrderStatus status, String brokerOrderId, Instant createdAt,
                          Instant updatedAt, BigDecimal filledQuantity, BigDecimal filledAveragePrice, String statusReason) {
    public StoredOrder {
        filledQuantity = filledQuantity == null ? BigDecimal.ZERO : filledQuantity;
    }

    /** An order of which nothing filled yet. */
    public StoredOrder(long id, OrderIntent intent, OrderStatus status, String brokerOrderId, Instant createdAt,
                       Instant updatedAt) {
        this(id, intent, status, brokerOrderId, createdAt, updatedAt, BigDecimal.ZERO, null, null);
    }
}
