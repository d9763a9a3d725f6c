package org.leverdesk.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.notify.Notification;
import org.leverdesk.risk.RiskGate;
import org.leverdesk.risk.TradingState;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderIntent;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.TradingStateRepository;
import org.leverdesk.testing.ForwardingBroker;
import org.leverdesk.testing.MutableClock;
import org.leverdesk.testing.ScriptedBroker;

/** The one emergency path against a scripted broker and a real store. */
class EmergencyExitTest {
    private static final Instant NOW = Instant.parse("2026-03-02T19:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dir;
    private Store store;
    private final MutableClock clock = new MutableClock(NOW);
    private final List<Notification> sent = new ArrayList<>();
    private ScriptedBroker broker;

    @BeforeEach
    void setUp() {
        store = Store.open(dir);
        broker = new ScriptedBroker(10_000, NOW).price("TQQQ", 50).price("SQQQ", 20).price("QQQ", 500);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private EmergencyExit exit(org.leverdesk.broker.Broker b, EmergencyRecord record) {
        // The sleeper moves the test clock, so the time limit passes without waiting.
        return new EmergencyExit(b, record, sent::add, clock, Duration.ofSeconds(30), Duration.ofSeconds(1),
                d -> clock.advance(d), null);
    }

    private EmergencyExit exit() {
        return exit(broker, StoreEmergencyRecord.of(store, clock));
    }

    /** An order the store recorded and the broker holds open. */
    private BrokerOrder restingOrder(String cid, String symbol, Side side, int qty) {
        OrderRepository orders = new OrderRepository(store, clock);
        orders.insertIntent(new OrderIntent(cid, "regime", DAY, side.name().toLowerCase() + "-" + symbol, symbol, side,
                BigDecimal.valueOf(qty), OrderType.LIMIT, TimeInForce.DAY, new BigDecimal("40"), null));
        BrokerOrder o = broker.existing(new OrderRequest(cid, symbol, side, BigDecimal.valueOf(qty), OrderType.LIMIT,
                TimeInForce.DAY, new BigDecimal("40"), null));
        orders.updateStatus(cid, OrderStatus.ACCEPTED, o.brokerOrderId());
        return o;
    }

    private TradingState state() {
        return new RiskGate(new TradingStateRepository(store, clock), new JournalRepository(store, clock)).state();
    }

    private List<String> journal() {
        return new JournalRepository(store, clock).recent(100).stream().filter(e -> e.kind().equals("emergency"))
                .map(JournalEntry::message).toList();
    }

    @Test
    void closeAllHaltsFirstCancelsEveryOrderClosesEveryPositionAndRecordsTheCancels() {
        restingOrder("ld-regime-v1-20260302-buy-TQQQ", "TQQQ", Side.BUY, 40);
        restingOrder("ld-rsi2-v1-20260302-buy-SQQQ", "SQQQ", Side.BUY, 10);
        broker.position("TQQQ", 10).position("QQQ", 2);

        EmergencyReport r = exit().closeAll("cli", "test");

        assertTrue(r.ok(), r.lines().toString());
        assertEquals(EmergencyReport.Outcome.FLAT, r.outcome());
        assertEquals(TradingState.HALTED, state());
        assertTrue(r.halt().done());
        assertEquals(2, r.cancelled().size(), r.lines().toString());
        assertEquals("cancelled order ld-regime-v1-20260302-buy-TQQQ (buy 40 TQQQ LIMIT): CANCELED; recorded", r.lines().get(1));
        assertEquals(List.of("QQQ", "TQQQ"), r.positions().stream().map(EmergencyReport.PositionLine::symbol).sorted().toList());
        assertTrue(broker.positions().isEmpty());
        assertTrue(broker.openOrders().isEmpty());
        // The store's orders follow the broker: CANCELED, not left ACCEPTED.
        OrderRepository orders = new OrderRepository(store, clock);
        assertEquals(OrderStatus.CANCELED, orders.findByClientOrderId("ld-regime-v1-20260302-buy-TQQQ").orElseThrow().status());
        assertEquals(OrderStatus.CANCELED, orders.findByClientOrderId("ld-rsi2-v1-20260302-buy-SQQQ").orElseThrow().status());
        assertEquals("Close the whole account at scripted: 2 orders cancelled, 2 positions closed, flat; trading HALTED",
                r.summary());
        List<String> steps = journal();
        assertTrue(steps.get(steps.size() - 1).startsWith("emergency exit of the whole account at scripted requested by cli"),
                steps.toString());
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("cancel requested: ld-regime-v1-20260302-buy-TQQQ")), steps.toString());
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("closing TQQQ 10: order ")), steps.toString());
        assertTrue(steps.get(0).startsWith(r.summary()), steps.toString());
        assertEquals(1, sent.size());
        assertEquals(r.summary(), sent.get(0).title());
    }

    @Test
    void theStateIsHaltedBeforeTheBrokerIsAskedAnything() {
        List<String> calls = new ArrayList<>();
        ForwardingBroker watching = new ForwardingBroker(broker) {
            @Override
            public List<BrokerOrder> openOrders() {
                calls.add("openOrders in " + state());
                return super.openOrders();
            }
        };
        exit(watching, StoreEmergencyRecord.of(store, clock)).closeAll("window", "test");
        assertEquals("openOrders in HALTED", calls.get(0));
    }

    @Test
    void whenTheMarketIsClosedTheClosingOrdersRestUntilTheOpenAndThatIsReported() {
        broker.marketOpen(false).position("TQQQ", 10);
        EmergencyReport r = exit().closeAll("cli", "after hours");
        assertEquals(EmergencyReport.Outcome.CLOSING_AT_OPEN, r.outcome(), r.lines().toString());
        assertTrue(r.ok());
        assertTrue(r.positions().get(0).detail().startsWith("closing at the next open - closing order b-1 MARKET_ON_OPEN"),
                r.positions().get(0).detail());
        // It did not wait out the time limit for an open that is hours away.
        assertEquals(NOW, clock.instant());
    }

    @Test
    void aStrategyScopeClosesOnlyItsSymbolsAndLeavesTradingAlone() {
        restingOrder("ld-rsi2-v1-20260302-buy-SQQQ", "SQQQ", Side.BUY, 10);
        broker.position("TQQQ", 10).position("SQQQ", 5);
        EmergencyReport r = exit().run(EmergencyScope.strategy("rsi2", Set.of("SQQQ"), false), "cli", "rsi2 only");
        assertTrue(r.ok(), r.lines().toString());
        assertEquals(TradingState.ACTIVE, state());
        assertFalse(r.halt().requested());
        assertEquals(List.of("TQQQ"), broker.positions().stream().map(BrokerPosition::symbol).toList());
        assertEquals(1, r.cancelled().size());
        assertEquals("rsi2", new JournalRepository(store, clock).recent(1).get(0).strategyId());
    }

    @Test
    void aCancelThatNeverHappensIsReportedAsNotFlatAfterTheTimeLimit() {
        ForwardingBroker stuck = new ForwardingBroker(broker) {
            @Override
            public void cancel(String brokerOrderId) {
                // the broker acknowledges nothing: the order stays open
            }

            @Override
            public java.util.List<org.leverdesk.broker.BrokerOrder> cancelAll() {
                return openOrders(); // takes the request, cancels nothing
            }
        };
        broker.existing(new OrderRequest("x-1", "TQQQ", Side.BUY, BigDecimal.TEN, OrderType.LIMIT, TimeInForce.DAY,
                new BigDecimal("40"), null));
        EmergencyReport r = exit(stuck, StoreEmergencyRecord.of(store, clock)).closeAll("cli", "test");
        assertEquals(EmergencyReport.Outcome.NOT_FLAT, r.outcome());
        assertFalse(r.ok());
        assertTrue(r.detail().startsWith("after 30 s still open: x-1 (BUY 10 TQQQ LIMIT"), r.detail());
        assertEquals("FAILED to cancel order x-1 (buy 10 TQQQ LIMIT): still ACCEPTED after the time limit", r.lines().get(1));
        assertEquals(NOW.plusSeconds(30), clock.instant());
    }

    @Test
    void aBrokerThatCannotListFallsBackToCancellingAndClosingEverythingAtOnce() {
        ForwardingBroker blind = new ForwardingBroker(broker) {
            private int lists;

            @Override
            public List<BrokerOrder> openOrders() {
                if (lists++ == 0) {
                    throw new BrokerException("HTTP 500 while listing orders");
                }
                return super.openOrders();
            }

            @Override
            public List<BrokerPosition> positions() {
                if (lists < 2) {
                    lists++;
                    throw new BrokerException("HTTP 500 while listing positions");
                }
                return super.positions();
            }
        };
        broker.position("TQQQ", 10);
        EmergencyReport r = exit(blind, StoreEmergencyRecord.of(store, clock)).closeAll("cli", "test");
        assertEquals(EmergencyReport.Outcome.FLAT, r.outcome(), r.lines().toString());
        assertTrue(blind.positions().isEmpty());
        assertEquals(List.of("listing the open orders failed: HTTP 500 while listing orders",
                "listing the positions failed: HTTP 500 while listing positions"), r.problems());
        assertFalse(r.ok(), "a failed step is never hidden");
    }

    @Test
    void withoutAStoreTheBrokerPartStillRunsAndTheReportSaysWhatWasNotRecorded() {
        broker.position("TQQQ", 10);
        EmergencyReport r = exit(broker, EmergencyRecord.unavailable("the store is held by pid 42, which does not answer"))
                .closeAll("cli", "test");
        assertTrue(broker.positions().isEmpty());
        assertEquals(EmergencyReport.Outcome.FLAT, r.outcome());
        assertFalse(r.halt().done());
        assertTrue(r.halt().detail().startsWith("the HALTED state could not be stored (the store is held by pid 42"),
                r.halt().detail());
        assertEquals(List.of("nothing could be recorded: the store is held by pid 42, which does not answer"), r.problems());
        assertTrue(r.summary().endsWith("; trading NOT halted; 2 FAILED: check the broker now"), r.summary());
    }

    @Test
    void brokerTextIsMaskedBeforeItIsReportedOrJournalled() {
        org.leverdesk.common.SecretMask.register("PKSECRETKEY123");
        try {
            ForwardingBroker echoing = new ForwardingBroker(broker) {
                @Override
                public java.util.Optional<BrokerOrder> closePosition(String symbol) {
                    throw new BrokerException("HTTP 403: forbidden for key PKSECRETKEY123");
                }
            };
            broker.position("TQQQ", 10);
            EmergencyReport r = exit(echoing, StoreEmergencyRecord.of(store, clock)).closeAll("cli", "test");
            assertTrue(String.join("\n", r.lines()).contains("forbidden for key ***"), r.lines().toString());
            assertFalse(String.join("\n", r.lines()).contains("PKSECRETKEY123"));
            assertTrue(journal().stream().noneMatch(m -> m.contains("PKSECRETKEY123")));
            assertFalse(sent.get(0).body().contains("PKSECRETKEY123"));
        } finally {
            org.leverdesk.common.SecretMask.clearForTests();
        }
    }

    @Test
    void aPositionThatAppearsWhileItWaitsIsClosedToo() {
        ForwardingBroker racing = new ForwardingBroker(broker) {
            private int looks;

            @Override
            public List<BrokerPosition> positions() {
                if (++looks == 2) {
                    broker.position("QQQ", 3); // an order filled just before its cancel arrived
                }
                return super.positions();
            }
        };
        broker.position("TQQQ", 10);
        EmergencyReport r = exit(racing, StoreEmergencyRecord.of(store, clock)).closeAll("cli", "test");
        assertEquals(EmergencyReport.Outcome.FLAT, r.outcome(), r.lines().toString());
        assertTrue(racing.positions().isEmpty());
        assertEquals(List.of("TQQQ", "QQQ"), r.positions().stream().map(EmergencyReport.PositionLine::symbol).toList());
    }
}
