package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.Target;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.risk.TradingState;
import org.leverdesk.store.DecisionRepository;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderQueries;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoredOrder;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.MapMarketData;
import org.leverdesk.testing.ScriptedBroker;
import org.leverdesk.testing.WeekdayCalendar;

/** One decision cycle against the scripted broker: what is sent, stored and never sent twice. */
class ExecutionServiceTest {
    // Monday 2026-01-05 15:50 in New York
    private static final Instant NOW = Instant.parse("2026-01-05T20:50:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Monday 19:30 New York: Alpaca takes market-on-open orders for Tuesday. */
    private static final Instant EVENING = Instant.parse("2026-01-06T00:30:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);
    private static final String BUY_ID = "ld-fixed-v2-20260105-buy-TQQQ";
    private static final ExecutionPolicy MARKET = ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0);

    @TempDir
    Path dir;
    private Store store;
    private final WeekdayCalendar calendar = new WeekdayCalendar();
    private final ScriptedBroker broker = new ScriptedBroker(100_000, NOW).price("TQQQ", 100).price("QQQ", 400);
    private ExecutionService service;
    private OrderRepository orders;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        MapMarketData data = data();
        // The scripted broker's market opens and closes by hand (marketOpen): its exchange hours follow it.
        service = new ExecutionService(broker, data, calendar, store, RiskSettings.defaults(), TradingMode.PAPER, CLOCK,
                new org.leverdesk.testing.HoursByHand(calendar, broker::marketOpen));
        orders = new OrderRepository(store, CLOCK);
    }

    private MapMarketData data() {
        return new MapMarketData(Map.of(
                "TQQQ", Bars.flat("TQQQ", calendar, LocalDate.of(2026, 1, 1), 98, 99, 100),
                "QQQ", Bars.flat("QQQ", calendar, LocalDate.of(2026, 1, 1), 398, 399, 400)), false);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static StrategyRun buy(long shares) {
        return new StrategyRun(new FixedTargets("fixed", Set.of("TQQQ"), MARKET, new Target("TQQQ", shares)), 2, null, 1.0);
    }

    /** The service with its clock at {@code at} (and the store's). */
    private void at(Instant at) {
        Clock c = Clock.fixed(at, ZoneOffset.UTC);
        MapMarketData data = new MapMarketData(Map.of(
                "TQQQ", Bars.flat("TQQQ", calendar, LocalDate.of(2026, 1, 1), 98, 99, 100),
                "QQQ", Bars.flat("QQQ", calendar, LocalDate.of(2026, 1, 1), 398, 399, 400)), false);
        broker.setNow(at);
        service = new ExecutionService(broker, data, calendar, store, RiskSettings.defaults(), TradingMode.PAPER, c,
                new org.leverdesk.testing.HoursByHand(calendar, broker::marketOpen));
        orders = new OrderRepository(store, c);
        // After-hours quotes as fresh as the decision (the guard refuses stale ones).
        broker.quote(new org.leverdesk.broker.Quote("TQQQ", 99.99, 100.01, 100, at));
    }

    private StoredOrder stored(String id) {
        return orders.findByClientOrderId(id).orElseThrow();
    }

    private List<JournalEntry> journal(String kind) {
        return new JournalRepository(store, CLOCK).recent(200).stream().filter(e -> e.kind().equals(kind)).toList();
    }

    @Test
    void stalePricesBlockEveryOrderWithAReason() {
        // Three sessions later (Thursday 2026-01-08) the prices still end on Monday: nothing is sent.
        Clock later = Clock.fixed(Instant.parse("2026-01-08T20:50:00Z"), ZoneOffset.UTC);
        MapMarketData data = new MapMarketData(Map.of(
                "TQQQ", Bars.flat("TQQQ", calendar, LocalDate.of(2026, 1, 1), 98, 99, 100)), false);
        ExecutionService stale = new ExecutionService(broker, data, calendar, store, RiskSettings.defaults(), TradingMode.PAPER,
                later);
        RunResult r = stale.run(buy(100), false);
        assertTrue(broker.submits.isEmpty());
        assertTrue(r.outcomes().isEmpty());
        assertEquals(List.of("prices end on 2026-01-05 but the last completed session is 2026-01-07; import newer prices"
                + " (Data view or 'leverdesk import') before trading on them"), r.blockedQuotes());
        assertEquals(1, journal("stale-data").size());
    }

    @Test
    void withAFeedTheDecisionAt1550NeedsTodaysBarAndNamesEveryStaleSymbolInOneLine() {
        // Friday's bars at Monday 15:50: enough for the old rule (the last completed session), not for the feed's.
        MapMarketData friday = new MapMarketData(Map.of(
                "TQQQ", Bars.flat("TQQQ", calendar, LocalDate.of(2025, 12, 31), 98, 99, 100),
                "QQQ", Bars.flat("QQQ", calendar, LocalDate.of(2025, 12, 31), 398, 399, 400)), false);
        StrategyRun both = new StrategyRun(new FixedTargets("fixed", Set.of("TQQQ", "QQQ"), MARKET, new Target("TQQQ", 10)), 2,
                null, 1.0);
        ExecutionService fed = new ExecutionService(broker, friday, calendar, store, RiskSettings.defaults(), TradingMode.PAPER,
                CLOCK, new org.leverdesk.market.feed.LiveFreshness(calendar));
        RunResult r = fed.run(both, false);
        assertTrue(broker.submits.isEmpty());
        assertEquals(List.of("QQQ: prices end on 2026-01-02, the decision at 2026-01-05 15:50 ET needs today's bar;"
                + " run 'leverdesk data update' (TQQQ too)"), r.blockedQuotes());
        assertEquals(r.blockedQuotes(), journal("stale-data").stream().map(JournalEntry::message).toList());

        // The same prices without a feed: the old rule lets Friday's close through.
        ExecutionService unfed = new ExecutionService(broker, friday, calendar, store, RiskSettings.defaults(), TradingMode.PAPER,
                CLOCK);
        assertEquals(List.of(), unfed.run(both, true).blockedQuotes());
    }

    @Test
    void aBuyIsRecordedThenSentAndEndsFilledWithTheBrokersId() {
        RunResult r = service.run(buy(100), false);
        assertEquals(DAY, r.tradingDay());
        assertEquals(1, broker.submits.size());
        OrderRequest sent = broker.submits.get(0);
        assertEquals(BUY_ID, sent.clientOrderId());
        assertEquals(new BigDecimal("100"), sent.quantity());
        assertEquals(OrderType.MARKET, sent.type());
        OrderOutcome o = r.outcomes().get(0);
        assertEquals(OrderOutcome.Kind.SENT, o.kind());
        assertEquals(OrderStatus.FILLED, stored(BUY_ID).status());
        assertEquals(o.brokerOrderId(), stored(BUY_ID).brokerOrderId());
        assertEquals(1, new DecisionRepository(store, CLOCK).list("fixed", DAY, DAY).size());
        assertEquals(TradingMode.PAPER, new DecisionRepository(store, CLOCK).list("fixed", DAY, DAY).get(0).mode());
        assertTrue(r.reconciliation().clean());
    }

    @Test
    void theStrategySeesItsCapitalShareAndTheDaysBarsOnly() {
        FixedTargets s = new FixedTargets("fixed", Set.of("TQQQ"), MARKET, new Target("TQQQ", 10));
        service.run(new StrategyRun(s, 2, null, 0.3), false);
        assertEquals(30_000, s.lastContext.portfolio().equity(), 1e-6);
        assertEquals(DAY, s.lastContext.market().history("TQQQ").lastDate());
        assertTrue(s.lastContext.firstDay());
    }

    @Test
    void runningTheSameDayTwiceSendsNothingNew() {
        at(EVENING);
        broker.marketOpen(false); // the OPG order rests, so the second run still sees the target unmet
        RunResult first = service.run(buy(100), false);
        assertEquals(OrderType.MARKET_ON_OPEN, broker.submits.get(0).type());
        assertEquals(OrderStatus.ACCEPTED, stored(BUY_ID).status());
        RunResult second = service.run(buy(100), false);
        assertEquals(1, broker.submits.size());
        assertEquals(OrderOutcome.Kind.SENT, first.outcomes().get(0).kind());
        assertEquals(OrderOutcome.Kind.ALREADY_SENT, second.outcomes().get(0).kind());
        assertEquals(OrderStatus.ACCEPTED, second.outcomes().get(0).status());
        assertEquals(1, broker.allOrders().size());
    }

    @Test
    void aTimeoutAfterTheBrokerTookTheOrderIsLookedUpNotResent() {
        broker.failNextSubmit(ScriptedBroker.Fault.TIMEOUT_AFTER_ACCEPT);
        RunResult r = service.run(buy(100), false);
        assertEquals(1, broker.submits.size());
        assertEquals(1, broker.allOrders().size());
        OrderOutcome o = r.outcomes().get(0);
        assertEquals(OrderOutcome.Kind.RECOVERED, o.kind());
        assertTrue(o.detail().startsWith("send failed (timed out after sending); found broker order b-1"), o.detail());
        assertEquals(OrderStatus.FILLED, stored(BUY_ID).status());
        assertEquals("b-1", stored(BUY_ID).brokerOrderId());
    }

    @Test
    void aTimeoutBeforeTheBrokerTookItIsLeftNewThenSentOnceByTheNextRun() {
        broker.failNextSubmit(ScriptedBroker.Fault.TIMEOUT_BEFORE_ACCEPT);
        RunResult r = service.run(buy(100), false);
        assertEquals(OrderOutcome.Kind.UNKNOWN, r.outcomes().get(0).kind());
        assertEquals(OrderStatus.NEW, stored(BUY_ID).status());
        RunResult again = service.run(buy(100), false);
        assertEquals(List.of("order " + BUY_ID + " was recorded but never reached the broker; today's run sends it once with"
                + " the same client order id"), again.reconciliation().differences());
        assertEquals(OrderOutcome.Kind.SENT, again.outcomes().get(0).kind());
        assertEquals(OrderStatus.FILLED, stored(BUY_ID).status());
        assertEquals(2, broker.submits.size());
        assertEquals(1, broker.allOrders().size());
        // A third run finds it filled and sends nothing.
        service.run(buy(100), false);
        assertEquals(2, broker.submits.size());
    }

    @Test
    void aMarketOnOpenOrderDecidedAt1615IsHeldAndReleasedOnceAt1900() {
        at(Instant.parse("2026-01-05T21:15:00Z"));
        broker.marketOpen(false);
        RunResult r = service.run(buy(100), false);
        OrderOutcome held = r.outcomes().get(0);
        assertEquals(OrderOutcome.Kind.HELD, held.kind());
        assertTrue(held.detail().startsWith("held until 19:00 ET (market-on-open (OPG) orders are refused from 09:28"),
                held.detail());
        assertTrue(broker.submits.isEmpty(), "nothing reaches Alpaca inside its refusal window");
        assertEquals(OrderStatus.NEW, stored(BUY_ID).status(), "the intent is stored at decision time");

        // 18:59: the release job (caught up early, say) still holds it; the reconciliation leaves it NEW.
        at(Instant.parse("2026-01-05T23:59:00Z"));
        RunResult early = service.release(buy(100));
        assertEquals(OrderOutcome.Kind.HELD, early.outcomes().get(0).kind());
        assertTrue(broker.submits.isEmpty());

        // Tuesday 08:00, the app restarted: the caught-up release sends it once, before 09:28.
        at(Instant.parse("2026-01-06T13:00:00Z"));
        RunResult released = service.release(buy(100));
        assertTrue(released.reconciliation().differences().get(0).endsWith("is held for the next opening auction; it is"
                + " released at 19:00 ET (or before 09:28 ET) under the same client order id"),
                released.reconciliation().differences().toString());
        assertEquals(OrderOutcome.Kind.SENT, released.outcomes().get(0).kind());
        assertEquals(1, broker.submits.size());
        assertEquals(TimeInForce.OPG, broker.submits.get(0).timeInForce());
        assertEquals(BUY_ID, broker.submits.get(0).clientOrderId());
        assertEquals(List.of(), service.release(buy(100)).outcomes(), "released once, never twice");
        assertEquals(1, broker.submits.size());
    }

    @Test
    void aHeldOrderWhoseAuctionWasMissedIsCancelledNotSentLate() {
        at(Instant.parse("2026-01-05T21:15:00Z"));
        broker.marketOpen(false);
        service.run(buy(100), false);
        // Tuesday 09:29: past Alpaca's 09:28 cutoff for the opening auction.
        at(Instant.parse("2026-01-06T14:29:00Z"));
        RunResult r = service.release(buy(100));
        assertTrue(broker.submits.isEmpty());
        assertEquals(OrderStatus.CANCELED, stored(BUY_ID).status());
        assertEquals(List.of(BUY_ID + " not sent: the opening auction after 2026-01-05 could only be reached until 09:28 ET"
                + " (the release did not run in time: the app was closed)"), r.blockedQuotes());
    }

    @Test
    void aDuplicateClientOrderIdAdoptsTheBrokersOrder() {
        at(EVENING);
        broker.marketOpen(false);
        var earlier = broker.existing(new OrderRequest(BUY_ID, "TQQQ", Side.BUY, BigDecimal.valueOf(100), OrderType.MARKET_ON_OPEN,
                TimeInForce.OPG, null, null));
        RunResult r = service.run(buy(100), false);
        OrderOutcome o = r.outcomes().get(0);
        assertEquals(OrderOutcome.Kind.ADOPTED, o.kind());
        assertEquals(earlier.brokerOrderId(), stored(BUY_ID).brokerOrderId());
        assertEquals(OrderStatus.ACCEPTED, stored(BUY_ID).status());
        assertEquals(1, broker.allOrders().size());
    }

    @Test
    void aRejectionIsStoredWithItsReason() {
        broker.failNextSubmit(ScriptedBroker.Fault.REJECT);
        RunResult r = service.run(buy(100), false);
        assertEquals(OrderOutcome.Kind.REJECTED, r.outcomes().get(0).kind());
        assertEquals("rejected by the broker: insufficient buying power", r.outcomes().get(0).detail());
        assertEquals(OrderStatus.REJECTED, stored(BUY_ID).status());
        assertTrue(journal("order").get(0).message().contains("REJECTED - rejected by the broker: insufficient buying power"));
    }

    @Test
    void aDryRunPlansAndGatesButSendsAndStoresNothing() {
        RunResult r = service.run(buy(100), true);
        assertTrue(r.dryRun());
        assertNull(r.decisionId());
        assertNull(r.reconciliation());
        assertEquals(OrderOutcome.Kind.DRY_RUN, r.outcomes().get(0).kind());
        assertEquals("buy 100 TQQQ MARKET DAY", r.outcomes().get(0).order().text());
        assertTrue(broker.submits.isEmpty());
        assertTrue(new OrderQueries(store, orders).recent(10).isEmpty());
        assertTrue(new DecisionRepository(store, CLOCK).list("fixed", DAY, DAY).isEmpty());
    }

    @Test
    void whenHaltedABuyIsDeniedAndRecordedButAnExitPasses() {
        service.riskGate().setState(TradingState.HALTED, "kill switch");
        RunResult r = service.run(buy(100), false);
        assertEquals(OrderOutcome.Kind.DENIED, r.outcomes().get(0).kind());
        assertTrue(broker.submits.isEmpty());
        assertEquals(1, journal("risk-denied").size());

        // Shares bought outside Leverdesk, adopted by the strategy (by default they would be left alone).
        broker.position("TQQQ", 50);
        ExecutionService adopting = new ExecutionService(broker, data(), calendar, store, new RiskSettings(2.0, 100.0, 0.5, 190,
                900, 0, 120, org.leverdesk.config.ExternalPositions.ADOPT), TradingMode.PAPER, CLOCK,
                new org.leverdesk.testing.HoursByHand(calendar, broker::marketOpen));
        RunResult exit = adopting.run(buy(0), false);
        assertEquals(OrderOutcome.Kind.SENT, exit.outcomes().get(0).kind());
        assertEquals(Side.SELL, broker.submits.get(0).side());
    }

    @Test
    void aGarbageQuoteBlocksThatSymbolWithItsReason() {
        broker.quote(new Quote("TQQQ", 100.05, 100.01, 100, NOW));
        RunResult r = service.run(buy(100), false);
        assertEquals(List.of("TQQQ: crossed quote (bid 100.05 > ask 100.01); not trading on a broken market"), r.blockedQuotes());
        assertTrue(r.outcomes().isEmpty());
        assertEquals(List.of("TQQQ: no usable quote; target 100 (holding 0) not traded"), r.plan().skipped());
        assertEquals(1, journal("quote-blocked").size());
        assertTrue(broker.submits.isEmpty());
    }
}
