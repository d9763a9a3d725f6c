package org.leverdesk.broker;

import java.math.BigDecimal;
import java.time.Instant;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/**
 * An order as the broker knows it. {@code filledAveragePrice} is null until something filled;
 * {@code rejectReason} is null unless the broker gave one.
 */
public record BrokerOrder(String brokerOrderId, String clientOrderId, String symbol, Side side, BigDecimal quantity,
                          BigDecimal filledQuantity, BigDecimal filledAveragePrice, OrderType type,
                          TimeInForce timeInForce, BigDecimal limitPrice, BigDecimal stopPrice, OrderStatus status,
                          Instant submittedAt, Instant updatedAt, String rejectReason) {
    /** True while the order can still fill. */
    public boolean isOpen() {
        return !status.isFinal();
    }
}
