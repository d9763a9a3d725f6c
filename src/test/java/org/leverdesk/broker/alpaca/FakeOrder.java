package org.leverdesk.broker.alpaca;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One order in {@link FakeAlpacaMarket}'s book, with Alpaca's status string and the timers of its
 * asynchronous life cycle (null when nothing is due). {@code session} names the session the order
 * trades in (an epoch day on the exchange calendar, or a counter when sessions are opened by hand).
 */
final class FakeOrder {
    /** Alpaca's statuses after which nothing more happens to an order. */
    static final Set<String> FINAL = Set.of("filled", "canceled", "expired", "rejected", "replaced");

    final String id = UUID.randomUUID().toString();
    String clientOrderId;
    String symbol;
    String side;
    String type;
    String tif;
    BigDecimal qty;
    BigDecimal limitPrice;
    BigDecimal stopPrice;
    BigDecimal filledQty = BigDecimal.ZERO;
    BigDecimal filledAvgPrice;
    String status;
    boolean stopTriggered;
    // Whether the order has met the market once (after that a marketable limit fills at its limit).
    boolean metMarket;
    long session;
    Instant createdAt;
    Instant updatedAt;
    Instant filledAt;
    Instant canceledAt;
    Instant expiredAt;
    Instant failedAt;
    Instant replacedAt;
    String replacedBy;
    String replaces;
    /** Alpaca's order class: "" (simple) or "mleg" (a multi-leg option order whose {@link #legs} fill all or none). */
    String orderClass = "";
    /** A multi-leg order's legs (each with its {@link #ratioQty} and {@link #positionIntent}); null otherwise. */
    List<FakeOrder> legs;
    BigDecimal ratioQty;
    String positionIntent;
    /** A status a test forced that is not in Alpaca's enum: answers carrying this order are off-spec on purpose. */
    boolean offSpec;

    // Timers of the life cycle.
    Instant acceptAt;
    Instant fillAt;
    Instant cancelAt;
    Instant replaceAt;
    Instant expireAt;

    boolean isOpen() {
        return !FINAL.contains(status);
    }

    /** Routed to the exchange and able to trade now (not waiting for acceptance, an auction, or a cancel). */
    boolean isWorking() {
        return status.equals("new") || status.equals("partially_filled");
    }

    boolean isAuction() {
        return tif.equals("opg") || tif.equals("cls");
    }

    BigDecimal remaining() {
        return qty.subtract(filledQty);
    }

    /** The earliest timer still due, or null. */
    Instant nextTimer() {
        Instant next = null;
        for (Instant t : new Instant[] {acceptAt, fillAt, cancelAt, replaceAt, expireAt}) {
            if (t != null && (next == null || t.isBefore(next))) {
                next = t;
            }
        }
        return next;
    }
}
