package org.leverdesk.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/**
 * The behaviour every {@link Broker} adapter must show, under the market model of {@link BrokerFixture}.
 * Each adapter's test extends this class and supplies a fresh fixture; the money values are worked
 * out by hand from the quotes (buys pay the ask, sells get the bid; a limit marketable when sent fills at the
 * quote, a resting limit at its limit once reached).
 */
public abstract class BrokerContractTest {
    private BrokerFixture fixture;
    private Broker broker;

    /** A fresh account: $100,000 cash, no positions, no orders, the market open, no quotes. */
    protected abstract BrokerFixture newFixture();

    @BeforeEach
    void start() {
        fixture = newFixture();
        broker = fixture.broker();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    // ---- long positions ----

    @Test
    void buyingFromZeroPaysTheAskAndOpensAPosition() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        BrokerOrder o = sendAndSettle(market("long-1", "QQQ", Side.BUY, 100));
        assertEquals(OrderStatus.FILLED, o.status());
        assertMoney("50.01", o.filledAveragePrice());
        assertMoney("100", o.filledQuantity());
        assertMoney("94999.00", broker.account().cash());
        BrokerPosition p = only(broker.positions());
        assertEquals("QQQ", p.symbol());
        assertMoney("100", p.quantity());
        assertMoney("50.01", p.averageEntryPrice());
        // Valued at last = mid 50.00.
        assertMoney("99999.00", broker.account().equity());
    }

    @Test
    void addingToALongAveragesTheCost() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        sendAndSettle(market("add-1", "QQQ", Side.BUY, 100));
        fixture.setQuote("QQQ", 51.99, 52.01);
        sendAndSettle(market("add-2", "QQQ", Side.BUY, 100));
        BrokerPosition p = only(broker.positions());
        assertMoney("200", p.quantity());
        assertMoney("51.01", p.averageEntryPrice());
        // 100,000 - 5,001 - 5,201
        assertMoney("89798.00", broker.account().cash());
    }

    @Test
    void reducingALongReceivesTheBidAndKeepsTheAverageCost() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        sendAndSettle(market("reduce-1", "QQQ", Side.BUY, 100));
        BrokerOrder sell = sendAndSettle(market("reduce-2", "QQQ", Side.SELL, 40));
        assertEquals(OrderStatus.FILLED, sell.status());
        assertMoney("49.99", sell.filledAveragePrice());
        BrokerPosition p = only(broker.positions());
        assertMoney("60", p.quantity());
        assertMoney("50.01", p.averageEntryPrice());
        // 94,999.00 + 40 * 49.99
        assertMoney("96998.60", broker.account().cash());
    }

    @Test
    void sellingTheWholePositionLeavesNoPosition() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        sendAndSettle(market("flat-1", "QQQ", Side.BUY, 100));
        sendAndSettle(market("flat-2", "QQQ", Side.SELL, 100));
        assertTrue(broker.positions().isEmpty());
        // Paid the spread once: 100 * (50.01 - 49.99).
        assertMoney("99998.00", broker.account().cash());
        assertMoney("99998.00", broker.account().equity());
    }

    // ---- order types ----

    @Test
    void limitNotReachedRestsAndFillsAtTheLimitWhenTheAskComesDown() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        BrokerOrder o = sendAndSettle(limit("lim-1", "QQQ", Side.BUY, 100, "49.50"));
        assertTrue(o.isOpen(), "a buy limit below the ask rests");
        assertMoney("100000.00", broker.account().cash());
        // The limit holds back 100 * 49.50 of buying power.
        assertMoney("95050.00", broker.account().buyingPower());
        fixture.setQuote("QQQ", 49.55, 49.57);
        assertEquals(1, broker.openOrders().size(), "an ask above the limit does not fill it");
        fixture.setQuote("QQQ", 49.40, 49.48);
        assertTrue(broker.openOrders().isEmpty());
        BrokerOrder filled = broker.orderByClientOrderId("lim-1").orElseThrow();
        assertEquals(OrderStatus.FILLED, filled.status());
        assertMoney("49.50", filled.filledAveragePrice());
        assertMoney("95050.00", broker.account().cash());
        assertMoney("100", only(broker.positions()).quantity());
    }

    @Test
    void marketableLimitFillsAtOnceAtTheQuote() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        BrokerOrder o = sendAndSettle(limit("lim-now", "QQQ", Side.BUY, 100, "50.10"));
        assertEquals(OrderStatus.FILLED, o.status());
        assertMoney("50.01", o.filledAveragePrice());
        assertMoney("94999.00", broker.account().cash());
    }

    @Test
    void sellStopTriggersWhenTheLastTradesThroughIt() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        sendAndSettle(market("stop-buy", "QQQ", Side.BUY, 100));
        BrokerOrder stop = sendAndSettle(new OrderRequest("stop-1", "QQQ", Side.SELL, new BigDecimal("100"), OrderType.STOP,
                TimeInForce.GTC, null, new BigDecimal("48.00")));
        assertTrue(stop.isOpen());
        fixture.setQuote("QQQ", 48.49, 48.51);
        assertEquals(1, broker.openOrders().size(), "last 48.50 is above the stop");
        fixture.setQuote("QQQ", 47.89, 47.91);
        BrokerOrder filled = broker.orderByClientOrderId("stop-1").orElseThrow();
        assertEquals(OrderStatus.FILLED, filled.status());
        assertMoney("47.89", filled.filledAveragePrice());
        // 94,999.00 + 100 * 47.89
        assertMoney("99788.00", broker.account().cash());
        assertTrue(broker.positions().isEmpty());
    }

    @Test
    void marketOnOpenSentWhileClosedFillsAtTheOpeningQuote() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        fixture.closeMarket();
        BrokerOrder o = sendAndSettle(new OrderRequest("moo-1", "QQQ", Side.BUY, new BigDecimal("100"),
                OrderType.MARKET_ON_OPEN, TimeInForce.OPG, null, null));
        assertTrue(o.isOpen(), "an OPG order waits for the open");
        assertTrue(broker.positions().isEmpty());
        fixture.setQuote("QQQ", 50.49, 50.51);
        assertEquals(1, broker.openOrders().size(), "a quote while closed does not fill it");
        fixture.openSession();
        BrokerOrder filled = broker.orderByClientOrderId("moo-1").orElseThrow();
        assertEquals(OrderStatus.FILLED, filled.status());
        assertMoney("50.51", filled.filledAveragePrice());
        assertMoney("94949.00", broker.account().cash());
        assertMoney("100", only(broker.positions()).quantity());
    }

    // ---- cancelling and closing ----

    @Test
    void cancellingOneOrderLeavesTheOthersAndFreesItsBuyingPower() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        BrokerOrder a = sendAndSettle(limit("cxl-a", "QQQ", Side.BUY, 100, "45.00"));
        sendAndSettle(limit("cxl-b", "QQQ", Side.BUY, 100, "44.00"));
        // 100 * 45.00 + 100 * 44.00 held back
        assertMoney("91100.00", broker.account().buyingPower());
        broker.cancel(a.brokerOrderId());
        fixture.settle();
        List<BrokerOrder> open = broker.openOrders();
        assertEquals(List.of("cxl-b"), open.stream().map(BrokerOrder::clientOrderId).toList());
        assertEquals(OrderStatus.CANCELED, broker.orderByClientOrderId("cxl-a").orElseThrow().status());
        assertMoney("95600.00", broker.account().buyingPower());
        // Cancelling an order that already ended is not an error.
        broker.cancel(a.brokerOrderId());
    }

    @Test
    void cancelAllCancelsEveryOpenOrder() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        sendAndSettle(market("cxa-0", "QQQ", Side.BUY, 100));
        sendAndSettle(limit("cxa-1", "QQQ", Side.BUY, 10, "45.00"));
        sendAndSettle(limit("cxa-2", "QQQ", Side.SELL, 50, "55.00"));
        List<BrokerOrder> cancelled = broker.cancelAll();
        assertEquals(List.of("cxa-1", "cxa-2"), cancelled.stream().map(BrokerOrder::clientOrderId).sorted().toList());
        fixture.settle();
        assertTrue(broker.openOrders().isEmpty());
        assertEquals(OrderStatus.CANCELED, broker.orderByClientOrderId("cxa-2").orElseThrow().status());
        assertEquals(OrderStatus.FILLED, broker.orderByClientOrderId("cxa-0").orElseThrow().status());
        assertMoney("100", only(broker.positions()).quantity());
    }

    @Test
    void closeAllCancelsOrdersAndSellsEveryPositionReportingEach() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        fixture.setQuote("TQQQ", 80.00, 80.02);
        sendAndSettle(market("ca-1", "QQQ", Side.BUY, 100));
        sendAndSettle(market("ca-2", "TQQQ", Side.BUY, 10));
        sendAndSettle(limit("ca-3", "QQQ", Side.SELL, 100, "60.00"));
        // 100,000 - 5,001.00 - 800.20
        assertMoney("94198.80", broker.account().cash());
        List<CloseOutcome> outcomes = broker.closeAllPositions().stream()
                .sorted(Comparator.comparing(CloseOutcome::symbol)).toList();
        fixture.settle();
        assertEquals(List.of("QQQ", "TQQQ"), outcomes.stream().map(CloseOutcome::symbol).toList());
        assertTrue(outcomes.stream().allMatch(CloseOutcome::closed), outcomes.toString());
        assertMoney("100", outcomes.get(0).quantity());
        assertMoney("10", outcomes.get(1).quantity());
        assertNotNull(outcomes.get(0).brokerOrderId());
        assertTrue(broker.positions().isEmpty());
        assertTrue(broker.openOrders().isEmpty());
        assertEquals(OrderStatus.CANCELED, broker.orderByClientOrderId("ca-3").orElseThrow().status());
        // + 100 * 49.99 + 10 * 80.00
        assertMoney("99997.80", broker.account().cash());
    }

    @Test
    void closingOnePositionLeavesTheOthers() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        fixture.setQuote("TQQQ", 80.00, 80.02);
        sendAndSettle(market("cp-1", "QQQ", Side.BUY, 100));
        sendAndSettle(market("cp-2", "TQQQ", Side.BUY, 10));
        BrokerOrder close = broker.closePosition("QQQ").orElseThrow();
        fixture.settle();
        assertEquals(Side.SELL, close.side());
        assertMoney("100", close.quantity());
        assertEquals(OrderStatus.FILLED, broker.orderByClientOrderId(close.clientOrderId()).orElseThrow().status());
        BrokerPosition left = only(broker.positions());
        assertEquals("TQQQ", left.symbol());
        // 94,198.80 + 100 * 49.99
        assertMoney("99197.80", broker.account().cash());
        assertTrue(broker.closePosition("SQQQ").isEmpty(), "closing a flat symbol sends nothing");
    }

    @Test
    void aCancelIsAnsweredAtOnceAndTheOrderEndsCancelledOnceTheBrokerHasDoneIt() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        BrokerOrder o = sendAndSettle(limit("acx-1", "QQQ", Side.BUY, 100, "45.00"));
        broker.cancel(o.brokerOrderId());
        BrokerOrder right = broker.orderByClientOrderId("acx-1").orElseThrow();
        assertTrue(right.status() == OrderStatus.CANCELED || right.isOpen(), "cancelled or still being cancelled: " + right);
        // Asking again while the first cancel is under way is not an error.
        broker.cancel(o.brokerOrderId());
        fixture.settle();
        assertEquals(OrderStatus.CANCELED, broker.orderByClientOrderId("acx-1").orElseThrow().status());
        assertTrue(broker.openOrders().isEmpty());
        assertMoney("100000.00", broker.account().buyingPower());
    }

    @Test
    void closingAPositionWithARestingSellOrderCancelsItFirstAndNeverRacesIt() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        sendAndSettle(market("race-1", "QQQ", Side.BUY, 100));
        // The resting sell holds all 100 shares; a close that does not wait for its cancel is refused by Alpaca.
        sendAndSettle(limit("race-2", "QQQ", Side.SELL, 100, "60.00"));
        BrokerOrder close = broker.closePosition("QQQ").orElseThrow();
        assertEquals(Side.SELL, close.side());
        assertMoney("100", close.quantity());
        fixture.settle();
        assertEquals(OrderStatus.CANCELED, broker.orderByClientOrderId("race-2").orElseThrow().status());
        assertTrue(broker.positions().isEmpty());
        assertTrue(broker.openOrders().isEmpty());
        // 94,999.00 + 100 * 49.99
        assertMoney("99998.00", broker.account().cash());
    }

    @Test
    void cancelAllReportsEveryOrderItAskedToCancelAndNoFailures() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        sendAndSettle(limit("rep-1", "QQQ", Side.BUY, 10, "45.00"));
        sendAndSettle(limit("rep-2", "QQQ", Side.BUY, 20, "44.00"));
        CancelReport report = broker.cancelAllReported();
        assertEquals(List.of("rep-1", "rep-2"), report.requested().stream().map(BrokerOrder::clientOrderId).sorted().toList());
        assertTrue(report.complete(), report.failures().toString());
        fixture.settle();
        assertTrue(broker.openOrders().isEmpty());
    }

    @Test
    void aDayOrderStillOpenAtTheCloseExpiresAndAGtcOrderStays() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        sendAndSettle(new OrderRequest("day-1", "QQQ", Side.BUY, new BigDecimal("100"), OrderType.LIMIT, TimeInForce.DAY,
                new BigDecimal("45.00"), null));
        sendAndSettle(limit("gtc-1", "QQQ", Side.BUY, 100, "44.00"));
        fixture.closeMarket();
        assertEquals(OrderStatus.EXPIRED, broker.orderByClientOrderId("day-1").orElseThrow().status());
        assertTrue(broker.orderByClientOrderId("gtc-1").orElseThrow().isOpen());
        fixture.openSession();
        fixture.setQuote("QQQ", 43.90, 43.98);
        BrokerOrder gtc = broker.orderByClientOrderId("gtc-1").orElseThrow();
        assertEquals(OrderStatus.FILLED, gtc.status());
        assertMoney("44.00", gtc.filledAveragePrice());
        assertMoney("95600.00", broker.account().cash());
    }

    // ---- client order ids ----

    @Test
    void aClientOrderIdCanBeUsedOnlyOnce() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        sendAndSettle(market("dup-1", "QQQ", Side.BUY, 100));
        DuplicateClientOrderIdException e = assertThrows(DuplicateClientOrderIdException.class,
                () -> broker.submit(market("dup-1", "QQQ", Side.BUY, 100)));
        assertEquals("dup-1", e.clientOrderId());
        assertMoney("100", only(broker.positions()).quantity());
        assertMoney("94999.00", broker.account().cash());
    }

    @Test
    void aCancelledOrdersClientOrderIdStaysUsed() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        BrokerOrder o = sendAndSettle(limit("dup-2", "QQQ", Side.BUY, 100, "45.00"));
        broker.cancel(o.brokerOrderId());
        fixture.settle();
        assertThrows(DuplicateClientOrderIdException.class, () -> broker.submit(limit("dup-2", "QQQ", Side.BUY, 100, "45.00")));
        assertTrue(broker.openOrders().isEmpty());
    }

    @Test
    void anOrderIsFoundByItsClientOrderIdAndAnUnknownIdIsAbsent() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        BrokerOrder sent = sendAndSettle(limit("find-1", "QQQ", Side.BUY, 100, "45.00"));
        BrokerOrder found = broker.orderByClientOrderId("find-1").orElseThrow();
        assertEquals(sent.brokerOrderId(), found.brokerOrderId());
        assertEquals("QQQ", found.symbol());
        assertEquals(Side.BUY, found.side());
        assertEquals(OrderType.LIMIT, found.type());
        assertMoney("45.00", found.limitPrice());
        assertTrue(found.isOpen());
        assertTrue(broker.orderByClientOrderId("never-sent").isEmpty());
    }

    // ---- money ----

    @Test
    void aBuyBeyondTheBuyingPowerIsRejected() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        // 2,000 * 50.01 = 100,020 > 100,000
        assertThrows(OrderRejectedException.class, () -> broker.submit(market("big-1", "QQQ", Side.BUY, 2000)));
        assertTrue(broker.positions().isEmpty());
        assertTrue(broker.openOrders().isEmpty());
        assertMoney("100000.00", broker.account().cash());
        // 1,999 * 50.01 = 99,969.99 fits.
        assertEquals(OrderStatus.FILLED, sendAndSettle(market("big-2", "QQQ", Side.BUY, 1999)).status());
        assertMoney("30.01", broker.account().cash());
    }

    @Test
    void equityIsCashPlusPositionsAtTheLastPrice() {
        fixture.setQuote("QQQ", 49.99, 50.01);
        sendAndSettle(market("eq-1", "QQQ", Side.BUY, 100));
        fixture.setQuote("QQQ", 54.99, 55.01);
        Account a = broker.account();
        assertMoney("94999.00", a.cash());
        assertMoney("100499.00", a.equity());
        BrokerPosition p = only(broker.positions());
        assertMoney("55.00", p.currentPrice());
        assertMoney("5500.00", p.marketValue());
        assertMoney("499.00", p.unrealizedProfit());
    }

    @Test
    void theClockSaysWhetherTheMarketIsOpen() {
        MarketClock open = broker.clock();
        assertTrue(open.open());
        assertTrue(open.nextClose().isAfter(open.timestamp()));
        fixture.closeMarket();
        MarketClock closed = broker.clock();
        assertFalse(closed.open());
        assertTrue(closed.nextOpen().isAfter(closed.timestamp()));
        fixture.openSession();
        assertTrue(broker.clock().open());
    }

    // ---- options (padded OCC symbols, quantities in contracts, money × 100) ----

    private static final java.time.LocalDate EXPIRY = java.time.LocalDate.of(2026, 3, 20);
    private static final String PUT_480 = org.leverdesk.options.contract.OptionContract.of("QQQ", EXPIRY,
            org.leverdesk.options.contract.OptionRight.PUT, "480").occSymbol();
    private static final String PUT_475 = org.leverdesk.options.contract.OptionContract.of("QQQ", EXPIRY,
            org.leverdesk.options.contract.OptionRight.PUT, "475").occSymbol();
    private static final String CALL_500 = org.leverdesk.options.contract.OptionContract.of("QQQ", EXPIRY,
            org.leverdesk.options.contract.OptionRight.CALL, "500").occSymbol();
    private static final String CALL_505 = org.leverdesk.options.contract.OptionContract.of("QQQ", EXPIRY,
            org.leverdesk.options.contract.OptionRight.CALL, "505").occSymbol();

    private void optionMarket() {
        org.junit.jupiter.api.Assumptions.assumeTrue(fixture.optionsUnsupported() == null, fixture.optionsUnsupported());
        fixture.setQuote("QQQ", 489.99, 490.01);
        fixture.setQuote(PUT_480, 2.00, 2.10);
        fixture.setQuote(PUT_475, 1.20, 1.30);
        fixture.setQuote(CALL_500, 1.50, 1.60);
        fixture.setQuote(CALL_505, 0.70, 0.80);
    }

    private void multiLegMarket() {
        optionMarket();
        org.junit.jupiter.api.Assumptions.assumeTrue(fixture.multiLegUnsupported() == null, fixture.multiLegUnsupported());
    }

    private static MultiLegOrderRequest combo(String id, OrderRequest... legs) {
        return new MultiLegOrderRequest(id, List.of(legs), OrderType.MARKET, TimeInForce.DAY, null);
    }

    @Test
    void buyingAnOptionPaysTheAskPerShareTimes100AndSellingItReceivesTheBid() {
        optionMarket();
        BrokerOrder buy = sendAndSettle(market("opt-1", CALL_500, Side.BUY, 2));
        assertEquals(OrderStatus.FILLED, buy.status());
        assertMoney("1.60", buy.filledAveragePrice());
        // 2 contracts × 1.60 × 100
        assertMoney("99680.00", broker.account().cash());
        BrokerPosition p = only(broker.positions());
        assertEquals(CALL_500, p.symbol());
        assertMoney("2", p.quantity());
        assertMoney("1.60", p.averageEntryPrice());
        BrokerOrder sell = sendAndSettle(market("opt-2", CALL_500, Side.SELL, 2));
        assertMoney("1.50", sell.filledAveragePrice());
        assertTrue(broker.positions().isEmpty());
        // paid the spread once: 2 × (1.60 − 1.50) × 100
        assertMoney("99980.00", broker.account().cash());
    }

    @Test
    void sellingACashSecuredPutCreditsThePremiumAndHoldsTheStrikeBack() {
        optionMarket();
        BrokerOrder sell = sendAndSettle(market("csp-1", PUT_480, Side.SELL, 1));
        assertEquals(OrderStatus.FILLED, sell.status());
        assertMoney("2.00", sell.filledAveragePrice());
        assertMoney("100200.00", broker.account().cash());
        BrokerPosition p = only(broker.positions());
        assertEquals(PUT_480, p.symbol());
        assertMoney("-1", p.quantity());
        // 100,200 − 480 × 100 held for the put
        assertMoney("52200.00", broker.account().buyingPower());
    }

    @Test
    void aSpreadIsOneMultiLegOrderThatFillsEveryLegAtTheQuotes() {
        multiLegMarket();
        List<BrokerOrder> legs = broker.submitMultiLeg(combo("mleg-1", market("mleg-1-s", PUT_480, Side.SELL, 2),
                market("mleg-1-l", PUT_475, Side.BUY, 2)));
        assertEquals(List.of("mleg-1-s", "mleg-1-l"), legs.stream().map(BrokerOrder::clientOrderId).toList());
        fixture.settle();
        List<BrokerOrder> now = broker.multiLegLegs(combo("mleg-1", market("mleg-1-s", PUT_480, Side.SELL, 2),
                market("mleg-1-l", PUT_475, Side.BUY, 2)));
        assertEquals(2, now.size(), now.toString());
        for (BrokerOrder leg : now) {
            assertEquals(OrderStatus.FILLED, leg.status(), leg.toString());
            assertMoney("2", leg.filledQuantity());
        }
        assertMoney("2.00", now.stream().filter(o -> o.symbol().equals(PUT_480)).findFirst().orElseThrow().filledAveragePrice());
        assertMoney("1.30", now.stream().filter(o -> o.symbol().equals(PUT_475)).findFirst().orElseThrow().filledAveragePrice());
        // credit (2.00 − 1.30) × 2 × 100 = 140; the pair holds its width (480 − 475) × 100 × 2 = 1,000
        assertMoney("100140.00", broker.account().cash());
        assertMoney("99140.00", broker.account().buyingPower());
        assertEquals(List.of(PUT_475, PUT_480), broker.positions().stream().map(BrokerPosition::symbol).sorted().toList());
    }

    @Test
    void aMultiLegOrderThatWouldLeaveACallUncoveredIsRefusedAndNoLegFills() {
        multiLegMarket();
        // sell 2 calls, buy 1: one call would be naked, which a cash account at level 3 may not hold
        assertThrows(OrderRejectedException.class, () -> broker.submitMultiLeg(combo("bad-1",
                market("bad-1-s", CALL_500, Side.SELL, 2), market("bad-1-l", CALL_505, Side.BUY, 1))));
        fixture.settle();
        assertTrue(broker.positions().isEmpty(), broker.positions().toString());
        assertTrue(broker.openOrders().isEmpty());
        assertMoney("100000.00", broker.account().cash());
    }

    @Test
    void atExpiryAnAssignedPutDeliversSharesAtTheStrikeAndAnOutOfTheMoneyCallIsRemoved() {
        optionMarket();
        sendAndSettle(market("exp-1", PUT_480, Side.SELL, 1));
        sendAndSettle(market("exp-2", CALL_500, Side.BUY, 1));
        // 100,000 + 200 − 160
        assertMoney("100040.00", broker.account().cash());
        fixture.expireOptions(EXPIRY, "QQQ", 470.00);
        BrokerPosition shares = only(broker.positions());
        assertEquals("QQQ", shares.symbol());
        assertMoney("100", shares.quantity());
        assertMoney("480", shares.averageEntryPrice());
        // 100,040 − 100 × 480
        assertMoney("52040.00", broker.account().cash());
    }

    // ---- helpers ----

    /**
     * Sends an order the way a broker answers it (the answer is the order, open or already filled, with
     * nothing more filled than asked), lets the broker's asynchronous processing finish, and returns the
     * order as it is then.
     */
    protected BrokerOrder sendAndSettle(OrderRequest request) {
        BrokerOrder answer = broker.submit(request);
        assertEquals(request.clientOrderId(), answer.clientOrderId());
        assertEquals(request.symbol(), answer.symbol());
        assertEquals(0, request.quantity().compareTo(answer.quantity()), "the answer's quantity");
        assertTrue(answer.filledQuantity().compareTo(answer.quantity()) <= 0, "filled no more than asked: " + answer);
        assertTrue(answer.status() != OrderStatus.REJECTED && answer.status() != OrderStatus.CANCELED, answer.toString());
        fixture.settle();
        return broker.orderByClientOrderId(request.clientOrderId()).orElseThrow();
    }

    protected static OrderRequest market(String id, String symbol, Side side, int quantity) {
        return new OrderRequest(id, symbol, side, BigDecimal.valueOf(quantity), OrderType.MARKET, TimeInForce.DAY, null, null);
    }

    protected static OrderRequest limit(String id, String symbol, Side side, int quantity, String limit) {
        return new OrderRequest(id, symbol, side, BigDecimal.valueOf(quantity), OrderType.LIMIT, TimeInForce.GTC,
                new BigDecimal(limit), null);
    }

    /** Compares money and quantities by value, so 94999.0 and 94999.00 are equal. */
    protected static void assertMoney(String expected, BigDecimal actual) {
        assertNotNull(actual, "expected " + expected + " but got null");
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but got " + actual);
    }

    private static <T> T only(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
