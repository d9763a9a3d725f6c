package org.leverdesk.broker.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.DuplicateClientOrderIdException;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/** The paper account lives in the store: closing and reopening it loses nothing and forgets no client order id. */
class PaperBrokerRestartTest {
    private final PaperFixture fixture = new PaperFixture();

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    @Test
    void cashPositionsOrdersFillsAndUsedIdsSurviveARestart() {
        PaperBroker before = fixture.broker;
        fixture.setQuote("QQQ", 49.99, 50.01);
        BrokerOrder bought = before.submit(market("r-1", Side.BUY, 100));
        before.submit(limit("r-2", Side.BUY, 10, "45.00"));
        BrokerOrder cancelled = before.submit(limit("r-3", Side.BUY, 10, "44.00"));
        before.cancel(cancelled.brokerOrderId());

        PaperBroker after = fixture.restart();

        money("94999.00", after.account().cash());
        // 10 * 45.00 still held back by the resting limit.
        money("94549.00", after.account().buyingPower());
        // The quote was saved too: 100 shares at last 50.00.
        money("99999.00", after.account().equity());
        BrokerPosition p = after.positions().get(0);
        assertEquals("QQQ", p.symbol());
        money("100", p.quantity());
        money("50.01", p.averageEntryPrice());
        assertEquals(List.of("r-2"), after.openOrders().stream().map(BrokerOrder::clientOrderId).toList());
        assertEquals(OrderStatus.CANCELED, after.orderByClientOrderId("r-3").orElseThrow().status());
        BrokerOrder reloaded = after.orderByClientOrderId("r-1").orElseThrow();
        assertEquals(bought.brokerOrderId(), reloaded.brokerOrderId());
        assertEquals(OrderStatus.FILLED, reloaded.status());
        money("100", reloaded.filledQuantity());
        money("50.01", reloaded.filledAveragePrice());
        assertEquals(bought.submittedAt(), reloaded.submittedAt());
        assertThrows(DuplicateClientOrderIdException.class, () -> after.submit(market("r-1", Side.BUY, 1)));
        assertThrows(DuplicateClientOrderIdException.class, () -> after.submit(limit("r-3", Side.BUY, 1, "44.00")));
        assertEquals(1, after.fills().size());
        money("50.01", after.fills().get(0).price());

        // The resting limit still works, and new orders get new broker ids.
        fixture.setQuote("QQQ", 44.90, 44.95);
        assertEquals(OrderStatus.FILLED, after.orderByClientOrderId("r-2").orElseThrow().status());
        money("94549.00", after.account().cash());
        BrokerOrder next = after.submit(market("r-4", Side.SELL, 10));
        assertTrue(List.of(bought.brokerOrderId(), cancelled.brokerOrderId()).stream().noneMatch(next.brokerOrderId()::equals));
    }

    @Test
    void anOpeningOrderSentBeforeARestartFillsAtTheOpenThatPassedWhileTheAppWasClosed() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        fixture.closeMarket();
        fixture.broker.submit(new OrderRequest("opg-1", "QQQ", Side.BUY, new BigDecimal("100"), OrderType.MARKET_ON_OPEN,
                TimeInForce.OPG, null, null));
        fixture.store.close();
        // Thursday 2026-03-05, 11:00 New York: the app comes back after the open.
        fixture.clock.set(Instant.parse("2026-03-05T16:00:00Z"));
        fixture.store = org.leverdesk.store.Store.open(fixture.dir);
        PaperBroker after = new PaperBroker(fixture.store, null, fixture.clock);
        fixture.broker = after;

        BrokerOrder o = after.orderByClientOrderId("opg-1").orElseThrow();
        assertEquals(OrderStatus.FILLED, o.status());
        money("50.01", o.filledAveragePrice());
        assertEquals(Instant.parse("2026-03-05T14:30:00Z"), o.updatedAt(), "filled at the 9:30 open");
        assertTrue(after.clock().open());
        money("94999.00", after.account().cash());
    }

    @Test
    void dayOrdersExpireAtTheCloseAndGoodTillCancelledOrdersStay() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        fixture.broker.submit(new OrderRequest("day-1", "QQQ", Side.BUY, new BigDecimal("10"), OrderType.LIMIT,
                TimeInForce.DAY, new BigDecimal("45.00"), null));
        fixture.broker.submit(limit("gtc-1", Side.BUY, 10, "44.00"));
        fixture.closeMarket();
        assertEquals(OrderStatus.EXPIRED, fixture.broker.orderByClientOrderId("day-1").orElseThrow().status());
        assertEquals(List.of("gtc-1"), fixture.broker.openOrders().stream().map(BrokerOrder::clientOrderId).toList());
        money("99560.00", fixture.broker.account().buyingPower());
    }

    @Test
    void resetStartsOverButKeepsTheClientOrderIdsUsed() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        fixture.broker.submit(market("x-1", Side.BUY, 100));
        fixture.broker.submit(limit("x-2", Side.BUY, 10, "45.00"));
        fixture.broker.reset(new BigDecimal("25000.00"));

        PaperBroker after = fixture.restart();
        money("25000.00", after.account().cash());
        money("25000.00", after.account().equity());
        money("25000.00", after.startingCapital());
        assertTrue(after.positions().isEmpty());
        assertTrue(after.openOrders().isEmpty());
        assertEquals(OrderStatus.CANCELED, after.orderByClientOrderId("x-2").orElseThrow().status());
        assertThrows(DuplicateClientOrderIdException.class, () -> after.submit(market("x-1", Side.BUY, 1)));
        after.reset();
        money("100000.00", after.account().cash());
    }

    @Test
    void aSellBeyondThePositionIsRejectedBecauseTheAccountCannotShort() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        fixture.broker.submit(market("s-1", Side.BUY, 10));
        fixture.broker.submit(limit("s-2", Side.SELL, 6, "60.00"));
        var e = assertThrows(org.leverdesk.broker.OrderRejectedException.class,
                () -> fixture.broker.submit(market("s-3", Side.SELL, 5)));
        assertEquals("order s-3: insufficient quantity of QQQ (holding 10, 6 already in open sell orders);"
                + " this cash account cannot sell short", e.getMessage());
        assertTrue(fixture.broker.orderByClientOrderId("s-3").isEmpty(), "a rejected order does not use its id");
        assertNotEquals(OrderStatus.FILLED, fixture.broker.orderByClientOrderId("s-2").orElseThrow().status());
    }

    @Test
    void aFailedWriteLeavesTheAccountAsSavedAndReportsTheOutcomeUnknown() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        // Another writer took client order id "w-1" behind the broker's back, so saving the order fails.
        fixture.store.inTransaction("plant", c -> c.createStatement().executeUpdate("INSERT INTO paper_orders (broker_order_id,"
                + " order_number, client_order_id, symbol, side, quantity, filled_quantity, order_type, time_in_force, status,"
                + " submitted_at, updated_at, reserve_price, stop_triggered) VALUES ('elsewhere-1', 999, 'w-1', 'QQQ', 'BUY', 1,"
                + " 0, 'LIMIT', 'GTC', 'CANCELED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, FALSE)"));
        var e = assertThrows(org.leverdesk.broker.BrokerUnavailableException.class,
                () -> fixture.broker.submit(market("w-1", Side.BUY, 100)));
        assertTrue(e.getMessage().startsWith("the paper broker could not save its state ("), e.getMessage());
        // Memory went back to what the store holds: no fill, and the id now resolves to the stored order.
        money("100000.00", fixture.broker.account().cash());
        assertTrue(fixture.broker.positions().isEmpty());
        assertEquals("elsewhere-1", fixture.broker.orderByClientOrderId("w-1").orElseThrow().brokerOrderId());
    }

    private static OrderRequest market(String id, Side side, int qty) {
        return new OrderRequest(id, "QQQ", side, BigDecimal.valueOf(qty), OrderType.MARKET, TimeInForce.DAY, null, null);
    }

    private static OrderRequest limit(String id, Side side, int qty, String limit) {
        return new OrderRequest(id, "QQQ", side, BigDecimal.valueOf(qty), OrderType.LIMIT, TimeInForce.GTC, new BigDecimal(limit), null);
    }

    static void money(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but got " + actual);
    }
}
