package org.leverdesk.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.MarketClock;
import org.leverdesk.broker.OrderRejectedException;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/**
 * The fake Alpaca server behaves like Alpaca in time (Trading API spec, {@code TimeInForce} and
 * {@code OrderStatus}): order life cycles with their intermediate statuses, the OPG and CLS submission
 * windows, day orders ending after the close, and a clock that follows the NYSE calendar.
 */
class FakeAlpacaTimeTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 4);
    // Long enough that nothing happens between two calls of a test, however slow the machine.
    private static final FakeAlpacaMarket.Timing SLOW = new FakeAlpacaMarket.Timing(Duration.ofSeconds(20),
            Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofMinutes(2), false);

    private FakeAlpacaServer server;
    private AlpacaBroker broker;

    private void start(Instant at, FakeAlpacaMarket.Timing timing) {
        server = FakeAlpacaServer.startAt(at, timing);
        broker = AlpacaBroker.create(server.settings());
    }

    private static Instant ny(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(NEW_YORK).toInstant();
    }

    @AfterEach
    void stop() {
        broker.close();
        server.close();
    }

    private static OrderRequest order(String id, Side side, int qty, TimeInForce tif, OrderType type, String limit) {
        return new OrderRequest(id, "QQQ", side, BigDecimal.valueOf(qty), type, tif, limit == null ? null : new BigDecimal(limit), null);
    }

    @Test
    void anOrderGoesPendingNewAcceptedNewFilledWithTheConfiguredDelays() {
        start(ny(WEDNESDAY, 10, 0), SLOW);
        server.setQuote("QQQ", 400.00, 400.10);
        BrokerOrder answer = broker.submit(order("lc-1", Side.BUY, 5, TimeInForce.DAY, OrderType.MARKET, null));
        assertEquals(OrderStatus.SUBMITTED, answer.status());
        assertEquals("pending_new", server.statusOf("lc-1"));
        server.advance(Duration.ofSeconds(20));
        assertEquals("new", server.statusOf("lc-1"), "accepted after 20 s and routed at once while open");
        assertEquals(0, broker.orderByClientOrderId("lc-1").orElseThrow().filledQuantity().signum());
        server.setQuote("QQQ", 401.00, 401.10);
        server.advance(Duration.ofSeconds(20));
        BrokerOrder filled = broker.orderByClientOrderId("lc-1").orElseThrow();
        assertEquals(OrderStatus.FILLED, filled.status());
        assertEquals(0, new BigDecimal("401.10").compareTo(filled.filledAveragePrice()), "the quote in force when it filled");
    }

    @Test
    void aCancelIsPendingUntilItsDelayHasPassed() {
        start(ny(WEDNESDAY, 10, 0), SLOW);
        server.setQuote("QQQ", 400.00, 400.10);
        BrokerOrder o = broker.submit(order("pc-1", Side.BUY, 5, TimeInForce.GTC, OrderType.LIMIT, "390"));
        server.advance(Duration.ofSeconds(20));
        broker.cancel(o.brokerOrderId());
        assertEquals("pending_cancel", server.statusOf("pc-1"));
        assertTrue(broker.openOrders().stream().anyMatch(x -> x.clientOrderId().equals("pc-1")), "still open while pending");
        broker.cancel(o.brokerOrderId()); // a second request while pending: Alpaca answers 422, which is fine
        server.advance(Duration.ofSeconds(20));
        assertEquals("canceled", server.statusOf("pc-1"));
    }

    @Test
    void aReplacedOrderEndsReplacedAndItsSuccessorIsAccepted() {
        start(ny(WEDNESDAY, 10, 0), FakeAlpacaMarket.Timing.alpaca());
        server.setQuote("QQQ", 400.00, 400.10);
        broker.submit(order("rp-1", Side.BUY, 5, TimeInForce.GTC, OrderType.LIMIT, "390"));
        server.settle();
        JsonNode successor = server.replaceByHand("rp-1", BigDecimal.valueOf(7), new BigDecimal("391"));
        assertEquals("pending_replace", server.statusOf("rp-1"));
        server.settle();
        assertEquals("replaced", server.statusOf("rp-1"));
        BrokerOrder old = broker.orderByClientOrderId("rp-1").orElseThrow();
        assertEquals(OrderStatus.CANCELED, old.status(), "a replaced order will not fill any more");
        BrokerOrder next = broker.openOrders().get(0);
        assertEquals(successor.get("id").asText(), next.brokerOrderId());
        assertEquals(0, BigDecimal.valueOf(7).compareTo(next.quantity()));
        assertEquals(0, new BigDecimal("391").compareTo(next.limitPrice()));
    }

    @Test
    void opgIsRefusedFromNineTwentyEightToSevenAndQueuedOtherwise() {
        start(ny(WEDNESDAY, 9, 0), FakeAlpacaMarket.Timing.alpaca());
        server.setQuote("QQQ", 400.00, 400.10);
        OrderRequest moo = order("opg-1", Side.BUY, 1, TimeInForce.OPG, OrderType.MARKET_ON_OPEN, null);
        assertTrue(broker.submit(moo).isOpen(), "9:00 is before the 9:28 cut-off: today's opening auction");
        server.advanceTo(ny(WEDNESDAY, 9, 29));
        OrderRejectedException e = assertThrows(OrderRejectedException.class,
                () -> broker.submit(order("opg-2", Side.BUY, 1, TimeInForce.OPG, OrderType.MARKET_ON_OPEN, null)));
        assertTrue(e.getMessage().contains("before 9:28am or after 7:00pm ET"), e.getMessage());
        server.advanceTo(ny(WEDNESDAY, 9, 31));
        assertEquals("filled", server.statusOf("opg-1"), "filled in the 9:30 opening auction");
        server.advanceTo(ny(WEDNESDAY, 16, 15));
        assertThrows(OrderRejectedException.class,
                () -> broker.submit(order("opg-3", Side.BUY, 1, TimeInForce.OPG, OrderType.MARKET_ON_OPEN, null)),
                "16:15, when the rotation decides, is inside the refused window");
        server.advanceTo(ny(WEDNESDAY, 19, 0));
        assertTrue(broker.submit(order("opg-4", Side.BUY, 1, TimeInForce.OPG, OrderType.MARKET_ON_OPEN, null)).isOpen());
        server.advanceTo(ny(WEDNESDAY.plusDays(1), 9, 30).plusSeconds(1));
        assertEquals("filled", server.statusOf("opg-4"), "queued for Thursday's opening auction");
    }

    @Test
    void opgOnAWeekendIsQueuedForMonday() {
        start(ny(LocalDate.of(2026, 3, 7), 12, 0), FakeAlpacaMarket.Timing.alpaca()); // Saturday
        server.setQuote("QQQ", 400.00, 400.10);
        assertTrue(broker.submit(order("opg-sat", Side.BUY, 1, TimeInForce.OPG, OrderType.MARKET_ON_OPEN, null)).isOpen());
        server.advanceTo(ny(LocalDate.of(2026, 3, 9), 9, 30).plusSeconds(1));
        assertEquals("filled", server.statusOf("opg-sat"));
    }

    @Test
    void clsIsRefusedFromTenMinutesBeforeTheCloseAndFillsInTheClosingAuction() {
        start(ny(WEDNESDAY, 15, 45), FakeAlpacaMarket.Timing.alpaca());
        server.setQuote("QQQ", 400.00, 400.10);
        assertTrue(broker.submit(order("cls-1", Side.BUY, 1, TimeInForce.CLS, OrderType.MARKET_ON_CLOSE, null)).isOpen());
        server.advanceTo(ny(WEDNESDAY, 15, 51));
        OrderRejectedException e = assertThrows(OrderRejectedException.class,
                () -> broker.submit(order("cls-2", Side.BUY, 1, TimeInForce.CLS, OrderType.MARKET_ON_CLOSE, null)));
        assertTrue(e.getMessage().contains("before 3:50pm or after 7:00pm ET"), e.getMessage());
        server.setQuote("QQQ", 402.00, 402.10);
        server.advanceTo(ny(WEDNESDAY, 16, 0).plusSeconds(1));
        BrokerOrder moc = broker.orderByClientOrderId("cls-1").orElseThrow();
        assertEquals(OrderStatus.FILLED, moc.status());
        assertEquals(0, new BigDecimal("402.10").compareTo(moc.filledAveragePrice()));
    }

    @Test
    void onAnEarlyCloseDayClsIsRefusedFromTwelveFifty() {
        LocalDate blackFriday = LocalDate.of(2026, 11, 27); // closes at 13:00
        start(ny(blackFriday, 12, 45), FakeAlpacaMarket.Timing.alpaca());
        server.setQuote("QQQ", 400.00, 400.10);
        assertTrue(broker.submit(order("ec-1", Side.BUY, 1, TimeInForce.CLS, OrderType.MARKET_ON_CLOSE, null)).isOpen());
        server.advanceTo(ny(blackFriday, 12, 51));
        assertThrows(OrderRejectedException.class,
                () -> broker.submit(order("ec-2", Side.BUY, 1, TimeInForce.CLS, OrderType.MARKET_ON_CLOSE, null)));
        server.advanceTo(ny(blackFriday, 13, 0).plusSeconds(1));
        assertEquals("filled", server.statusOf("ec-1"));
        assertFalse(broker.clock().open());
    }

    @Test
    void aDayOrderIsDoneForTheDayAtTheCloseThenExpiresAndDoesNotFillTomorrow() {
        start(ny(WEDNESDAY, 15, 0), FakeAlpacaMarket.Timing.alpaca());
        server.setQuote("QQQ", 400.00, 400.10);
        broker.submit(order("day-1", Side.BUY, 5, TimeInForce.DAY, OrderType.LIMIT, "390"));
        broker.submit(order("gtc-1", Side.BUY, 5, TimeInForce.GTC, OrderType.LIMIT, "389"));
        server.advanceTo(ny(WEDNESDAY, 16, 0).plusSeconds(1));
        assertEquals("done_for_day", server.statusOf("day-1"));
        assertTrue(broker.orderByClientOrderId("day-1").orElseThrow().isOpen());
        server.advanceTo(ny(WEDNESDAY, 16, 5));
        BrokerOrder expired = broker.orderByClientOrderId("day-1").orElseThrow();
        assertEquals(OrderStatus.EXPIRED, expired.status());
        server.advanceTo(ny(WEDNESDAY.plusDays(1), 9, 31));
        server.setQuote("QQQ", 385.00, 385.10);
        assertEquals("expired", server.statusOf("day-1"), "it does not fill the next session");
        assertEquals("filled", server.statusOf("gtc-1"), "a GTC order lives on and fills");
    }

    @Test
    void aMarketOrderSentAfterTheCloseWaitsForTheNextOpen() {
        start(ny(WEDNESDAY, 17, 0), FakeAlpacaMarket.Timing.alpaca());
        server.setQuote("QQQ", 400.00, 400.10);
        BrokerOrder o = broker.submit(order("ah-1", Side.BUY, 5, TimeInForce.DAY, OrderType.MARKET, null));
        assertEquals(OrderStatus.ACCEPTED, o.status());
        server.advance(Duration.ofHours(1));
        assertEquals("accepted", server.statusOf("ah-1"), "queued: not routed while closed");
        server.advanceTo(ny(WEDNESDAY.plusDays(1), 9, 30).plusSeconds(1));
        assertEquals("filled", server.statusOf("ah-1"));
    }

    @Test
    void theClockFollowsTheCalendarNotAnAlwaysOpenFlag() {
        start(ny(LocalDate.of(2026, 3, 8), 4, 4), FakeAlpacaMarket.Timing.alpaca()); // Sunday 04:04
        MarketClock sunday = broker.clock();
        assertFalse(sunday.open());
        assertEquals(ny(LocalDate.of(2026, 3, 9), 9, 30), sunday.nextOpen());
        assertEquals(ny(LocalDate.of(2026, 3, 9), 16, 0), sunday.nextClose());
        server.advanceTo(ny(LocalDate.of(2026, 3, 9), 9, 30));
        assertTrue(broker.clock().open());
        server.advanceTo(ny(LocalDate.of(2026, 3, 9), 16, 0));
        assertFalse(broker.clock().open());
    }

    @Test
    void faultsCanMakeTheClockLie() {
        start(ny(WEDNESDAY, 10, 0), FakeAlpacaMarket.Timing.alpaca());
        server.skewClock(Duration.ofHours(5));
        MarketClock off = broker.clock();
        assertTrue(Duration.between(server.now(), off.timestamp()).compareTo(Duration.ofMinutes(299)) > 0);
        server.skewClock(Duration.ZERO);
        server.advanceTo(ny(LocalDate.of(2026, 3, 15), 4, 4)); // a Sunday
        server.clockSaysOpen(true);
        assertTrue(broker.clock().open());
        server.clockSaysOpen(null);
        assertFalse(broker.clock().open());
    }

    @Test
    void onTheWallClockEverythingHappensWithinTheRequest() {
        server = FakeAlpacaServer.startOnWallClock();
        broker = AlpacaBroker.create(server.settings());
        assertTrue(Duration.between(Instant.now(), server.now()).abs().compareTo(Duration.ofSeconds(5)) < 0);
        server.setQuote("QQQ", 400.00, 400.10);
        assertEquals(OrderStatus.FILLED, broker.submit(order("wc-1", Side.BUY, 1, TimeInForce.DAY, OrderType.MARKET, null)).status());
    }
}
