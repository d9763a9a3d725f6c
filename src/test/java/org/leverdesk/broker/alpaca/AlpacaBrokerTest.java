package org.leverdesk.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.BrokerUnavailableException;
import org.leverdesk.broker.CloseOutcome;
import org.leverdesk.broker.DuplicateClientOrderIdException;
import org.leverdesk.broker.MarketClock;
import org.leverdesk.broker.MarketDay;
import org.leverdesk.broker.OrderRejectedException;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.broker.alpaca.FakeAlpacaServer.Fault;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/**
 * AlpacaBroker against the fake Alpaca server over real HTTP, on simulated time from Wednesday
 * 2026-03-04 10:00 New York with Alpaca's delays: mappings, the asynchronous order life cycle, and faults.
 */
class AlpacaBrokerTest {
    private FakeAlpacaServer server;
    private AlpacaBroker broker;

    @BeforeEach
    void start() {
        server = FakeAlpacaServer.start();
        broker = AlpacaBroker.create(server.settings());
    }

    @AfterEach
    void stop() {
        broker.close();
        server.close();
    }

    private static OrderRequest market(String id, String symbol, Side side, int qty) {
        return new OrderRequest(id, symbol, side, BigDecimal.valueOf(qty), OrderType.MARKET, TimeInForce.DAY, null, null);
    }

    private static OrderRequest limit(String id, Side side, int qty, String price) {
        return new OrderRequest(id, "QQQ", side, BigDecimal.valueOf(qty), OrderType.LIMIT, TimeInForce.DAY,
                new BigDecimal(price), null);
    }

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    // ---- account and mapping -------------------------------------------------------------------

    @Test
    void freshAccountHasOneHundredThousandDollarsAndItsPaperNumber() {
        Account a = broker.account();
        assertEquals("PA3KX7Q1TEST", a.accountId());
        assertDecimal("100000", a.cash());
        assertDecimal("100000", a.equity());
        assertDecimal("100000", a.buyingPower());
        assertDecimal("0", a.dayProfit());
        assertFalse(a.tradingBlocked());
        assertEquals("alpaca-paper", broker.name());
    }

    @Test
    void accountParsesWithAndWithoutThePatternDayTraderFieldsAlpacaRemoved() {
        server.includeLegacyPdtFields(true);
        Account before = broker.account();
        server.includeLegacyPdtFields(false);
        Account after = broker.account();
        assertEquals(before, after);
    }

    @Test
    void accountJsonOf2026WithoutPdtFieldsAndWithUnknownFieldsParses() throws Exception {
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"id":"a1","account_number":"PA9","status":"ACTIVE","cash":"1234.5","equity":"2234.5",
                 "buying_power":"1000","last_equity":"2200","intraday_margin_excess":"17","trading_blocked":false,
                 "account_blocked":true,"some_future_object":{"x":[1,2]}}""");
        Account a = AlpacaAccounts.parse(json);
        assertEquals(new Account("PA9", new BigDecimal("1234.5"), new BigDecimal("2234.5"), new BigDecimal("1000"),
                new BigDecimal("2200"), true), a);
        assertDecimal("34.5", a.dayProfit());
    }

    @Test
    void accountWithoutEquityFallsBackToPortfolioValueAndWithoutCashIsAClearError() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        Account a = AlpacaAccounts.parse(mapper.readTree("""
                {"id":"a1","cash":"10","portfolio_value":"15","buying_power":"10"}"""));
        assertEquals(new Account("a1", BigDecimal.TEN, new BigDecimal("15"), BigDecimal.TEN, new BigDecimal("15"), false), a);
        BrokerException e = assertThrows(BrokerException.class,
                () -> AlpacaAccounts.parse(mapper.readTree("{\"equity\":\"1\",\"buying_power\":\"1\"}")));
        assertTrue(e.getMessage().contains("GET /v2/account is invalid: cash is missing"), e.getMessage());
    }

    @Test
    void everyAlpacaStatusMapsToOneOfOurs() {
        BigDecimal ten = BigDecimal.TEN;
        BigDecimal none = BigDecimal.ZERO;
        assertEquals(OrderStatus.SUBMITTED, AlpacaMapping.status("pending_new", ten, none));
        for (String open : List.of("new", "accepted", "accepted_for_bidding", "held", "pending_cancel", "pending_replace",
                "stopped", "suspended", "done_for_day")) {
            assertEquals(OrderStatus.ACCEPTED, AlpacaMapping.status(open, ten, none), open);
            assertEquals(OrderStatus.PARTIALLY_FILLED, AlpacaMapping.status(open, ten, BigDecimal.ONE), open);
        }
        assertEquals(OrderStatus.PARTIALLY_FILLED, AlpacaMapping.status("partially_filled", ten, BigDecimal.ONE));
        assertEquals(OrderStatus.FILLED, AlpacaMapping.status("filled", ten, ten));
        assertEquals(OrderStatus.FILLED, AlpacaMapping.status("calculated", ten, ten));
        assertEquals(OrderStatus.PARTIALLY_FILLED, AlpacaMapping.status("calculated", ten, BigDecimal.ONE));
        assertEquals(OrderStatus.CANCELED, AlpacaMapping.status("canceled", ten, none));
        assertEquals(OrderStatus.CANCELED, AlpacaMapping.status("replaced", ten, none));
        assertEquals(OrderStatus.EXPIRED, AlpacaMapping.status("expired", ten, none));
        assertEquals(OrderStatus.REJECTED, AlpacaMapping.status("rejected", ten, none));
        // A status newer than the specification: keep watching the order.
        assertEquals(OrderStatus.ACCEPTED, AlpacaMapping.status("pending_review", ten, none));
    }

    // ---- orders --------------------------------------------------------------------------------

    @Test
    void marketBuyIsAnsweredAcceptedThenFillsAtTheAskAndBecomesAPositionValuedAtTheMid() {
        server.setQuote("QQQ", 400.00, 400.10);
        BrokerOrder o = broker.submit(market("t-1", "QQQ", Side.BUY, 10));
        // Alpaca answers a market order before it fills: accepted, nothing filled yet.
        assertEquals(OrderStatus.ACCEPTED, o.status());
        assertDecimal("0", o.filledQuantity());
        assertNull(o.filledAveragePrice());
        assertEquals("t-1", o.clientOrderId());
        assertEquals(OrderType.MARKET, o.type());
        assertEquals(TimeInForce.DAY, o.timeInForce());
        server.settle();
        o = broker.orderByClientOrderId("t-1").orElseThrow();
        assertEquals(OrderStatus.FILLED, o.status());
        assertDecimal("10", o.filledQuantity());
        assertDecimal("400.10", o.filledAveragePrice());
        JsonNode sent = server.orderBodies().get(0);
        // The spec types quantities and prices as strings.
        assertEquals("10", sent.get("qty").textValue());
        assertEquals("market", sent.get("type").asText());
        assertEquals("day", sent.get("time_in_force").asText());
        assertEquals("buy", sent.get("side").asText());
        assertEquals("t-1", sent.get("client_order_id").asText());

        BrokerPosition p = broker.positions().get(0);
        assertEquals("QQQ", p.symbol());
        assertDecimal("10", p.quantity());
        assertDecimal("400.10", p.averageEntryPrice());
        assertDecimal("400.05", p.currentPrice());
        assertDecimal("4000.5", p.marketValue());
        assertDecimal("-0.5", p.unrealizedProfit());
        Account a = broker.account();
        assertDecimal("95999", a.cash()); // 100,000 - 10 x 400.10
        assertDecimal("99999.5", a.equity()); // 95,999 + 10 x 400.05
    }

    @Test
    void limitBuyRestsUntilTheAskReachesItThenFillsAtTheLimit() {
        server.setQuote("QQQ", 400.00, 400.10);
        BrokerOrder o = broker.submit(limit("t-lim", Side.BUY, 5, "395.00"));
        assertEquals(OrderStatus.ACCEPTED, o.status());
        server.settle();
        assertEquals("new", server.statusOf("t-lim"));
        assertDecimal("395.00", o.limitPrice());
        assertEquals(List.of("t-lim"), broker.openOrders().stream().map(BrokerOrder::clientOrderId).toList());
        // 5 x 395 is reserved out of the buying power while the order rests.
        assertDecimal("98025", broker.account().buyingPower());

        server.setQuote("QQQ", 394.90, 395.00);
        BrokerOrder filled = broker.orderByClientOrderId("t-lim").orElseThrow();
        assertEquals(OrderStatus.FILLED, filled.status());
        assertDecimal("395", filled.filledAveragePrice());
        assertTrue(broker.openOrders().isEmpty());
    }

    @Test
    void marketOnOpenIsRefusedFromNineTwentyEightUntilSevenAndThenFillsAtTheOpeningQuote() {
        server.setQuote("QQQ", 400.00, 400.10);
        server.closeMarket();
        OrderRequest moo = new OrderRequest("t-moo", "QQQ", Side.BUY, BigDecimal.valueOf(3),
                OrderType.MARKET_ON_OPEN, TimeInForce.DAY, null, null);
        // 16:02 ET: Alpaca rejects OPG orders sent after 9:28 and before 19:00.
        OrderRejectedException early = assertThrows(OrderRejectedException.class, () -> broker.submit(moo));
        assertTrue(early.getMessage().contains("HTTP 422"), early.getMessage());
        assertEquals(0, server.ordersWithClientId("t-moo"));
        server.advanceTo(LocalDate.of(2026, 3, 4), LocalTime.of(19, 0, 1));
        BrokerOrder o = broker.submit(new OrderRequest("t-moo", "QQQ", Side.BUY, BigDecimal.valueOf(3),
                OrderType.MARKET_ON_OPEN, TimeInForce.DAY, null, null));
        JsonNode sent = server.orderBodies().get(1);
        assertEquals("market", sent.get("type").asText());
        assertEquals("opg", sent.get("time_in_force").asText());
        assertEquals(OrderType.MARKET_ON_OPEN, o.type());
        assertEquals(TimeInForce.OPG, o.timeInForce());
        assertEquals(OrderStatus.ACCEPTED, o.status());

        server.setQuote("QQQ", 401.00, 401.20);
        server.openSession();
        assertEquals(LocalDate.of(2026, 3, 5), LocalDate.ofInstant(server.now(), java.time.ZoneId.of("America/New_York")));
        BrokerOrder filled = broker.orderByClientOrderId("t-moo").orElseThrow();
        assertEquals(OrderStatus.FILLED, filled.status());
        assertDecimal("401.20", filled.filledAveragePrice());
    }

    @Test
    void limitOnOpenFillsAtTheOpeningPriceWhenTheOpenReachesItElseIsCancelled() {
        server.setQuote("QQQ", 400.00, 400.10);
        server.closeMarket();
        server.advanceTo(LocalDate.of(2026, 3, 4), LocalTime.of(21, 0));
        broker.submit(new OrderRequest("t-loo-1", "QQQ", Side.BUY, BigDecimal.ONE, OrderType.LIMIT, TimeInForce.OPG,
                new BigDecimal("401"), null));
        broker.submit(new OrderRequest("t-loo-2", "QQQ", Side.BUY, BigDecimal.ONE, OrderType.LIMIT, TimeInForce.OPG,
                new BigDecimal("399"), null));
        assertEquals("opg", server.orderBodies().get(0).get("time_in_force").asText());
        assertEquals("limit", server.orderBodies().get(0).get("type").asText());
        server.setQuote("QQQ", 400.50, 400.60);
        server.openSession();
        BrokerOrder reached = broker.orderByClientOrderId("t-loo-1").orElseThrow();
        assertEquals(OrderType.LIMIT, reached.type());
        assertEquals(TimeInForce.OPG, reached.timeInForce());
        assertEquals(OrderStatus.FILLED, reached.status());
        // The opening auction crosses at one price: the limit is reached and fills at the opening ask.
        assertDecimal("400.60", reached.filledAveragePrice());
        assertEquals(OrderStatus.CANCELED, broker.orderByClientOrderId("t-loo-2").orElseThrow().status());
    }

    @Test
    void marketOnCloseIsSentWithClsAndFillsWhenTheMarketCloses() {
        server.setQuote("QQQ", 400.00, 400.10);
        broker.submit(market("t-buy", "QQQ", Side.BUY, 4));
        server.settle();
        BrokerOrder o = broker.submit(new OrderRequest("t-moc", "QQQ", Side.SELL, BigDecimal.valueOf(4),
                OrderType.MARKET_ON_CLOSE, TimeInForce.DAY, null, null));
        assertEquals("cls", server.orderBodies().get(1).get("time_in_force").asText());
        assertEquals(OrderType.MARKET_ON_CLOSE, o.type());
        assertEquals(OrderStatus.ACCEPTED, o.status());
        server.closeMarket();
        BrokerOrder filled = broker.orderByClientOrderId("t-moc").orElseThrow();
        assertEquals(OrderStatus.FILLED, filled.status());
        assertDecimal("400.00", filled.filledAveragePrice());
        assertTrue(broker.positions().isEmpty());
    }

    @Test
    void sellStopBecomesAMarketOrderWhenTheLastTradesThroughIt() {
        server.setQuote("QQQ", 400.00, 400.10);
        broker.submit(market("t-buy", "QQQ", Side.BUY, 2));
        server.settle();
        BrokerOrder stop = broker.submit(new OrderRequest("t-stop", "QQQ", Side.SELL, BigDecimal.valueOf(2),
                OrderType.STOP, TimeInForce.GTC, null, new BigDecimal("390")));
        JsonNode sent = server.orderBodies().get(1);
        assertEquals("stop", sent.get("type").asText());
        assertEquals("gtc", sent.get("time_in_force").asText());
        assertEquals(390.0, sent.get("stop_price").asDouble());
        assertEquals(OrderStatus.ACCEPTED, stop.status());
        assertEquals(TimeInForce.GTC, stop.timeInForce());
        server.settle();
        server.setQuote("QQQ", 389.80, 390.00); // last = 389.90, through the stop
        BrokerOrder filled = broker.orderByClientOrderId("t-stop").orElseThrow();
        assertEquals(OrderStatus.FILLED, filled.status());
        assertDecimal("389.80", filled.filledAveragePrice());
    }

    @Test
    void partialFillsAndLateRejectionsMapToOurStatuses() {
        server.setQuote("QQQ", 400.00, 400.10);
        broker.submit(limit("t-part", Side.BUY, 10, "399.00"));
        server.partialFill("t-part", BigDecimal.valueOf(4));
        BrokerOrder part = broker.orderByClientOrderId("t-part").orElseThrow();
        assertEquals(OrderStatus.PARTIALLY_FILLED, part.status());
        assertDecimal("4", part.filledQuantity());
        assertTrue(part.isOpen());

        broker.submit(limit("t-rej", Side.BUY, 1, "300.00"));
        server.rejectOrder("t-rej");
        assertEquals(OrderStatus.REJECTED, broker.orderByClientOrderId("t-rej").orElseThrow().status());
    }

    @Test
    void anOrderAlpacaNeverSawIsEmpty() {
        assertEquals(Optional.empty(), broker.orderByClientOrderId("never-sent"));
    }

    @Test
    void duplicateClientOrderIdIsReportedAndNotPlacedTwice() {
        server.setQuote("QQQ", 400.00, 400.10);
        broker.submit(market("t-dup", "QQQ", Side.BUY, 1));
        DuplicateClientOrderIdException e = assertThrows(DuplicateClientOrderIdException.class,
                () -> broker.submit(market("t-dup", "QQQ", Side.BUY, 1)));
        assertEquals("t-dup", e.clientOrderId());
        assertTrue(e.getMessage().contains("client_order_id must be unique"), e.getMessage());
        assertEquals(1, server.ordersWithClientId("t-dup"));
    }

    @Test
    void rejectionCarriesAlpacasReason() {
        server.setQuote("QQQ", 400.00, 400.10);
        OrderRejectedException tooBig = assertThrows(OrderRejectedException.class,
                () -> broker.submit(market("t-big", "QQQ", Side.BUY, 1000)));
        assertTrue(tooBig.getMessage().contains("insufficient buying power"), tooBig.getMessage());
        assertTrue(tooBig.getMessage().contains("403"), tooBig.getMessage());

        OrderRejectedException noShares = assertThrows(OrderRejectedException.class,
                () -> broker.submit(market("t-short", "QQQ", Side.SELL, 5)));
        assertTrue(noShares.getMessage().contains("insufficient qty available for order (requested: 5, available: 0)"),
                noShares.getMessage());

        server.setRejectReason("asset QQQ is not tradable");
        server.inject("POST", "/v2/orders", Fault.REJECT, 1);
        OrderRejectedException halted = assertThrows(OrderRejectedException.class,
                () -> broker.submit(market("t-halt", "QQQ", Side.BUY, 1)));
        assertTrue(halted.getMessage().contains("asset QQQ is not tradable"), halted.getMessage());
        assertEquals(0, server.orderCount());
    }

    // ---- faults on submit: never re-sent, found by client order id ------------------------------

    @Test
    void timeoutAfterTheOrderWasRecordedIsUnavailableAndTheOrderIsFoundByClientOrderId() {
        server.setQuote("QQQ", 400.00, 400.10);
        server.setSlowDelay(Duration.ofSeconds(3)); // the client gives up after 1.5 s
        server.inject("POST", "/v2/orders", Fault.SLOW_AFTER_RECORD, 1);
        BrokerUnavailableException e = assertThrows(BrokerUnavailableException.class,
                () -> broker.submit(market("t-slow", "QQQ", Side.BUY, 2)));
        assertTrue(e.getMessage().contains("look it up by its client order id"), e.getMessage());
        assertEquals(1, server.count("POST", "/v2/orders"), "an order POST is never retried");
        BrokerOrder found = broker.orderByClientOrderId("t-slow").orElseThrow();
        assertEquals(OrderStatus.FILLED, found.status());
        assertDecimal("2", found.filledQuantity());
    }

    @Test
    void connectionDroppedAfterTheOrderWasRecordedIsUnavailableAndTheOrderIsFound() {
        server.setQuote("QQQ", 400.00, 400.10);
        server.inject("POST", "/v2/orders", Fault.DROP_AFTER_RECORD, 1);
        assertThrows(BrokerUnavailableException.class, () -> broker.submit(market("t-drop", "QQQ", Side.BUY, 2)));
        assertEquals(1, server.count("POST", "/v2/orders"));
        assertTrue(broker.orderByClientOrderId("t-drop").isPresent());
    }

    @Test
    void connectionDroppedBeforeTheOrderWasRecordedLeavesNothingToFind() {
        server.setQuote("QQQ", 400.00, 400.10);
        server.inject("POST", "/v2/orders", Fault.DROP, 1);
        assertThrows(BrokerUnavailableException.class, () -> broker.submit(market("t-lost", "QQQ", Side.BUY, 2)));
        assertEquals(1, server.count("POST", "/v2/orders"));
        assertEquals(Optional.empty(), broker.orderByClientOrderId("t-lost"));
        assertEquals(0, server.orderCount());
    }

    @Test
    void serverErrorAndRateLimitOnSubmitAreUnavailableAndNotRetried() {
        server.setQuote("QQQ", 400.00, 400.10);
        server.inject("POST", "/v2/orders", Fault.SERVER_ERROR, 1);
        BrokerUnavailableException e5 = assertThrows(BrokerUnavailableException.class,
                () -> broker.submit(market("t-500", "QQQ", Side.BUY, 1)));
        assertTrue(e5.getMessage().contains("HTTP 500"), e5.getMessage());
        server.inject("POST", "/v2/orders", Fault.TOO_MANY_REQUESTS, 1);
        BrokerUnavailableException e429 = assertThrows(BrokerUnavailableException.class,
                () -> broker.submit(market("t-429", "QQQ", Side.BUY, 1)));
        assertTrue(e429.getMessage().contains("429"), e429.getMessage());
        assertEquals(2, server.count("POST", "/v2/orders"));
    }

    // ---- faults on reads: retried with backoff ---------------------------------------------------

    @Test
    void serverErrorsOnReadsAreRetriedUntilTheySucceed() {
        server.inject("GET", "/v2/account", Fault.SERVER_ERROR, 2);
        assertDecimal("100000", broker.account().equity());
        assertEquals(3, server.count("GET", "/v2/account"));
    }

    @Test
    void readsGiveUpAfterTheLastAttemptWithUnavailable() {
        server.inject("GET", "/v2/positions", Fault.SERVER_ERROR, 10);
        assertThrows(BrokerUnavailableException.class, () -> broker.positions());
        assertEquals(4, server.count("GET", "/v2/positions"));
    }

    @Test
    void tooManyRequestsOnReadsAreRetriedThenSucceed() {
        server.inject("GET", "/v2/orders", Fault.TOO_MANY_REQUESTS, 2);
        assertEquals(List.of(), broker.openOrders());
        assertEquals(3, server.count("GET", "/v2/orders"));
    }

    @Test
    void readsPastTheServersRateLimitWaitAndSucceed() {
        try (AlpacaBroker patient = AlpacaBroker.create(server.settings()
                .withRetries(8, Duration.ofMillis(200), Duration.ofMillis(800)))) {
            server.setRateLimit(3, Duration.ofMillis(700));
            for (int i = 0; i < 6; i++) {
                assertDecimal("100000", patient.account().cash());
            }
            assertTrue(server.count("GET", "/v2/account") > 6, "some reads were answered 429 and retried");
        }
    }

    @Test
    void theClientSideRateLimiterHoldsCallsBackInsteadOfHittingAlpacasLimit() {
        // 3 requests per 600 ms period: nine calls span three periods, so the last waits at least one whole period
        // after the first (whatever point of its period the first call fell in) instead of drawing a 429.
        try (AlpacaSession limited = new AlpacaSession(server.settings().withRequestsPerMinute(3), Duration.ofMillis(600))) {
            AlpacaBroker b = new AlpacaBroker(limited);
            long start = System.nanoTime();
            for (int i = 0; i < 9; i++) {
                b.clock();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 550, "nine calls took only " + millis + " ms");
            assertEquals(9, server.count("GET", "/v2/clock"));
        }
    }

    @Test
    void slowAndDroppedReadsAreRetried() {
        server.inject("GET", "/v2/positions", Fault.SLOW, 1);
        server.inject("GET", "/v2/clock", Fault.DROP, 1);
        assertEquals(List.of(), broker.positions());
        assertTrue(broker.clock().open());
        assertEquals(2, server.count("GET", "/v2/positions"));
        assertEquals(2, server.count("GET", "/v2/clock"));
    }

    @Test
    void wrongKeysAreAClearErrorNotRetried() {
        try (AlpacaBroker wrong = AlpacaBroker.create(new AlpacaSettings(server.settings().endpoint(), "PKWRONG",
                "wrong-secret", server.baseUrl(), 190, Duration.ofSeconds(2), 4, Duration.ofMillis(10), Duration.ofMillis(20)))) {
            BrokerException e = assertThrows(BrokerException.class, wrong::account);
            assertFalse(e instanceof BrokerUnavailableException);
            assertTrue(e.getMessage().contains("refused the API keys (HTTP 401)"), e.getMessage());
            assertEquals(1, server.count("GET", "/v2/account"));
        }
    }

    // ---- cancel and close --------------------------------------------------------------------

    @Test
    void cancelAllReturnsTheCancelledOrdersFromTheSpecsReplyAndCancellingAFinishedOrderIsFine() {
        server.setQuote("QQQ", 400.00, 400.10);
        server.setTiming(server.timing().withCancel(Duration.ofSeconds(5)));
        BrokerOrder filled = broker.submit(market("t-f", "QQQ", Side.BUY, 1));
        broker.submit(limit("t-a", Side.BUY, 1, "390"));
        broker.submit(limit("t-b", Side.BUY, 1, "380"));
        server.settle();
        broker.cancel(filled.brokerOrderId());
        // Alpaca's reply is only {id, status} per order (no order bodies): the orders come from the re-read.
        List<BrokerOrder> cancelled = broker.cancelAll();
        assertEquals(List.of("t-a", "t-b"), cancelled.stream().map(BrokerOrder::clientOrderId).sorted().toList());
        assertEquals("pending_cancel", server.statusOf("t-a"), "the cancel takes a moment");
        server.settle();
        assertTrue(broker.openOrders().isEmpty());
        assertEquals(OrderStatus.CANCELED, broker.orderByClientOrderId("t-b").orElseThrow().status());
    }

    @Test
    void cancelOneOrder() {
        server.setQuote("QQQ", 400.00, 400.10);
        server.setTiming(server.timing().withCancel(Duration.ofSeconds(5)));
        BrokerOrder o = broker.submit(limit("t-c", Side.BUY, 1, "390"));
        broker.cancel(o.brokerOrderId());
        assertEquals("pending_cancel", server.statusOf("t-c"));
        server.settle();
        assertEquals("canceled", server.statusOf("t-c"));
        assertEquals(OrderStatus.CANCELED, broker.orderByClientOrderId("t-c").orElseThrow().status());
    }

    @Test
    void closeAllPositionsReportsEachPositionClosedOrWhyNot() {
        server.setQuote("QQQ", 400.00, 400.10);
        server.setQuote("TQQQ", 50.00, 50.02);
        broker.submit(market("t-q", "QQQ", Side.BUY, 10));
        broker.submit(market("t-t", "TQQQ", Side.BUY, 100));
        broker.submit(limit("t-open", Side.BUY, 1, "300"));
        server.settle();
        server.failClosing("TQQQ", "asset TQQQ is halted");

        List<CloseOutcome> outcomes = broker.closeAllPositions();
        server.settle();
        assertEquals(2, outcomes.size());
        CloseOutcome q = outcomes.stream().filter(o -> o.symbol().equals("QQQ")).findFirst().orElseThrow();
        assertTrue(q.closed());
        assertDecimal("10", q.quantity());
        BrokerOrder qClose = broker.openOrders().stream().filter(o -> o.brokerOrderId().equals(q.brokerOrderId()))
                .findFirst().orElse(null);
        assertNull(qClose, "the QQQ closing order filled");
        CloseOutcome t = outcomes.stream().filter(o -> o.symbol().equals("TQQQ")).findFirst().orElseThrow();
        assertFalse(t.closed());
        assertNull(t.brokerOrderId());
        assertDecimal("100", t.quantity());
        assertTrue(t.detail().contains("asset TQQQ is halted"), t.detail());
        assertEquals(List.of("TQQQ"), broker.positions().stream().map(BrokerPosition::symbol).toList());
        assertEquals(OrderStatus.CANCELED, broker.orderByClientOrderId("t-open").orElseThrow().status());
        assertEquals(1, server.count("DELETE", "/v2/positions"));
    }

    @Test
    void closePositionWaitsForItsOrdersCancelsBeforeClosingAndIsEmptyWhenFlat() {
        server.setQuote("QQQ", 400.00, 400.10);
        broker.submit(market("t-q", "QQQ", Side.BUY, 10));
        server.settle();
        broker.submit(limit("t-tp", Side.SELL, 10, "450"));
        server.settle();
        // The take-profit holds all 10 shares; its cancel takes 100 ms, and a close sent before it ends gets 403.
        BrokerOrder closing = broker.closePosition("QQQ").orElseThrow();
        assertEquals(Side.SELL, closing.side());
        assertDecimal("10", closing.quantity());
        assertEquals(OrderStatus.ACCEPTED, closing.status());
        assertEquals(1, server.count("DELETE", "/v2/positions/QQQ"), "one close, no 403 and retry");
        server.settle();
        assertEquals(OrderStatus.FILLED, broker.orderByClientOrderId(closing.clientOrderId()).orElseThrow().status());
        assertEquals(OrderStatus.CANCELED, broker.orderByClientOrderId("t-tp").orElseThrow().status());
        assertTrue(broker.positions().isEmpty());
        assertEquals(Optional.empty(), broker.closePosition("QQQ"));
    }

    @Test
    void closeAllWhileClosedSendsOrdersThatFillAtTheOpen() {
        server.setQuote("QQQ", 400.00, 400.10);
        broker.submit(market("t-q", "QQQ", Side.BUY, 10));
        server.settle();
        server.closeMarket();
        List<CloseOutcome> outcomes = broker.closeAllPositions();
        assertEquals(1, outcomes.size());
        assertTrue(outcomes.get(0).closed());
        assertTrue(outcomes.get(0).detail().contains("ACCEPTED"), outcomes.get(0).detail());
        assertEquals(1, broker.openOrders().size());
        server.setQuote("QQQ", 398.00, 398.20);
        server.openSession();
        server.settle();
        assertTrue(broker.positions().isEmpty());
        assertDecimal("99979", broker.account().cash()); // 100,000 - 4,001 + 10 x 398.00
    }

    @Test
    void closeAllIsNotRetriedBecauseEachTrySendsNewOrders() {
        server.setQuote("QQQ", 400.00, 400.10);
        broker.submit(market("t-q", "QQQ", Side.BUY, 10));
        server.settle();
        server.inject("DELETE", "/v2/positions", Fault.SERVER_ERROR, 1);
        assertThrows(BrokerUnavailableException.class, () -> broker.closeAllPositions());
        assertEquals(1, server.count("DELETE", "/v2/positions"));
    }

    @Test
    void cancellingAnUnknownOrderSaysSo() {
        BrokerException e = assertThrows(BrokerException.class, () -> broker.cancel("no-such-id"));
        assertTrue(e.getMessage().contains("HTTP 404: order not found for no-such-id"), e.getMessage());
    }

    @Test
    void anOrderStatusNewerThanTheSpecificationStaysOpen() {
        server.setQuote("QQQ", 400.00, 400.10);
        broker.submit(limit("t-new", Side.BUY, 1, "390"));
        server.forceStatus("t-new", "pending_review");
        BrokerOrder o = broker.orderByClientOrderId("t-new").orElseThrow();
        assertEquals(OrderStatus.ACCEPTED, o.status());
        assertEquals(1, broker.openOrders().size());
    }

    // ---- clock, calendar, quotes -------------------------------------------------------------

    @Test
    void clockFollowsTheMarketAndCalendarKnowsThanksgivingAndItsEarlyClose() {
        MarketClock open = broker.clock();
        assertTrue(open.open());
        assertTrue(open.nextOpen().isAfter(open.timestamp()));
        assertTrue(open.nextClose().isAfter(open.timestamp()));
        server.closeMarket();
        assertFalse(broker.clock().open());

        // Thanksgiving 2026 is Thursday 26 November; Friday the 27th closes at 13:00.
        List<MarketDay> days = broker.calendar(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 27));
        assertEquals(List.of(
                new MarketDay(LocalDate.of(2026, 11, 23), LocalTime.of(9, 30), LocalTime.of(16, 0)),
                new MarketDay(LocalDate.of(2026, 11, 24), LocalTime.of(9, 30), LocalTime.of(16, 0)),
                new MarketDay(LocalDate.of(2026, 11, 25), LocalTime.of(9, 30), LocalTime.of(16, 0)),
                new MarketDay(LocalDate.of(2026, 11, 27), LocalTime.of(9, 30), LocalTime.of(13, 0))), days);
    }

    @Test
    void latestQuoteComesFromTheMarketDataApi() {
        server.setQuote("TQQQ", 50.00, 50.04);
        Quote q = broker.latestQuote("TQQQ");
        assertEquals("TQQQ", q.symbol());
        assertEquals(50.00, q.bid());
        assertEquals(50.04, q.ask());
        assertEquals(50.02, q.last(), 1e-9);
        assertTrue(q.at() != null);
        assertEquals(1, server.count("GET", "/v2/stocks/TQQQ/quotes/latest"));
        BrokerException none = assertThrows(BrokerException.class, () -> broker.latestQuote("NOPE"));
        assertTrue(none.getMessage().contains("no quote found for NOPE"), none.getMessage());
    }
}
