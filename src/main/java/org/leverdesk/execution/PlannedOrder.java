package org.leverdesk.execution;

import java.math.BigDecimal;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.store.OrderIntent;
import org.leverdesk.strategy.Fmt;

/**
 * One order the planner wants sent: its leg (e.g. "buy-TQQQ"), deterministic client order id, whole
 * shares, type, time in force, limit and stop prices (null unless the type needs them) and why.
 */
public record PlannedOrder(String clientOrderId, String leg, String symbol, Side side, long quantity, OrderType type,
                           TimeInForce timeInForce, BigDecimal limitPrice, BigDecimal stopPrice, String reason) {

    /** An order without a stop price. */
    public PlannedOrder(String clientOrderId, String leg, String symbol, Side side, long quantity, OrderType type,
                        TimeInForce timeInForce, BigDecimal limitPrice, String reason) {
        this(clientOrderId, leg, symbol, side, quantity, type, timeInForce, limitPrice, null, reason);
    }

    /** The request the broker receives. */
    public OrderRequest request() {
        return new OrderRequest(clientOrderId, symbol, side, BigDecimal.valueOf(quantity), type, timeInForce, limitPrice,
                stopPrice);
    }

    /** The intent recorded before sending. */
    public OrderIntent intent(String strategyId, java.time.LocalDate tradingDay) {
        return new OrderIntent(clientOrderId, strategyId, tradingDay, leg, symbol, side, BigDecimal.valueOf(quantity), type,
                timeInForce, limitPrice, stopPrice);
    }

    /**
     * The order a recorded {@code intent} describes, exactly as recorded (quantity, limit and stop price):
     * what a restart sends, whatever a new plan would say now.
     */
    public static PlannedOrder of(OrderIntent intent, String reason) {
        return new PlannedOrder(intent.clientOrderId(), intent.leg(), intent.symbol(), intent.side(),
                intent.quantity().longValueExact(), intent.type(), intent.timeInForce(), intent.limitPrice(), intent.stopPrice(),
                reason);
    }

    /** True when {@code intent} records this very order (same quantity, type, time in force and prices). */
    public boolean sameAs(OrderIntent intent) {
        return intent.quantity().compareTo(BigDecimal.valueOf(quantity)) == 0 && intent.type() == type
                && intent.timeInForce() == timeInForce && intent.side() == side && samePrice(intent.limitPrice(), limitPrice)
                && samePrice(intent.stopPrice(), stopPrice);
    }

    private static boolean samePrice(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** "buy 49 TQQQ LIMIT $100.50 DAY" for people: prices in dollars and cents, as the window and the CLI show them. */
    public String text() {
        return side.name().toLowerCase(java.util.Locale.ROOT) + " " + quantity + " " + symbol + " " + type
                + (limitPrice == null ? "" : " " + Fmt.money(limitPrice.doubleValue()))
                + (stopPrice == null ? "" : " stop " + Fmt.money(stopPrice.doubleValue())) + " " + timeInForce;
    }
}
