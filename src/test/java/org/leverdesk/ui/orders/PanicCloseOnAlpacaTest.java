package org.leverdesk.ui.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.alpaca.AlpacaBroker;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/** The panic close on the Alpaca adapter against the spec-held fake: an order Alpaca cannot cancel is a failed line. */
class PanicCloseOnAlpacaTest {
    @Test
    void anOrderAlpacaCouldNotCancelIsAFailedLineAndThePositionIsStillClosed() throws Exception {
        try (FakeAlpacaServer server = FakeAlpacaServer.start(); AlpacaBroker broker = AlpacaBroker.create(server.settings())) {
            server.setQuote("QQQ", 400.00, 400.10);
            broker.submit(new OrderRequest("pa-buy", "QQQ", Side.BUY, BigDecimal.TEN, OrderType.MARKET, TimeInForce.DAY, null, null));
            broker.submit(new OrderRequest("pa-low", "QQQ", Side.BUY, BigDecimal.ONE, OrderType.LIMIT, TimeInForce.GTC,
                    new BigDecimal("300"), null));
            broker.submit(new OrderRequest("pa-stuck", "QQQ", Side.BUY, BigDecimal.ONE, OrderType.LIMIT, TimeInForce.GTC,
                    new BigDecimal("301"), null));
            server.settle();
            server.failCancel("pa-stuck");

            CompletableFuture<PanicReport> report = new CompletableFuture<>();
            new PanicClose(broker, Duration.ofSeconds(30), Runnable::run).start(report::complete);
            PanicReport r = report.get(60, TimeUnit.SECONDS);

            assertFalse(r.allOk(), r.lines().toString());
            assertTrue(r.lines().contains(new PanicReport.Line("order pa-low (BUY 1 QQQ)", true, "cancel requested")), r.lines().toString());
            PanicReport.Line stuck = r.lines().stream().filter(l -> l.subject().startsWith("order pa-stuck")).findFirst().orElseThrow();
            assertFalse(stuck.ok());
            assertTrue(stuck.detail().startsWith("NOT cancelled: Alpaca could not cancel it (HTTP 500)"), stuck.detail());
            assertTrue(r.lines().stream().anyMatch(l -> l.subject().equals("QQQ 10") && l.ok()), r.lines().toString());
            assertEquals("Closed 1, FAILED 1: check the broker now", r.summary());
        }
    }
}
