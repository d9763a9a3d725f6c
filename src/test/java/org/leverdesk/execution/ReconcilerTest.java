package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderIntent;
import org.leverdesk.store.OrderQueries;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.PositionSnapshotRepository;
import org.leverdesk.store.Store;
import org.leverdesk.testing.ScriptedBroker;

class ReconcilerTest {
    private static final Instant NOW = Instant.parse("2026-01-05T20:50:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

    @TempDir
    Path dir;
    private Store store;
    private OrderRepository orders;
    private JournalRepository journal;
    private Reconciler reconciler;
    private final ScriptedBroker broker = new ScriptedBroker(100_000, NOW).price("TQQQ", 100).price("QQQ", 400);

    @BeforeEach
    void open() {
        store = Store.open(dir);
        orders = new OrderRepository(store, CLOCK);
        journal = new JournalRepository(store, CLOCK);
        reconciler = new Reconciler(orders, new OrderQueries(store, orders), new PositionSnapshotRepository(store, CLOCK),
                journal, CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private OrderIntent intent(String id, OrderType type, TimeInForce tif) {
        return new OrderIntent(id, "regime", DAY, "buy-TQQQ", "TQQQ", Side.BUY, BigDecimal.TEN, type, tif, null, null);
    }

    private OrderRequest request(String id, OrderType type, TimeInForce tif) {
        return new OrderRequest(id, "TQQQ", Side.BUY, BigDecimal.TEN, type, tif, null, null);
    }

    @Test
    void anIntentOfAnEarlierDayTheBrokerNeverSawIsMarkedRejectedWithItsReason() {
        // Recorded the evening before (2026-01-04 in New York), reconciled on 2026-01-05.
        new OrderRepository(store, Clock.fixed(NOW.minus(java.time.Duration.ofDays(1)), ZoneOffset.UTC))
                .insertIntent(intent("ld-a", OrderType.MARKET, TimeInForce.DAY));
        ReconciliationReport r = reconciler.reconcile(broker);
        assertEquals(OrderStatus.REJECTED, orders.findByClientOrderId("ld-a").orElseThrow().status());
        assertEquals(List.of("order ld-a never reached the broker (its intent was recorded but the broker has no order ld-a);"
                + " marked REJECTED"), r.differences());
        assertEquals(1, r.ordersUpdated());
        assertEquals(r.differences().get(0), journal.recent(1).get(0).message());
        assertEquals("regime", journal.recent(1).get(0).strategyId());
    }

    @Test
    void todaysIntentTheBrokerNeverSawStaysNewForTodaysRunToSendOnce() {
        orders.insertIntent(intent("ld-t", OrderType.MARKET, TimeInForce.DAY));
        ReconciliationReport r = reconciler.reconcile(broker);
        assertEquals(OrderStatus.NEW, orders.findByClientOrderId("ld-t").orElseThrow().status());
        assertEquals(List.of("order ld-t was recorded but never reached the broker; today's run sends it once with the same"
                + " client order id"), r.differences());
        assertEquals(0, r.ordersUpdated());
    }

    @Test
    void aStoredOrderTakesTheBrokersStatusAndOrderId() {
        orders.insertIntent(intent("ld-b", OrderType.MARKET, TimeInForce.DAY));
        orders.updateStatus("ld-b", OrderStatus.SUBMITTED, null);
        BrokerOrder filled = broker.existing(request("ld-b", OrderType.MARKET, TimeInForce.DAY));
        ReconciliationReport r = reconciler.reconcile(broker);
        var stored = orders.findByClientOrderId("ld-b").orElseThrow();
        assertEquals(OrderStatus.FILLED, stored.status());
        assertEquals(filled.brokerOrderId(), stored.brokerOrderId());
        assertEquals(List.of("order ld-b: store said SUBMITTED, broker says FILLED (filled 10 of 10 at $100.00); updated"), r.differences());
        // Found filled since the last look: reported once, for the fill notification.
        assertEquals(1, r.filled().size());
        assertEquals("regime", r.filled().get(0).strategyId());
        assertEquals("ld-b", r.filled().get(0).order().clientOrderId());
        // Agreeing now: a second pass finds nothing, and no fill again.
        assertTrue(reconciler.reconcile(broker).differences().isEmpty());
        assertTrue(reconciler.reconcile(broker).filled().isEmpty());
    }

    @Test
    void anOpenOrderTheStoreDoesNotKnowIsReported() {
        broker.marketOpen(false);
        BrokerOrder manual = broker.existing(request("manual-1", OrderType.MARKET_ON_OPEN, TimeInForce.OPG));
        ReconciliationReport r = reconciler.reconcile(broker);
        assertEquals(List.of("open order " + manual.brokerOrderId() + " (BUY 10 TQQQ, client id manual-1) is at the broker"
                + " but not in the store"), r.differences());
        assertEquals(1, r.openOrders().size());
    }

    @Test
    void positionsComeFromTheBrokerAndChangesSinceTheLastSnapshotAreListed() {
        broker.position("TQQQ", 300); // held for months: no fills in the store at all
        ReconciliationReport first = reconciler.reconcile(broker);
        assertEquals(List.of("position TQQQ: 0 at the last snapshot, 300 now"), first.positionChanges());
        assertTrue(first.differences().isEmpty());
        assertEquals(new BigDecimal("300"), first.positions().get(0).quantity());
        assertTrue(reconciler.reconcile(broker).positionChanges().isEmpty());

        broker.closePosition("TQQQ");
        assertEquals(List.of("position TQQQ: 300 at the last snapshot, 0 now"), reconciler.reconcile(broker).positionChanges());
        // The flat account stays flat in the snapshot: no stale 300 reappears.
        assertTrue(reconciler.reconcile(broker).positionChanges().isEmpty());
    }
}
