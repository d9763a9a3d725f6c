package org.leverdesk.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.MalformedBrokerAnswerException;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/**
 * The fault matrix of issue #14 against the Alpaca adapter: with 40 TQQQ held and an order resting,
 * each broken answer (malformed body, missing, null or garbled field) makes the whole answer invalid
 * with a {@link MalformedBrokerAnswerException} naming the endpoint and the field, never a raw parser
 * exception and never a quantity of 0; well-formed surprises (an empty positions answer, a partial fill,
 * a late rejection) are read as they are.
 */
class AlpacaFaultMatrixTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeAlpacaServer server;
    private AlpacaBroker broker;

    @BeforeEach
    void start() {
        server = FakeAlpacaServer.start();
        broker = AlpacaBroker.create(server.settings());
        server.setQuote("TQQQ", 49.99, 50.01);
        broker.submit(new OrderRequest("fm-buy", "TQQQ", Side.BUY, BigDecimal.valueOf(40), OrderType.MARKET, TimeInForce.DAY, null, null));
        broker.submit(new OrderRequest("fm-rest", "TQQQ", Side.BUY, BigDecimal.valueOf(10), OrderType.LIMIT, TimeInForce.GTC,
                new BigDecimal("45"), null));
        server.settle();
        assertEquals(0, new BigDecimal("40").compareTo(server.held("TQQQ")));
    }

    @AfterEach
    void stop() {
        broker.close();
        server.close();
    }

    /** One broken answer: which request, how its body is broken, the call that reads it, and the field the error names. */
    record Row(String name, String method, String path, UnaryOperator<String> edit, Function<Broker, Object> call, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> brokenAnswers() {
        Function<Broker, Object> positions = Broker::positions;
        Function<Broker, Object> openOrders = Broker::openOrders;
        return Stream.of(
                new Row("positions: qty missing", "GET", "/v2/positions", first(p -> p.remove("qty")), positions,
                        "GET /v2/positions is invalid: [0].qty is missing"),
                new Row("positions: qty null", "GET", "/v2/positions", first(p -> p.putNull("qty")), positions,
                        "GET /v2/positions is invalid: [0].qty is null"),
                new Row("positions: qty garbled 4O", "GET", "/v2/positions", first(p -> p.put("qty", "4O")), positions,
                        "GET /v2/positions is invalid: [0].qty is '4O', not a number"),
                new Row("positions: side unknown", "GET", "/v2/positions", first(p -> p.put("side", "flat")), positions,
                        "[0].side is 'flat', not one of"),
                new Row("positions: avg_entry_price empty", "GET", "/v2/positions", first(p -> p.put("avg_entry_price", "")), positions,
                        "[0].avg_entry_price is '', not a number"),
                new Row("positions: truncated body", "GET", "/v2/positions", b -> b.substring(0, b.length() / 2), positions,
                        "GET /v2/positions is invalid: body is not JSON"),
                new Row("positions: empty body", "GET", "/v2/positions", b -> "", positions,
                        "GET /v2/positions is invalid: body is empty"),
                new Row("positions: an object instead of a list", "GET", "/v2/positions", b -> "{}", positions,
                        "GET /v2/positions is invalid: is an object, not a JSON array"),
                new Row("open orders: filled_qty garbled", "GET", "/v2/orders", first(o -> o.put("filled_qty", "x")), openOrders,
                        "GET /v2/orders is invalid: [0].filled_qty is 'x', not a number"),
                new Row("open orders: status missing", "GET", "/v2/orders", first(o -> o.remove("status")), openOrders,
                        "[0].status is missing"),
                new Row("open orders: limit order without limit price", "GET", "/v2/orders", first(o -> o.putNull("limit_price")),
                        openOrders, "[0].limit_price is missing on a limit order"),
                new Row("order look-up: qty null", "GET", "/v2/orders:by_client_order_id", object(o -> o.putNull("qty")),
                        b -> b.orderByClientOrderId("fm-rest"), "GET /v2/orders:by_client_order_id is invalid: qty is null"),
                new Row("order look-up: filled more than ordered", "GET", "/v2/orders:by_client_order_id",
                        object(o -> o.put("filled_qty", "11")), b -> b.orderByClientOrderId("fm-rest"),
                        "filled_qty is 11, outside 0 to the order's 10"),
                new Row("account: cash garbled", "GET", "/v2/account", object(a -> a.put("cash", "1OO000")), Broker::account,
                        "GET /v2/account is invalid: cash is '1OO000', not a number"),
                new Row("account: buying power missing", "GET", "/v2/account", object(a -> a.remove("buying_power")),
                        Broker::account, "buying_power is missing"),
                new Row("clock: is_open missing", "GET", "/v2/clock", object(c -> c.remove("is_open")), Broker::clock,
                        "GET /v2/clock is invalid: is_open is missing"),
                new Row("clock: timestamp garbled", "GET", "/v2/clock", object(c -> c.put("timestamp", "soon")), Broker::clock,
                        "timestamp is 'soon', not an RFC 3339 time"));
    }

    @ParameterizedTest
    @MethodSource("brokenAnswers")
    void aBrokenAnswerIsRejectedWholeWithOneLineNamingTheEndpointAndField(Row row) {
        server.tamper(row.method(), row.path(), row.edit(), 1);
        MalformedBrokerAnswerException e = assertThrows(MalformedBrokerAnswerException.class, () -> row.call().apply(broker));
        assertTrue(e.getMessage().contains(row.expected()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        // The next, well-formed answer reads normally again: nothing was cached from the broken one.
        row.call().apply(broker);
    }

    @Test
    void anOrderAnswerOfEmptyBracesIsNotSentButMayBeLookedUp() {
        server.tamper("POST", "/v2/orders", b -> "{}", 1);
        MalformedBrokerAnswerException e = assertThrows(MalformedBrokerAnswerException.class, () -> broker.submit(
                new OrderRequest("fm-empty", "TQQQ", Side.SELL, BigDecimal.TEN, OrderType.MARKET, TimeInForce.DAY, null, null)));
        assertTrue(e.getMessage().contains("POST /v2/orders is invalid"), e.getMessage());
        assertTrue(e.getMessage().contains("it may have been placed, look it up by its client order id"), e.getMessage());
        assertTrue(e.getMessage().contains("is an empty object {}"), e.getMessage());
        assertEquals(3, server.orderBodies().size(), "two orders of the set-up and this one, not sent again");
        // Alpaca did take it: the look-up the caller does next finds it.
        BrokerOrder found = broker.orderByClientOrderId("fm-empty").orElseThrow();
        assertEquals(Side.SELL, found.side());
    }

    @Test
    void aTruncatedOrderAnswerIsTheSameExceptionNotARawParserError() {
        server.tamper("POST", "/v2/orders", b -> b.substring(0, 40), 1);
        MalformedBrokerAnswerException e = assertThrows(MalformedBrokerAnswerException.class, () -> broker.submit(
                new OrderRequest("fm-cut", "TQQQ", Side.SELL, BigDecimal.TEN, OrderType.MARKET, TimeInForce.DAY, null, null)));
        assertTrue(e.getMessage().contains("body is not JSON"), e.getMessage());
    }

    @Test
    void anOrderAnswerForAnotherClientOrderIdIsRejected() {
        server.tamper("POST", "/v2/orders", json(o -> ((ObjectNode) o).put("client_order_id", "someone-else")), 1);
        MalformedBrokerAnswerException e = assertThrows(MalformedBrokerAnswerException.class, () -> broker.submit(
                new OrderRequest("fm-mine", "TQQQ", Side.SELL, BigDecimal.TEN, OrderType.MARKET, TimeInForce.DAY, null, null)));
        assertTrue(e.getMessage().contains("client_order_id is 'someone-else', not the 'fm-mine' sent"), e.getMessage());
    }

    @Test
    void anEmptyPositionsAnswerIsReadAsNoPositions() {
        // Well formed, so the adapter cannot know better: it reports what Alpaca said. Telling this from
        // a real "flat" is reconciliation's job (the store's last snapshot and filled orders disagree).
        server.tamper("GET", "/v2/positions", b -> "[]", 1);
        assertEquals(List.of(), broker.positions());
        assertEquals(1, broker.positions().size());
    }

    @Test
    void aPartialFillIsReadWithItsFilledQuantityAndPrice() {
        broker.submit(new OrderRequest("fm-part", "TQQQ", Side.SELL, BigDecimal.valueOf(40), OrderType.LIMIT, TimeInForce.DAY,
                new BigDecimal("60"), null));
        server.settle();
        server.partialFill("fm-part", BigDecimal.valueOf(15));
        BrokerOrder part = broker.orderByClientOrderId("fm-part").orElseThrow();
        assertEquals(OrderStatus.PARTIALLY_FILLED, part.status());
        assertEquals(0, BigDecimal.valueOf(15).compareTo(part.filledQuantity()));
        assertEquals(0, new BigDecimal("60").compareTo(part.filledAveragePrice()));
        assertTrue(part.isOpen());
        assertEquals(0, BigDecimal.valueOf(25).compareTo(broker.positions().get(0).quantity()));
    }

    @Test
    void aLateRejectionOfAnAcceptedOrderIsReadAsRejected() {
        BrokerOrder accepted = broker.submit(new OrderRequest("fm-late", "TQQQ", Side.BUY, BigDecimal.ONE, OrderType.LIMIT,
                TimeInForce.DAY, new BigDecimal("40"), null));
        assertTrue(accepted.isOpen());
        server.rejectOrder("fm-late");
        assertEquals(OrderStatus.REJECTED, broker.orderByClientOrderId("fm-late").orElseThrow().status());
        assertFalse(broker.openOrders().stream().anyMatch(o -> o.clientOrderId().equals("fm-late")));
    }

    // ---- body edits ----

    private static UnaryOperator<String> json(Consumer<JsonNode> edit) {
        return body -> {
            try {
                JsonNode node = JSON.readTree(body);
                edit.accept(node);
                return JSON.writeValueAsString(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static UnaryOperator<String> first(Consumer<ObjectNode> edit) {
        return json(n -> edit.accept((ObjectNode) n.get(0)));
    }

    private static UnaryOperator<String> object(Consumer<ObjectNode> edit) {
        return json(n -> edit.accept((ObjectNode) n));
    }
}
