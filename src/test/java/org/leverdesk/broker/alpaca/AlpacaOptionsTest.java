package org.leverdesk.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerUnavailableException;
import org.leverdesk.broker.MalformedBrokerAnswerException;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRejectedException;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.sim.SimOptionEvent;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.execution.OptionEventLedger;
import org.leverdesk.options.chain.ChainFilter;
import org.leverdesk.options.chain.OptionChain;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.PositionLedger;
import org.leverdesk.store.Store;

/**
 * Alpaca's options through the adapter and the fake Alpaca server (held to the OpenAPI specs): contracts and chains
 * with paging, Greeks in Leverdesk's units, the exact {@code mleg} request, Alpaca's 403/422 answers, exercise and
 * do-not-exercise, a multi-leg order whose answer was lost found by its parent's id, malformed answers refused, and the
 * OPEXP/OPASN/OPEXC activities recorded once in the store's count and the journal. Hand-checked numbers in comments.
 */
class AlpacaOptionsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 4);
    private static final LocalDate EXPIRY = LocalDate.of(2026, 3, 20);
    private static final String PUT_480 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "480").occSymbol();
    private static final String PUT_475 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "475").occSymbol();
    private static final String CALL_490 = OptionContract.of("QQQ", EXPIRY, OptionRight.CALL, "490").occSymbol();
    private static final String CALL_500 = OptionContract.of("QQQ", EXPIRY, OptionRight.CALL, "500").occSymbol();

    private FakeAlpacaServer server;
    private AlpacaBroker broker;

    @BeforeEach
    void start() {
        server = FakeAlpacaServer.start();
        broker = AlpacaBroker.create(server.settings());
        server.setQuote("QQQ", 489.99, 490.01);
        server.setQuote(PUT_480, 2.00, 2.10);
        server.setQuote(PUT_475, 1.20, 1.30);
        server.setQuote(CALL_490, 6.00, 6.20);
        server.setQuote(CALL_500, 1.50, 1.60);
        server.setGreeks(PUT_480, 0.21, -0.30, 0.012, -0.25, 0.45, -0.07);
        server.setGreeks(PUT_475, 0.22, -0.22, 0.010, -0.22, 0.40, -0.05);
        server.setGreeks(CALL_490, 0.19, 0.52, 0.015, -0.30, 0.50, 0.10);
        server.setGreeks(CALL_500, 0.18, 0.25, 0.011, -0.20, 0.42, 0.06);
    }

    @AfterEach
    void stop() {
        FakeAlpacaOptionBook.pageCap = 10_000;
        broker.close();
        server.close();
    }

    private static OrderRequest leg(String id, String symbol, Side side, int n) {
        return new OrderRequest(id, symbol, side, BigDecimal.valueOf(n), OrderType.MARKET, TimeInForce.DAY, null, null);
    }

    private static MultiLegOrderRequest bullPut(String id, int n) {
        return new MultiLegOrderRequest(id, List.of(leg(id + "-s", PUT_480, Side.SELL, n), leg(id + "-l", PUT_475, Side.BUY, n)),
                OrderType.MARKET, TimeInForce.DAY, null);
    }

    @Test
    void contractsAreReadPageByPageWithTheFilters() {
        FakeAlpacaOptionBook.pageCap = 1;
        List<OptionContract> puts = broker.options().contracts(new AlpacaOptions.ContractQuery("QQQ", DAY, EXPIRY,
                OptionRight.PUT, null, null));
        assertEquals(List.of(PUT_475, PUT_480), puts.stream().map(OptionContract::occSymbol).toList());
        List<OptionContract> calls = broker.options().contracts(new AlpacaOptions.ContractQuery("QQQ", null, null,
                OptionRight.CALL, new BigDecimal("495"), null));
        assertEquals(List.of(CALL_500), calls.stream().map(OptionContract::occSymbol).toList());
        assertTrue(server.requests().stream().filter(r -> r.startsWith("GET /v2/options/contracts")).count() >= 3,
                "one request per page: " + server.requests());
    }

    @Test
    void theChainComesFromTheSnapshotsWithGreeksInLeverdesksUnits() {
        FakeAlpacaOptionBook.pageCap = 3;
        OptionChain chain = broker.options().chain("QQQ", DAY, 490.00, new ChainFilter(7, 30, 4, 5));
        assertEquals(4, chain.quotes().size());
        assertEquals(List.of(EXPIRY), chain.expiries().stream().map(e -> e.date()).toList());
        assertTrue(chain.expiries().get(0).monthly(), "2026-03-20 is the third Friday");
        OptionQuote put = chain.find(OptionContract.parse(PUT_480)).orElseThrow();
        assertEquals(2.00, put.bid());
        assertEquals(2.10, put.ask());
        assertEquals(2.05, put.mark(), 1e-12);
        assertEquals(0.21, put.impliedVolatility());
        assertEquals(-0.30, put.delta());
        // Alpaca: theta per day, vega and rho per point; Greeks: per year and per 1.00
        assertEquals(-0.25 * 365, put.greeks().thetaPerYear(), 1e-9);
        assertEquals(45.0, put.greeks().vega(), 1e-9);
        assertEquals(-7.0, put.greeks().rho(), 1e-9);
        // ATM: the 490 strike (only a call there) of the expiry nearest 30 days: 19%
        assertEquals(0.19, chain.inputs().atm30(), 1e-12);
        assertEquals(19.0, chain.inputs().index().level(), 1e-9);
        // the strategy's look-up works on Alpaca's chain as on the synthetic one
        assertEquals(PUT_475, chain.nearestDelta(EXPIRY, OptionRight.PUT, 0.20).orElseThrow().contract().occSymbol());
        // outside the DTE window: no chain at all
        assertTrue(new AlpacaOptionMarket(broker.options(), DAY).chain("QQQ", 490, new ChainFilter(21, 35, 4, 5)).isEmpty());
    }

    @Test
    void aSnapshotWithAnImpossibleDeltaRejectsTheWholeChain() {
        server.tamper("GET", "/v1beta1/options/snapshots/QQQ", body -> body.replace("-0.3", "0.3"), 1);
        MalformedBrokerAnswerException e = assertThrows(MalformedBrokerAnswerException.class,
                () -> broker.options().chain("QQQ", DAY, 490.00, new ChainFilter(7, 30, 4, 5)));
        assertTrue(e.getMessage().contains("greeks.delta") && e.getMessage().contains("impossible for a put"), e.getMessage());
    }

    @Test
    void anOptionQuoteComesFromTheOptionsDataApi() {
        var q = broker.latestQuote(PUT_480);
        assertEquals(PUT_480, q.symbol());
        assertEquals(2.00, q.bid());
        assertEquals(2.10, q.ask());
        assertTrue(server.requests().stream().anyMatch(r -> r.startsWith("GET /v1beta1/options/quotes/latest?symbols=QQQ260320P00480000")),
                server.requests().toString());
    }

    @Test
    void aSpreadIsSentAsOneMlegOrderWithRatiosInLowestTermsAndPositionIntents() {
        List<BrokerOrder> legs = broker.submitMultiLeg(bullPut("sp-1", 2));
        assertEquals(List.of(OrderStatus.FILLED, OrderStatus.FILLED), legs.stream().map(BrokerOrder::status).toList());
        JsonNode body = server.orderBodies().get(0);
        assertEquals("mleg", body.get("order_class").asText());
        assertEquals("2", body.get("qty").asText());
        assertEquals("market", body.get("type").asText());
        assertEquals("day", body.get("time_in_force").asText());
        assertEquals("sp-1", body.get("client_order_id").asText());
        assertEquals("QQQ260320P00480000", body.get("legs").get(0).get("symbol").asText());
        assertEquals("1", body.get("legs").get(0).get("ratio_qty").asText());
        assertEquals("sell_to_open", body.get("legs").get(0).get("position_intent").asText());
        assertEquals("buy_to_open", body.get("legs").get(1).get("position_intent").asText());
        // the close of the same spread: intents from the positions held
        broker.submitMultiLeg(new MultiLegOrderRequest("sp-2", List.of(leg("sp-2-s", PUT_480, Side.BUY, 2),
                leg("sp-2-l", PUT_475, Side.SELL, 2)), OrderType.MARKET, TimeInForce.DAY, null));
        JsonNode close = server.orderBodies().get(1);
        assertEquals("buy_to_close", close.get("legs").get(0).get("position_intent").asText());
        assertEquals("sell_to_close", close.get("legs").get(1).get("position_intent").asText());
        assertTrue(broker.positions().isEmpty());
        // (2.00 − 1.30) × 200 in, (2.10 − 1.20) × 200 out
        assertEquals(0, new BigDecimal("99960").compareTo(broker.account().cash()));
    }

    @Test
    void alpacasRefusalsOfBadLegsAndAMissingLevelAreRejectionsWithItsReason() throws Exception {
        // The request record already refuses duplicate contracts and more than four legs; Alpaca's own 422s, sent raw:
        String dup = "{\"order_class\":\"mleg\",\"qty\":\"1\",\"type\":\"market\",\"time_in_force\":\"day\",\"legs\":["
                + "{\"symbol\":\"QQQ260320P00480000\",\"ratio_qty\":\"1\",\"side\":\"sell\",\"position_intent\":\"sell_to_open\"},"
                + "{\"symbol\":\"QQQ260320P00480000\",\"ratio_qty\":\"1\",\"side\":\"buy\",\"position_intent\":\"buy_to_open\"}]}";
        assertRaw(422, "duplicate leg symbol", dup);
        assertRaw(422, "simplest form", dup.replace("\"ratio_qty\":\"1\"", "\"ratio_qty\":\"2\"").replace("P00480000\",\"ratio_qty\":\"2\",\"side\":\"buy",
                "P00475000\",\"ratio_qty\":\"2\",\"side\":\"buy"));
        String five = "{\"order_class\":\"mleg\",\"qty\":\"1\",\"type\":\"market\",\"time_in_force\":\"day\",\"legs\":["
                + String.join(",", java.util.Collections.nCopies(5, "{\"symbol\":\"QQQ260320P00480000\",\"ratio_qty\":\"1\",\"side\":\"buy\"}")) + "]}";
        assertRaw(422, "between 2 and 4 legs", five);
        server.setOptionsLevel(2);
        OrderRejectedException level = assertThrows(OrderRejectedException.class, () -> broker.submitMultiLeg(bullPut("lv-1", 1)));
        assertTrue(level.getMessage().contains("HTTP 403") && level.getMessage().contains("level 2, needs 3"), level.getMessage());
        server.setOptionsLevel(1);
        OrderRejectedException buy = assertThrows(OrderRejectedException.class, () -> broker.submit(leg("lv-2", CALL_500, Side.BUY, 1)));
        assertTrue(buy.getMessage().contains("needs 2"), buy.getMessage());
        assertEquals(0, server.orderCount());
    }

    private void assertRaw(int status, String message, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v2/orders"))
                .header("APCA-API-KEY-ID", FakeAlpacaServer.KEY_ID).header("APCA-API-SECRET-KEY", FakeAlpacaServer.SECRET_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains(message), r.body());
    }

    @Test
    void aMultiLegOrderWhoseAnswerWasLostIsFoundByItsParentsIdAndNotSentAgain() {
        server.inject("POST", "/v2/orders", FakeAlpacaServer.Fault.DROP_AFTER_RECORD, 1);
        assertThrows(BrokerUnavailableException.class, () -> broker.submitMultiLeg(bullPut("lost-1", 1)));
        List<BrokerOrder> found = broker.multiLegLegs(bullPut("lost-1", 1));
        assertEquals(List.of("lost-1-s", "lost-1-l"), found.stream().map(BrokerOrder::clientOrderId).toList());
        assertTrue(found.stream().allMatch(o -> o.status() == OrderStatus.FILLED), found.toString());
        assertTrue(broker.multiLegLegs(bullPut("never-1", 1)).isEmpty(), "an order Alpaca never saw has no legs");
        assertEquals(1, server.orderCount());
    }

    @Test
    void aMultiLegAnswerWithOneLegFilledAndTheOtherNotIsMalformed() {
        // the second leg says it filled nothing while the first filled
        server.tamper("POST", "/v2/orders", body -> {
            int second = body.lastIndexOf("\"filled_qty\":\"1\"");
            return body.substring(0, second) + "\"filled_qty\":\"0\"" + body.substring(second + "\"filled_qty\":\"1\"".length());
        }, 1);
        MalformedBrokerAnswerException e = assertThrows(MalformedBrokerAnswerException.class, () -> broker.submitMultiLeg(bullPut("odd-1", 1)));
        assertTrue(e.getMessage().contains("look it up by its client order id"), e.getMessage());
    }

    @Test
    void exerciseDeliversSharesAndDoNotExerciseLetsAnInTheMoneyCallExpire() {
        broker.submit(leg("ex-1", CALL_490, Side.BUY, 1));
        broker.submit(leg("ex-2", CALL_500, Side.BUY, 1));
        server.settle();
        broker.options().exercise(CALL_490);
        assertEquals(0, new BigDecimal("100").compareTo(server.held("QQQ")));
        // 100,000 − 620 − 160 − 49,000
        assertEquals(0, new BigDecimal("50220").compareTo(broker.account().cash()));
        broker.options().doNotExercise(CALL_500);
        server.expireOptions(EXPIRY, "QQQ", 510.00);
        assertEquals(0, BigDecimal.ZERO.compareTo(server.held(CALL_500)), "told not to exercise: expired");
        assertEquals(0, new BigDecimal("100").compareTo(server.held("QQQ")));
        BrokerException none = assertThrows(BrokerException.class, () -> broker.options().exercise(CALL_500));
        assertTrue(none.getMessage().contains("HTTP 403") && none.getMessage().contains("no available position"), none.getMessage());
    }

    @Test
    void optionActivitiesReachTheStoresCountAndJournalOnceEach(@TempDir Path dir) throws Exception {
        broker.submit(leg("act-1", PUT_480, Side.SELL, 1));
        broker.submit(leg("act-2", CALL_500, Side.BUY, 1));
        server.settle();
        server.expireOptions(EXPIRY, "QQQ", 470.00);
        List<SimOptionEvent> events = AlpacaOptionEvents.read(broker.options(), null, s -> s.equals(CALL_500) ? BigDecimal.ONE : BigDecimal.ZERO);
        assertEquals(2, events.size(), events.toString());
        SimOptionEvent assigned = events.stream().filter(e -> e.kind() == SimOptionEvent.Kind.ASSIGNED).findFirst().orElseThrow();
        assertEquals(PUT_480, assigned.optionSymbol());
        assertEquals(0, new BigDecimal("-1").compareTo(assigned.contracts()));
        assertEquals(0, new BigDecimal("100").compareTo(assigned.shares()));
        assertEquals(0, new BigDecimal("-48000").compareTo(assigned.cash()));
        assertEquals("QQQ 260320P00480000 assigned: bought 100 QQQ at $480.00", assigned.describe());
        SimOptionEvent expired = events.stream().filter(e -> e.kind() == SimOptionEvent.Kind.EXPIRED).findFirst().orElseThrow();
        assertEquals(0, BigDecimal.ONE.compareTo(expired.contracts()));
        Files.createDirectories(dir);
        try (Store store = Store.open(dir)) {
            Clock clock = Clock.systemUTC();
            PositionLedger ledger = new PositionLedger(store, clock);
            JournalRepository journal = new JournalRepository(store, clock);
            ledger.accept(PUT_480, new BigDecimal("-1"), "wheel", "test", "sold before");
            ledger.accept(CALL_500, BigDecimal.ONE, "wheel", "test", "bought before");
            OptionEventLedger record = new OptionEventLedger(ledger, journal);
            assertEquals(2, record.recordAll(events));
            Map<String, BigDecimal> counted = ledger.bySymbol();
            assertEquals(0, new BigDecimal("100").compareTo(counted.get("QQQ")));
            assertEquals(0, BigDecimal.ZERO.compareTo(counted.getOrDefault(PUT_480, BigDecimal.ZERO)));
            assertEquals(0, BigDecimal.ZERO.compareTo(counted.getOrDefault(CALL_500, BigDecimal.ZERO)));
            // a restart reads the same activities again: nothing changes
            assertEquals(0, record.recordAll(AlpacaOptionEvents.read(broker.options(), null, s -> BigDecimal.ZERO)));
            assertEquals(counted, ledger.bySymbol());
            assertEquals(1, journal.recent(50).stream().filter(j -> j.kind().equals("option-assignment")).count());
            assertEquals(1, journal.recent(50).stream().filter(j -> j.kind().equals("option-expiry")).count());
        }
    }

    @Test
    void anActivityWithAGarbageSymbolRejectsTheAnswer() {
        broker.submit(leg("g-1", CALL_500, Side.BUY, 1));
        server.settle();
        server.expireOptions(EXPIRY, "QQQ", 400.00);
        server.tamper("GET", "/v2/account/activities/OPEXP", body -> body.replace("QQQ260320C00500000", "QQQ261320C00500000"), 1);
        MalformedBrokerAnswerException e = assertThrows(MalformedBrokerAnswerException.class,
                () -> broker.options().activities(AlpacaOptions.ActivityType.OPEXP, null));
        assertTrue(e.getMessage().contains("symbol"), e.getMessage());
    }
}
