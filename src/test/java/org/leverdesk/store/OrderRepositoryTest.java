package org.leverdesk.store;

import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.domain.OrderType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.domain.Side;

class OrderRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-03-02T20:50:00Z");
    private static final Instant T1 = Instant.parse("2026-03-02T20:50:03Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dir;
    private Store store;
    private OrderRepository orders;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        orders = new OrderRepository(store, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static OrderIntent limitBuy(String id) {
        return new OrderIntent(id, "lev-trend", DAY, "enter-TQQQ", "TQQQ", Side.BUY, new BigDecimal("120"),
                OrderType.LIMIT, TimeInForce.DAY, new BigDecimal("51.2550"), null);
    }

    @Test
    void intentIsRecordedAsNewAndFoundByClientOrderId() {
        StoredOrder saved = orders.insertIntent(limitBuy("ld-20260302-lev-trend-1"));
        assertEquals(OrderStatus.NEW, saved.status());
        assertEquals(Optional.of(saved), orders.findByClientOrderId("ld-20260302-lev-trend-1"));
        // Exact decimals: 51.2550 is kept as 51.255, nothing rounded.
        assertEquals(new BigDecimal("51.255"), saved.intent().limitPrice());
        assertTrue(orders.findByClientOrderId("unknown").isEmpty());
    }

    @Test
    void duplicateClientOrderIdIsRefusedAndTheFirstIntentIsKept() {
        StoredOrder first = orders.insertIntent(limitBuy("ld-1"));
        OrderIntent again = new OrderIntent("ld-1", "lev-trend", DAY, "enter-TQQQ", "TQQQ", Side.BUY, new BigDecimal("999"),
                OrderType.MARKET, TimeInForce.DAY, null, null);
        DuplicateOrderException e = assertThrows(DuplicateOrderException.class, () -> orders.insertIntent(again));
        assertEquals("an order with client order id ld-1 is already recorded; it was not recorded again"
                + " (look it up with its id instead of creating it twice)", e.getMessage());
        assertEquals(Optional.of(first), orders.findByClientOrderId("ld-1"));
    }

    @Test
    void statusUpdatesKeepTheBrokerIdAndStampTheTime() {
        orders.insertIntent(limitBuy("ld-2"));
        OrderRepository later = new OrderRepository(store, Clock.fixed(T1, ZoneOffset.UTC));
        later.updateStatus("ld-2", OrderStatus.SUBMITTED, null);
        later.updateStatus("ld-2", OrderStatus.ACCEPTED, "alpaca-abc");
        StoredOrder filled = later.updateStatus("ld-2", OrderStatus.FILLED, null);
        assertEquals(OrderStatus.FILLED, filled.status());
        assertEquals("alpaca-abc", filled.brokerOrderId());
        assertEquals(T0, filled.createdAt());
        assertEquals(T1, filled.updatedAt());
        assertEquals(Optional.of(filled), orders.findByClientOrderId("ld-2"));
    }

    @Test
    void finalStatusNeverChangesAgain() {
        orders.insertIntent(limitBuy("ld-3"));
        orders.updateStatus("ld-3", OrderStatus.FILLED, "b-3");
        StoreException e = assertThrows(StoreException.class, () -> orders.updateStatus("ld-3", OrderStatus.CANCELED, null));
        assertEquals("order ld-3 is already FILLED and cannot become CANCELED; check the broker's report for a stale update",
                e.getMessage());
        // Repeating the same final status is harmless (a broker may report it twice).
        assertEquals(OrderStatus.FILLED, orders.updateStatus("ld-3", OrderStatus.FILLED, null).status());
    }

    @Test
    void aSecondBrokerOrderIdIsRefused() {
        orders.insertIntent(limitBuy("ld-4"));
        orders.updateStatus("ld-4", OrderStatus.ACCEPTED, "b-4");
        StoreException e = assertThrows(StoreException.class, () -> orders.updateStatus("ld-4", OrderStatus.FILLED, "b-5"));
        assertTrue(e.getMessage().startsWith("order ld-4 already has broker order id b-4"), e.getMessage());
        assertEquals(OrderStatus.ACCEPTED, orders.findByClientOrderId("ld-4").orElseThrow().status());
    }

    @Test
    void updatingAnUnknownOrderSaysWhatToDo() {
        StoreException e = assertThrows(StoreException.class, () -> orders.updateStatus("nope", OrderStatus.FILLED, null));
        assertEquals("no order with client order id nope is recorded; record its intent first", e.getMessage());
    }

    @Test
    void intentValidationRefusesInexactOrInconsistentOrders() {
        assertEquals("order x: a LIMIT order needs a limit price", assertThrows(IllegalArgumentException.class,
                () -> new OrderIntent("x", "s", DAY, "leg", "QQQ", Side.BUY, BigDecimal.ONE, OrderType.LIMIT,
                        TimeInForce.DAY, null, null)).getMessage());
        assertEquals("order x: a MARKET order must not have a limit price", assertThrows(IllegalArgumentException.class,
                () -> new OrderIntent("x", "s", DAY, "leg", "QQQ", Side.BUY, BigDecimal.ONE, OrderType.MARKET,
                        TimeInForce.DAY, BigDecimal.TEN, null)).getMessage());
        assertEquals("order x: quantity 0.0000001 has more than 6 decimal places", assertThrows(IllegalArgumentException.class,
                () -> new OrderIntent("x", "s", DAY, "leg", "QQQ", Side.BUY, new BigDecimal("0.0000001"), OrderType.MARKET,
                        TimeInForce.DAY, null, null)).getMessage());
        assertEquals("order x: quantity must be positive (got -5)", assertThrows(IllegalArgumentException.class,
                () -> new OrderIntent("x", "s", DAY, "leg", "QQQ", Side.SELL, new BigDecimal("-5"), OrderType.MARKET,
                        TimeInForce.DAY, null, null)).getMessage());
        assertEquals(new BigDecimal("100"), new OrderIntent("x", "s", DAY, "leg", "QQQ", Side.BUY, new BigDecimal("100.000"),
                OrderType.MARKET, TimeInForce.OPG, null, null).quantity());
    }
}
