package org.leverdesk.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.CancelReport;
import org.leverdesk.broker.CloseOutcome;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/**
 * Cancelling and closing against Alpaca's asynchronous cancels (issue #20, items 2 and 3): the cancel-all
 * report is built from the spec's {id, status} reply and re-reads, per-order failures reach the caller,
 * and closing never races a pending cancel.
 */
class AlpacaCancelAndCloseTest {
    private FakeAlpacaServer server;
    private AlpacaBroker broker;

    @BeforeEach
    void start() {
        server = FakeAlpacaServer.start();
        broker = AlpacaBroker.create(server.settings());
        server.setQuote("QQQ", 400.00, 400.10);
        broker.submit(market("cc-buy", 10));
        server.settle();
    }

    @AfterEach
    void stop() {
        broker.close();
        server.close();
    }

    private static OrderRequest market(String id, int qty) {
        return new OrderRequest(id, "QQQ", Side.BUY, BigDecimal.valueOf(qty), OrderType.MARKET, TimeInForce.DAY, null, null);
    }

    private static OrderRequest limit(String id, Side side, int qty, String price) {
        return new OrderRequest(id, "QQQ", side, BigDecimal.valueOf(qty), OrderType.LIMIT, TimeInForce.GTC, new BigDecimal(price), null);
    }

    @Test
    void anOrderAlpacaCannotCancelIsAFailureWithItsReasonNotOnlyALogLine() {
        broker.submit(limit("cc-a", Side.BUY, 1, "390"));
        broker.submit(limit("cc-b", Side.BUY, 1, "380"));
        server.settle();
        server.failCancel("cc-b");
        CancelReport report = broker.cancelAllReported();
        assertEquals(List.of("cc-a"), report.requested().stream().map(BrokerOrder::clientOrderId).toList());
        assertEquals(1, report.failures().size());
        CancelReport.Failure f = report.failures().get(0);
        assertEquals("cc-b", f.order().clientOrderId());
        assertTrue(f.reason().contains("Alpaca could not cancel it (HTTP 500)"), f.reason());
        server.settle();
        assertEquals(List.of("cc-b"), broker.openOrders().stream().map(BrokerOrder::clientOrderId).toList());
    }

    @Test
    void anOrderStillOpenThatTheReplyLeftOutIsAFailureFoundByTheReRead() {
        broker.submit(limit("cc-a", Side.BUY, 1, "390"));
        broker.submit(limit("cc-b", Side.BUY, 1, "380"));
        server.settle();
        // The reply names only one order (and the fake still cancels both): then it names cc-a only and
        // cc-b is cancelled without a word, so the report must come from the re-read, not the reply.
        server.tamper("DELETE", "/v2/orders", body -> keepFirst(body), 1);
        server.setTiming(server.timing().withCancel(Duration.ofSeconds(30)));
        CancelReport report = broker.cancelAllReported();
        assertEquals(1, report.requested().size(), report.toString());
        assertEquals(1, report.failures().size(), report.toString());
        assertTrue(report.failures().get(0).reason().startsWith("still open and Alpaca did not report cancelling it"),
                report.failures().get(0).reason());
    }

    @Test
    void cancelAllOnTheSpecsReplyReportsEveryOrderEvenWithoutOrderBodies() {
        broker.submit(limit("cc-a", Side.BUY, 1, "390"));
        broker.submit(limit("cc-s", Side.SELL, 5, "450"));
        server.settle();
        List<BrokerOrder> cancelled = broker.cancelAll();
        assertEquals(List.of("cc-a", "cc-s"), cancelled.stream().map(BrokerOrder::clientOrderId).sorted().toList());
        assertTrue(cancelled.stream().allMatch(o -> o.symbol().equals("QQQ") && o.quantity().signum() > 0));
    }

    @Test
    void closingWithoutWaitingForThePendingCancelIsRefusedByAlpaca() {
        // What the adapter used to do: cancel, then close at once. Alpaca answers 403 while the cancel is pending.
        BrokerOrder tp = broker.submit(limit("cc-tp", Side.SELL, 10, "450"));
        server.settle();
        broker.cancel(tp.brokerOrderId());
        AlpacaSession.Answer a = broker.session().rest("DELETE", "positions/QQQ");
        assertEquals(403, a.status());
        assertTrue(a.message().contains("insufficient qty available for order (requested: 10, available: 0)"), a.message());
    }

    @Test
    void closePositionWaitsForTheCancelAndClosesOnce() {
        server.setTiming(server.timing().withCancel(Duration.ofMillis(400)));
        broker.submit(limit("cc-tp", Side.SELL, 5, "450"));
        broker.submit(limit("cc-sl", Side.SELL, 5, "450.50"));
        server.settle();
        BrokerOrder closing = broker.closePosition("QQQ").orElseThrow();
        assertEquals(1, server.count("DELETE", "/v2/positions/QQQ"));
        assertEquals(OrderStatus.CANCELED, broker.orderByClientOrderId("cc-tp").orElseThrow().status());
        assertEquals(OrderStatus.CANCELED, broker.orderByClientOrderId("cc-sl").orElseThrow().status());
        server.settle();
        assertEquals(OrderStatus.FILLED, broker.orderByClientOrderId(closing.clientOrderId()).orElseThrow().status());
        assertTrue(broker.positions().isEmpty());
    }

    @Test
    void aCancelThatNeverEndsLeavesThePositionAloneWithAClearReason() {
        server.setTiming(server.timing().withCancel(Duration.ofHours(1)));
        broker.setCancelWait(Duration.ofMillis(400));
        broker.submit(limit("cc-tp", Side.SELL, 10, "450"));
        server.settle();
        BrokerException e = assertThrows(BrokerException.class, () -> broker.closePosition("QQQ"));
        assertTrue(e.getMessage().startsWith("did not close the QQQ position: 1 order(s) still open after asking to cancel them"),
                e.getMessage());
        assertTrue(e.getMessage().contains("cc-tp"), e.getMessage());
        assertEquals(0, server.count("DELETE", "/v2/positions/QQQ"), "no close sent into a pending cancel");
    }

    @Test
    void closeAllWaitsForPendingCancelsSoNoPositionMeetsA403() {
        server.setTiming(server.timing().withCancel(Duration.ofMillis(300)));
        broker.submit(limit("cc-tp", Side.SELL, 10, "450"));
        server.settle();
        List<CloseOutcome> out = broker.closeAllPositions();
        assertEquals(1, out.size());
        assertTrue(out.get(0).closed(), out.get(0).detail());
        server.settle();
        assertTrue(broker.positions().isEmpty());
    }

    private static String keepFirst(String body) {
        try {
            ObjectMapper json = new ObjectMapper();
            ArrayNode items = (ArrayNode) json.readTree(body);
            while (items.size() > 1) {
                items.remove(items.size() - 1);
            }
            return json.writeValueAsString(items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
