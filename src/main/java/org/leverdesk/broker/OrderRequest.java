package org.leverdesk.broker;

import java.math.BigDecimal;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/**
 * An order to send. {@code clientOrderId} is deterministic (see the execution package) so the same
 * decision can never trade twice; limit and stop prices are null unless the type needs them.
 */
public record OrderRequest(String clientOrderId, String symbol, Side side, BigDecimal quantity, OrderType type,
                           TimeInForce timeInForce, BigDecimal limitPrice, BigDecimal stopPrice) {
    public OrderRequest {
        if (clientOrderId == null || clientOrderId.isBlank() || clientOrderId.length() > 128) {
            throw new IllegalArgumentException("an order needs a client order id of 1 to 128 characters (got '" + clientOrderId + "')");
        }
        if (symbol == null || symbol.isBlank() || side == null || type == null || timeInForce == null) {
            throw new IllegalArgumentException("order " + clientOrderId + " needs a symbol, side, type and time in force");
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("order " + clientOrderId + ": quantity must be positive (got " + quantity + ")");
        }
        if (type.needsLimitPrice() != (limitPrice != null) || type.needsStopPrice() != (stopPrice != null)) {
            throw new IllegalArgumentException("order " + clientOrderId + ": a " + type + " order needs "
                    + (type.needsLimitPrice() ? "a limit price" : "no limit price") + " and "
                    + (type.needsStopPrice() ? "a stop price" : "no stop price"));
        }
    }
}
