package org.leverdesk.store;

import org.leverdesk.domain.TimeInForce;
import org.leverdesk.domain.OrderType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.leverdesk.domain.Side;

/**
 * An order as decided, before it is sent. {@code clientOrderId} identifies it at the broker, so
 * sending it twice cannot trade twice; {@code leg} names its part of a rebalance (e.g. "exit-SQQQ").
 * Quantities and prices are exact decimals with at most 6 decimal places, kept without trailing
 * zeros (10.50 becomes 10.5), so an intent read back from the store equals the one written.
 */
public record OrderIntent(String clientOrderId, String strategyId, LocalDate tradingDay, String leg, String symbol,
                          Side side, BigDecimal quantity, OrderType type, TimeInForce timeInForce,
                          BigDecimal limitPrice, BigDecimal stopPrice) {
    private static final int MAX_SCALE = 6;

    public OrderIntent {
        require(clientOrderId, "client order id", 64);
        require(strategyId, "strategy id", 64);
        require(leg, "leg", 64);
        require(symbol, "symbol", 32); // an OCC option symbol is 21 characters (V9)
        if (tradingDay == null || side == null || type == null || timeInForce == null) {
            throw new IllegalArgumentException("order " + clientOrderId + " needs a trading day, side, type and time in force");
        }
        positive(quantity, "quantity", clientOrderId);
        quantity = canonical(quantity);
        limitPrice = canonical(limitPrice);
        stopPrice = canonical(stopPrice);
        if (type.needsLimitPrice() != (limitPrice != null)) {
            throw new IllegalArgumentException("order " + clientOrderId + ": a " + type + " order "
                    + (type.needsLimitPrice() ? "needs" : "must not have") + " a limit price");
        }
        if (type.needsStopPrice() != (stopPrice != null)) {
            throw new IllegalArgumentException("order " + clientOrderId + ": a " + type + " order "
                    + (type.needsStopPrice() ? "needs" : "must not have") + " a stop price");
        }
        if (limitPrice != null) {
            positive(limitPrice, "limit price", clientOrderId);
        }
        if (stopPrice != null) {
            positive(stopPrice, "stop price", clientOrderId);
        }
    }

    private static BigDecimal canonical(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static void require(String value, String what, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException("an order needs a " + what + " of 1 to " + maxLength + " characters (got '"
                    + value + "')");
        }
    }

    private static void positive(BigDecimal value, String what, String id) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException("order " + id + ": " + what + " must be positive (got " + value + ")");
        }
        // The store keeps 6 decimal places; silently rounding money is worse than refusing it.
        if (value.stripTrailingZeros().scale() > MAX_SCALE) {
            throw new IllegalArgumentException("order " + id + ": " + what + " " + value.toPlainString()
                    + " has more than " + MAX_SCALE + " decimal places");
        }
    }
}
