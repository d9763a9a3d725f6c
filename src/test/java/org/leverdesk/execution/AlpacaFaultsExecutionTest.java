package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leverdesk.broker.alpaca.AlpacaBroker;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;
import org.leverdesk.broker.alpaca.FakeAlpacaServer.Fault;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.Target;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoredOrder;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.MapMarketData;

/**
 * Every fault the fake Alpaca server can inject, met by the real execution path (ExecutionService,
 * AlpacaBroker over HTTP): each ends in a clear state (retried and sent once, recovered by look-up,
 * rejected, or unknown and settled by the next reconciliation), and the fake never holds two orders
 * for one client order id. Garbage quotes block the trade with a reason and send nothing.
 */
class AlpacaFaultsExecutionTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ExecutionPolicy MARKET = ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0);
    /** Longer than the fixture's 1.5 s call timeout, so the client gives up first. */
    private static final Duration HANG = Duration.ofMillis(2500);

    @TempDir
    Path dir;
    private FakeAlpacaServer fake;
    private AlpacaBroker broker;
    private Store store;
    private ExecutionService service;
    private OrderRepository orders;
    private String cid;

    @BeforeEach
    void open() {
        fake = FakeAlpacaServer.startOnWallClock();
        fake.setQuote("TQQQ", 49.99, 50.01);
        fake.setSlowDelay(HANG);
        broker = AlpacaBroker.create(fake.settings());
        store = Store.open(dir);
        NyseCalendar calendar = new NyseCalendar();
        // Five sessions of bars ending on the last session on or before today, so the run decides for that day.
        LocalDate today = LocalDate.now(NEW_YORK);
        LocalDate last = calendar.isTradingDay(today) ? today : calendar.previousTradingDay(today);
        LocalDate start = last;
        for (int i = 0; i < 4; i++) {
            start = calendar.previousTradingDay(start);
        }
        MapMarketData data = new MapMarketData(Map.of("TQQQ", Bars.flat("TQQQ", calendar, start, 50, 50, 50, 50, 50)), false);
        Clock clock = Clock.systemUTC();
        // The wall-clock fake's market is open until a test closes it, whatever the day: its exchange hours say so.
        service = new ExecutionService(broker, data, calendar, store, RiskSettings.defaults(), TradingMode.PAPER, clock,
                new org.leverdesk.testing.HoursByHand(calendar, () -> true));
        orders = new OrderRepository(store, clock);
        cid = "ld-fixed-v3-" + last.toString().replace("-", "") + "-buy-TQQQ";
    }

    @AfterEach
    void close() {
        broker.close();
        fake.close();
        store.close();
    }

    private RunResult buy40() {
        return service.run(new StrategyRun(new FixedTargets("fixed", Set.of("TQQQ"), MARKET, new Target("TQQQ", 40)), 3, null,
                1.0), false);
    }

    private StoredOrder stored() {
        return orders.findByClientOrderId(cid).orElseThrow();
    }

    private List<JournalEntry> journal(String kind) {
        return new JournalRepository(store, Clock.systemUTC()).recent(500).stream().filter(e -> e.kind().equals(kind)).toList();
    }

    private long posts() {
        return fake.count("POST", "/v2/orders");
    }

    private OrderOutcome only(RunResult r) {
        assertEquals(1, r.outcomes().size(), r.outcomes().toString());
        assertEquals(cid, r.outcomes().get(0).order().clientOrderId());
        return r.outcomes().get(0);
    }

    @Test
    void withoutFaultsTheOrderIsSentOnceAndFilled() {
        OrderOutcome o = only(buy40());
        assertEquals(OrderOutcome.Kind.SENT, o.kind());
        assertEquals(OrderStatus.FILLED, stored().status());
        assertEquals(1, posts());
        assertEquals(1, fake.ordersWithClientId(cid));
    }

    @Test
    void transientReadFaultsAreRetriedAndTheOrderIsSentOnce() {
        fake.inject("GET", "/v2/account", Fault.SERVER_ERROR, 2);
        fake.inject("GET", "/v2/positions", Fault.DROP, 1);
        fake.inject("GET", "/v2/orders", Fault.TOO_MANY_REQUESTS, 1); // the open-orders list of the reconciliation
        fake.inject("GET", "/v2/stocks/TQQQ/quotes/latest", Fault.TOO_MANY_REQUESTS, 2);
        fake.inject("GET", "/v2/clock", Fault.SLOW, 1);

        OrderOutcome o = only(buy40());

        assertEquals(OrderOutcome.Kind.SENT, o.kind(), o.detail());
        assertEquals(OrderStatus.FILLED, stored().status());
        assertEquals(o.brokerOrderId(), stored().brokerOrderId());
        assertEquals(1, posts());
        assertEquals(1, fake.ordersWithClientId(cid));
        // Each faulty read was tried again: the faults plus the successful attempt (the account is read
        // twice per run: for the strategy's share of the equity, then for the buying power before planning).
        assertEquals(4, fake.count("GET", "/v2/account"));
        assertEquals(3, fake.count("GET", "/v2/stocks/TQQQ/quotes/latest"));
        assertTrue(fake.count("GET", "/v2/clock") >= 2);
    }

    /** The order POST fails before the broker recorded anything: never re-sent; the next run settles it as never sent. */
    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SERVER_ERROR", "TOO_MANY_REQUESTS", "DROP", "HANG"})
    void aSendThatNeverReachedTheBrokerEndsUnknownThenTheNextRunSendsItOnce(Fault fault) {
        fake.inject("POST", "/v2/orders", fault, 1);

        OrderOutcome o = only(buy40());

        assertEquals(OrderOutcome.Kind.UNKNOWN, o.kind(), o.detail());
        assertTrue(o.detail().contains("the broker has no order " + cid + " yet; left NEW: the next run sends it once under the same id"),
                o.detail());
        assertEquals(OrderStatus.NEW, stored().status());
        assertEquals(1, fake.count("GET", "/v2/orders:by_client_order_id"));
        assertTrue(journal("order").get(0).message().contains(cid + " buy 40 TQQQ MARKET DAY: UNKNOWN - "),
                journal("order").get(0).message());

        RunResult again = buy40();

        assertEquals(List.of("order " + cid + " was recorded but never reached the broker; today's run sends it once with the"
                + " same client order id"), again.reconciliation().differences());
        assertEquals(OrderOutcome.Kind.SENT, only(again).kind());
        assertEquals(OrderStatus.FILLED, stored().status());
        assertEquals(2, posts(), "the first send never reached the broker; the second is the only order");
        assertEquals(1, fake.orderCount());
        assertEquals(1, fake.ordersWithClientId(cid));
    }

    /** The broker recorded (and filled) the order but its answer was lost: the look-up finds it, nothing is re-sent. */
    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SLOW_AFTER_RECORD", "DROP_AFTER_RECORD"})
    void anAnswerLostAfterTheBrokerRecordedTheOrderIsRecoveredByLookUp(Fault fault) {
        fake.inject("POST", "/v2/orders", fault, 1);

        OrderOutcome o = only(buy40());

        assertEquals(OrderOutcome.Kind.RECOVERED, o.kind(), o.detail());
        assertEquals(OrderStatus.FILLED, stored().status());
        assertNotNull(stored().brokerOrderId());
        assertEquals(o.brokerOrderId(), stored().brokerOrderId());
        assertEquals(1, fake.ordersWithClientId(cid));

        RunResult again = buy40();
        // The 40 shares are held now, so the target is met and nothing is planned.
        assertTrue(again.outcomes().isEmpty(), again.outcomes().toString());
        assertTrue(again.reconciliation().differences().isEmpty(), again.reconciliation().differences().toString());
        assertEquals(1, posts());
        assertEquals(1, fake.orderCount());
    }

    @Test
    void whenTheLookUpFailsTooTheOrderIsLeftUnknownAndTheNextRunAdoptsTheBrokersOrder() {
        fake.inject("POST", "/v2/orders", Fault.DROP_AFTER_RECORD, 1);
        fake.inject("GET", "/v2/orders:by_client_order_id", Fault.SERVER_ERROR, 4); // every read attempt

        OrderOutcome o = only(buy40());

        assertEquals(OrderOutcome.Kind.UNKNOWN, o.kind(), o.detail());
        assertTrue(o.detail().contains("; look-up failed too ("), o.detail());
        assertEquals(OrderStatus.NEW, stored().status());
        assertEquals(1, fake.ordersWithClientId(cid));

        RunResult again = buy40();

        assertEquals(1, again.reconciliation().differences().size(), again.reconciliation().differences().toString());
        assertTrue(again.reconciliation().differences().get(0).startsWith("order " + cid + ": store said NEW, broker says FILLED"
                + " (filled 40 of 40 at $50.01); updated"), again.reconciliation().differences().get(0));
        assertEquals(OrderStatus.FILLED, stored().status());
        assertNotNull(stored().brokerOrderId());
        assertEquals(1, posts());
        assertEquals(1, fake.orderCount());
    }

    @Test
    void anOrderThatArrivesAfterTheClientGaveUpIsAdoptedByTheNextRunNotSentAgain() throws InterruptedException {
        // SLOW handles the request after the delay: the client times out, finds nothing, then the order lands.
        fake.inject("POST", "/v2/orders", Fault.SLOW, 1);

        OrderOutcome o = only(buy40());

        assertEquals(OrderOutcome.Kind.UNKNOWN, o.kind(), o.detail());
        assertEquals(OrderStatus.NEW, stored().status());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (fake.orderCount() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, fake.ordersWithClientId(cid), "the late order never arrived at the fake");

        RunResult again = buy40();

        assertTrue(again.reconciliation().differences().get(0).startsWith("order " + cid + ": store said NEW, broker says FILLED"),
                again.reconciliation().differences().toString());
        assertTrue(again.outcomes().isEmpty(), "the 40 shares are held, nothing more to send: " + again.outcomes());
        assertEquals(OrderStatus.FILLED, stored().status());
        assertEquals(1, posts());
        assertEquals(1, fake.orderCount());
    }

    @Test
    void aRejectionIsRecordedAsRejectedJournalledAndNotRetried() {
        fake.setRejectReason("insufficient buying power");
        fake.inject("POST", "/v2/orders", Fault.REJECT, 1);

        OrderOutcome o = only(buy40());

        assertEquals(OrderOutcome.Kind.REJECTED, o.kind());
        assertTrue(o.detail().startsWith("rejected by the broker: "), o.detail());
        assertTrue(o.detail().contains("insufficient buying power"), o.detail());
        assertEquals(OrderStatus.REJECTED, stored().status());
        assertTrue(journal("order").get(0).message().contains(cid + " buy 40 TQQQ MARKET DAY: REJECTED - rejected by the broker"),
                journal("order").get(0).message());

        RunResult again = buy40();
        assertEquals(OrderOutcome.Kind.ALREADY_SENT, only(again).kind());
        assertEquals(1, posts());
        assertEquals(0, fake.orderCount());
    }

    /** Raw latest-quote answers no order may be priced from. */
    enum Garbage {
        // Alpaca's 0 means "no quote on this side": the adapter says so instead of passing a price of zero on.
        ZERO(0.0, 0.0, 0, "TQQQ: no quote from the broker (Alpaca has no quote for TQQQ now (bid and ask are 0, Alpaca's 'none'"),
        NEGATIVE(-1.0, 50.01, 0, "TQQQ: bid is -1.0 (not positive) in the quote; not trading on a bad price"),
        NAN(null, 50.01, 0, "TQQQ: bid is NaN in the quote; not trading on a bad price"),
        CROSSED(50.10, 49.90, 0, "TQQQ: crossed quote (bid 50.1 > ask 49.9); not trading on a broken market"),
        STALE(49.99, 50.01, 3600, "s old (limit 900 s); stale");

        final Double bid;
        final Double ask;
        final int ageSeconds;
        final String reason;

        Garbage(Double bid, Double ask, int ageSeconds, String reason) {
            this.bid = bid;
            this.ask = ask;
            this.ageSeconds = ageSeconds;
            this.reason = reason;
        }
    }

    @ParameterizedTest
    @EnumSource(Garbage.class)
    void aGarbageQuoteBlocksTheTradeWithAReasonAndNothingIsSent(Garbage g) {
        fake.setRawQuote("TQQQ", g.bid, g.ask, Instant.now().minusSeconds(g.ageSeconds));

        RunResult r = buy40();

        assertEquals(1, r.blockedQuotes().size(), r.blockedQuotes().toString());
        assertTrue(r.blockedQuotes().get(0).contains(g.reason), r.blockedQuotes().get(0));
        assertTrue(r.outcomes().isEmpty(), r.outcomes().toString());
        assertEquals(0, posts());
        assertEquals(0, fake.orderCount());
        assertTrue(orders.findByClientOrderId(cid).isEmpty());
        List<JournalEntry> blocked = journal("quote-blocked");
        assertEquals(1, blocked.size());
        assertTrue(blocked.get(0).message().contains(g.reason), blocked.get(0).message());
    }
}
