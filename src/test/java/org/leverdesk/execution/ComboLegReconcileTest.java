package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.alpaca.AlpacaBroker;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderIntent;
import org.leverdesk.store.OrderQueries;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.PositionSnapshotRepository;
import org.leverdesk.store.Store;

/**
 * A bull put spread (sell 2 × 480P, buy 2 × 475P, a credit of at least $0.90) sent to Alpaca the day before and still
 * resting there (the quotes give $0.70): Alpaca names the legs itself, so our leg ids find nothing at the server. The
 * reconcile finds them through the parent's deterministic id ({@link ComboLegLookup}) and keeps them ACCEPTED (before
 * the fix they were marked REJECTED "never reached the broker" while Alpaca could still fill them); once the 480's bid
 * reaches $2.20 the next reconcile records both legs FILLED.
 */
class ComboLegReconcileTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 4);
    private static final LocalDate EXPIRY = LocalDate.of(2026, 3, 20);
    private static final String PUT_480 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "480").occSymbol();
    private static final String PUT_475 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "475").occSymbol();
    private static final String COMBO = "mleg-QQQ-260320-bs";

    @TempDir
    Path dir;
    private Store store;
    private FakeAlpacaServer server;
    private AlpacaBroker broker;

    @BeforeEach
    void start() {
        store = Store.open(dir);
        server = FakeAlpacaServer.start();
        broker = AlpacaBroker.create(server.settings());
        server.setQuote("QQQ", 489.99, 490.01);
        server.setQuote(PUT_480, 2.00, 2.10);
        server.setQuote(PUT_475, 1.20, 1.30);
    }

    @AfterEach
    void stop() {
        broker.close();
        server.close();
        store.close();
    }

    private static String legId(Side side, String symbol) {
        return ClientOrderIds.of("spreads", 1, DAY, side.name().toLowerCase(java.util.Locale.ROOT) + "-" + symbol);
    }

    @Test
    void aRestingAlpacaComboIsFoundThroughItsParentAndRecordedWhenItFills() {
        Clock now = Clock.fixed(FakeAlpacaServer.DEFAULT_START, ZoneOffset.UTC);
        OrderRepository yesterday = new OrderRepository(store, Clock.offset(now, Duration.ofDays(-1)));
        String sell = legId(Side.SELL, PUT_480);
        String buy = legId(Side.BUY, PUT_475);
        for (String[] leg : List.of(new String[] {sell, "sell", PUT_480}, new String[] {buy, "buy", PUT_475})) {
            yesterday.insertIntent(new OrderIntent(leg[0], "spreads", DAY, COMBO + "/" + leg[1] + "-" + leg[2], leg[2],
                    leg[1].equals("sell") ? Side.SELL : Side.BUY, BigDecimal.TWO, OrderType.MARKET, TimeInForce.DAY, null, null));
        }
        String parent = ClientOrderIds.of("spreads", 1, DAY, COMBO);
        broker.submitMultiLeg(new MultiLegOrderRequest(parent, List.of(
                new OrderRequest(sell, PUT_480, Side.SELL, BigDecimal.TWO, OrderType.MARKET, TimeInForce.DAY, null, null),
                new OrderRequest(buy, PUT_475, Side.BUY, BigDecimal.TWO, OrderType.MARKET, TimeInForce.DAY, null, null)),
                OrderType.LIMIT, TimeInForce.DAY, new BigDecimal("-0.90")));
        yesterday.recordOutcome(sell, OrderStatus.ACCEPTED, null, null, null, null);
        yesterday.recordOutcome(buy, OrderStatus.ACCEPTED, null, null, null, null);
        OrderRepository orders = new OrderRepository(store, now);
        Reconciler reconciler = new Reconciler(orders, new OrderQueries(store, orders), new PositionSnapshotRepository(store, now),
                new JournalRepository(store, now), now);

        ReconciliationReport first = reconciler.reconcile(broker);
        assertEquals(OrderStatus.ACCEPTED, orders.findByClientOrderId(sell).orElseThrow().status(), first.differences().toString());
        assertEquals(OrderStatus.ACCEPTED, orders.findByClientOrderId(buy).orElseThrow().status());
        assertNotNull(orders.findByClientOrderId(sell).orElseThrow().brokerOrderId(), "Alpaca's leg id adopted");

        server.setQuote(PUT_480, 2.20, 2.30); // 2.20 − 1.30 = the $0.90 asked
        ReconciliationReport second = reconciler.reconcile(broker);
        assertEquals(OrderStatus.FILLED, orders.findByClientOrderId(sell).orElseThrow().status());
        assertEquals(OrderStatus.FILLED, orders.findByClientOrderId(buy).orElseThrow().status());
        assertEquals(0, new BigDecimal("2.2").compareTo(orders.findByClientOrderId(sell).orElseThrow().filledAveragePrice()));
        assertEquals(2, second.filled().size(), second.differences().toString());
    }
}
