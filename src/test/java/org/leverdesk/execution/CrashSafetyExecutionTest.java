package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.MalformedBrokerAnswerException;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.alpaca.AlpacaBroker;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;
import org.leverdesk.broker.alpaca.FakeAlpacaServer.Fault;
import org.leverdesk.config.ExternalPositions;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.Target;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoredOrder;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.HoursByHand;
import org.leverdesk.testing.MapMarketData;

/**
 * The execution-side defects of issue 14, each reproduced against the fake Alpaca server through the real
 * path (ExecutionService, AlpacaBroker over HTTP): a broken positions answer, a first day's order that
 * failed to send, a limit re-priced on restart, shares bought by hand, partial fills and late rejections,
 * and a broker clock that cannot be trusted.
 */
class CrashSafetyExecutionTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ExecutionPolicy MARKET = ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0);

    @TempDir
    Path dir;
    private FakeAlpacaServer fake;
    private AlpacaBroker broker;
    private Store store;
    private OrderRepository orders;
    private MapMarketData data;
    private final NyseCalendar calendar = new NyseCalendar();
    private String day;

    @BeforeEach
    void open() {
        fake = FakeAlpacaServer.startOnWallClock();
        fake.setQuote("TQQQ", 49.99, 50.01);
        fake.setSlowDelay(Duration.ofMillis(2500));
        broker = AlpacaBroker.create(fake.settings());
        store = Store.open(dir);
        LocalDate today = LocalDate.now(NEW_YORK);
        LocalDate last = calendar.isTradingDay(today) ? today : calendar.previousTradingDay(today);
        LocalDate start = last;
        for (int i = 0; i < 4; i++) {
            start = calendar.previousTradingDay(start);
        }
        data = new MapMarketData(Map.of("TQQQ", Bars.flat("TQQQ", calendar, start, 50, 50, 50, 50, 50)), false);
        orders = new OrderRepository(store, Clock.systemUTC());
        day = last.toString().replace("-", "");
    }

    @AfterEach
    void close() {
        broker.close();
        fake.close();
        store.close();
    }

    private ExecutionService service(ExternalPositions external) {
        RiskSettings risk = new RiskSettings(2.0, 100.0, 0.5, 190, 900, 0, 120, external);
        // The wall-clock fake's market is open until a test closes it, whatever the day: its exchange hours say so.
        return new ExecutionService(broker, data, calendar, store, risk, TradingMode.PAPER, Clock.systemUTC(),
                new HoursByHand(calendar, () -> true));
    }

    private static StrategyRun run(FixedTargets strategy) {
        return new StrategyRun(strategy, 3, null, 1.0);
    }

    private static StrategyRun target(long shares) {
        return run(new FixedTargets("fixed", Set.of("TQQQ"), MARKET, new Target("TQQQ", shares)));
    }

    private String cid(String leg) {
        return "ld-fixed-v3-" + day + "-" + leg;
    }

    private List<JournalEntry> journal(String kind) {
        return new JournalRepository(store, Clock.systemUTC()).recent(500).stream().filter(e -> e.kind().equals(kind)).toList();
    }

    private long posts() {
        return fake.count("POST", "/v2/orders");
    }

    // ---- 1. a bad positions answer must not double a position ----

    @Test
    void anEmptyPositionsAnswerWhileFortyAreHeldBlocksTheSymbolUntilAPersonAccepts() {
        ExecutionService service = service(ExternalPositions.IGNORE);
        service.run(target(40), false);
        assertEquals(0, new BigDecimal("40").compareTo(fake.held("TQQQ")));
        AtomicBoolean broken = new AtomicBoolean(true);
        fake.tamper("GET", "/v2/positions", b -> broken.get() ? "[]" : b, 1000);

        RunResult r = service.run(target(40), false);

        assertEquals(1, posts(), "no second buy on a positions answer of []");
        assertEquals(0, new BigDecimal("40").compareTo(fake.held("TQQQ")));
        assertEquals(1, r.reconciliation().holds().size());
        String hold = r.reconciliation().holds().get(0);
        assertTrue(hold.startsWith("TQQQ: the broker reports 0 shares but Leverdesk's filled orders account for 40"), hold);
        assertTrue(hold.contains("leverdesk reconcile --accept TQQQ"), hold);
        assertEquals(List.of(hold), r.blockedQuotes());
        assertEquals(1, journal("position-hold").size());
        assertEquals(Set.of("TQQQ"), service.heldSymbols().keySet());

        // Still held on the next run, even once the answers are right again: a person must confirm.
        broken.set(false);
        assertEquals(List.of(hold), service.run(target(40), false).blockedQuotes());
        assertEquals(1, posts());

        String accepted = service.acceptPosition("TQQQ", "test");
        assertEquals("TQQQ: the broker's count of 40 shares confirmed by test; the store's count already matched", accepted);
        assertTrue(service.heldSymbols().isEmpty());
        RunResult after = service.run(target(40), false);
        assertTrue(after.blockedQuotes().isEmpty(), after.blockedQuotes().toString());
        assertTrue(after.outcomes().isEmpty());
        assertEquals(1, posts());
    }

    @Test
    void aGarbledPositionQuantityStopsTheRunBeforeAnyOrderWithOneLineNamingTheFieldJournalled() {
        ExecutionService service = service(ExternalPositions.IGNORE);
        service.run(target(40), false);
        fake.tamper("GET", "/v2/positions", b -> b.replaceFirst("\"qty\":\"40\"", "\"qty\":\"4O\""), 1000);

        MalformedBrokerAnswerException e = assertThrows(MalformedBrokerAnswerException.class,
                () -> service.run(target(80), false));

        assertEquals("[0].qty", e.field());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().startsWith("the broker's answer to GET /v2/positions is invalid: [0].qty is '4O'"),
                e.getMessage());
        assertEquals(1, posts());
        assertEquals(1, journal("broker-answer-invalid").size());
        assertEquals(e.getMessage(), journal("broker-answer-invalid").get(0).message());
    }

    // ---- 2 and 8. a decision and its orders are one unit; the stored limit is the one sent ----

    @Test
    void aFirstDaysBuyThatFailedToSendIsResumedWithTheStoredLimitWhateverTheStrategyWouldDecideNow() {
        ExecutionService service = service(ExternalPositions.IGNORE);
        FixedTargets firstDayOnly = new FixedTargets("fixed", Set.of("TQQQ"),
                ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.LIMIT_FROM_MID, 0), new Target("TQQQ", 40)).firstDayOnly();
        fake.inject("POST", "/v2/orders", Fault.HANG, 1);

        OrderOutcome first = service.run(run(firstDayOnly), false).outcomes().get(0);
        assertEquals(OrderOutcome.Kind.UNKNOWN, first.kind(), first.detail());
        StoredOrder recorded = orders.findByClientOrderId(cid("buy-TQQQ")).orElseThrow();
        assertEquals(OrderStatus.NEW, recorded.status());
        assertEquals(0, new BigDecimal("50.25").compareTo(recorded.intent().limitPrice()));

        // The quote moved: a re-plan would price the limit at 51.26.
        fake.setQuote("TQQQ", 50.99, 51.01);
        RunResult again = service.run(run(firstDayOnly), false);

        assertEquals(1, firstDayOnly.decisions, "the strategy is not asked again: its decision is carried out");
        OrderOutcome sent = again.outcomes().get(0);
        assertEquals(OrderOutcome.Kind.SENT, sent.kind(), sent.detail());
        assertEquals(cid("buy-TQQQ"), sent.order().clientOrderId());
        assertEquals(0, new BigDecimal("50.25").compareTo(sent.order().limitPrice()));
        List<com.fasterxml.jackson.databind.JsonNode> bodies = fake.orderBodies();
        assertEquals("50.25", bodies.get(bodies.size() - 1).path("limit_price").asText());
        assertEquals(1, fake.ordersWithClientId(cid("buy-TQQQ")));
        assertEquals(1, journal("decision-resumed").size());

        // Carried out: the next run asks the strategy again, which now holds.
        RunResult third = service.run(run(firstDayOnly), false);
        assertEquals(2, firstDayOnly.decisions);
        assertFalse(third.decision().rebalance());
    }

    // ---- 4. shares bought by hand are not the strategy's ----

    @Test
    void sharesBoughtByHandAreReportedAsExternalAndNeverSold() {
        ExecutionService service = service(ExternalPositions.IGNORE);
        service.run(target(40), false);
        broker.submit(new OrderRequest("by-hand-1", "TQQQ", Side.BUY, BigDecimal.TEN, OrderType.MARKET, TimeInForce.DAY, null,
                null));
        assertEquals(0, new BigDecimal("50").compareTo(fake.held("TQQQ")));

        RunResult exit = service.run(target(0), false);

        assertEquals(List.of("TQQQ: 10 of the broker's 50 shares are external (Leverdesk's filled orders account for 40);"
                + " left alone: no strategy trades them"), exit.reconciliation().external());
        OrderOutcome sell = exit.outcomes().get(0);
        assertEquals(Side.SELL, sell.order().side());
        assertEquals(40, sell.order().quantity());
        assertEquals(0, BigDecimal.TEN.compareTo(fake.held("TQQQ")));
        assertEquals(1, journal("external-position").size());
    }

    @Test
    void underTheBlockPolicySharesBoughtByHandHoldTheSymbolUntilAccepted() {
        ExecutionService service = service(ExternalPositions.BLOCK);
        service.run(target(40), false);
        broker.submit(new OrderRequest("by-hand-1", "TQQQ", Side.BUY, BigDecimal.TEN, OrderType.MARKET, TimeInForce.DAY, null,
                null));

        RunResult r = service.run(target(0), false);

        assertTrue(r.outcomes().isEmpty());
        assertEquals(1, r.blockedQuotes().size());
        assertTrue(r.blockedQuotes().get(0).startsWith("TQQQ: 10 of the broker's 50 shares are external"), r.blockedQuotes().get(0));
        assertEquals(2, posts(), "the strategy's buy and the one by hand; no sell");
        // Accepted: the strategy adopts them, and its exit sells all 50.
        assertTrue(service.acceptPosition("TQQQ", "test").endsWith("the store's count of fixed adjusted by 10"));
        RunResult exit = service.run(target(0), false);
        assertEquals(50, exit.outcomes().get(0).order().quantity());
        assertEquals(0, BigDecimal.ZERO.compareTo(fake.held("TQQQ")));
    }

    // ---- 5. order outcomes tracked to the end ----

    @Test
    void aPartialFillThenALateRejectionAreStoredAndFollowedByTheNextDecision() {
        ExecutionService service = service(ExternalPositions.IGNORE);
        // A limit of 50.00 (0.001 bp from the 50.00 mid) rests below the 50.01 ask.
        FixedTargets limit = new FixedTargets("fixed", Set.of("TQQQ"),
                ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.LIMIT_FROM_MID, 0.001), new Target("TQQQ", 40));
        OrderOutcome sent = service.run(run(limit), false).outcomes().get(0);
        assertEquals(OrderOutcome.Kind.SENT, sent.kind(), sent.detail());
        String id = cid("buy-TQQQ");
        fake.partialFill(id, BigDecimal.valueOf(15));

        RunResult second = service.run(run(limit), false);
        StoredOrder part = orders.findByClientOrderId(id).orElseThrow();
        assertEquals(OrderStatus.PARTIALLY_FILLED, part.status());
        assertEquals(0, BigDecimal.valueOf(15).compareTo(part.filledQuantity()));
        assertEquals(0, new BigDecimal("50").compareTo(part.filledAveragePrice()));
        assertEquals(1, second.reconciliation().ended().size());
        assertFalse(second.reconciliation().lateRejection());

        fake.rejectOrder(id);
        RunResult third = service.run(run(limit), false);
        StoredOrder rejected = orders.findByClientOrderId(id).orElseThrow();
        assertEquals(OrderStatus.REJECTED, rejected.status());
        assertEquals(0, BigDecimal.valueOf(15).compareTo(rejected.filledQuantity()), "a rejection does not undo the fill");
        assertTrue(third.reconciliation().lateRejection(), "the run exits 1");
        // The strategy's position is what filled: 15 of its 40.
        assertEquals(15, limit.lastContext.portfolio().quantity("TQQQ"));
        assertEquals(1, fake.ordersWithClientId(id));
    }

    // ---- 7. the broker's clock is checked ----

    @Test
    void aBrokerClockFiveHoursOffBlocksOrdersWithOneLine() {
        ExecutionService service = service(ExternalPositions.IGNORE);
        fake.skewClock(Duration.ofHours(5));

        RunResult r = service.run(target(40), false);

        assertEquals(1, r.blockedQuotes().size());
        String line = r.blockedQuotes().get(0);
        assertTrue(line.startsWith("the broker's clock (") && line.contains("is 5.0 h ahead of this machine's"), line);
        assertTrue(r.outcomes().isEmpty());
        assertEquals(0, posts());
        assertEquals(1, journal("broker-clock").size());
    }

    @Test
    void aBrokerClockThatDisagreesWithTheExchangeCalendarBlocksOrders() {
        ExecutionService service = service(ExternalPositions.IGNORE);
        fake.clockSaysOpen(false);

        RunResult r = service.run(target(40), false);

        assertEquals(1, r.blockedQuotes().size());
        assertTrue(r.blockedQuotes().get(0).startsWith("the broker says the market is closed at "), r.blockedQuotes().get(0));
        assertEquals(0, posts());
        assertNull(r.outcomes().isEmpty() ? null : r.outcomes());
    }
}
