package org.leverdesk.ui.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.alpaca.AlpacaBroker;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.emergency.EmergencyExit;
import org.leverdesk.emergency.StoreEmergencyRecord;
import org.leverdesk.store.Store;
import org.leverdesk.store.TradingStateRepository;

/**
 * The window's Close all on the Alpaca adapter against the spec-held fake, through the one emergency
 * path: Alpaca's cancel-all report is used, and an order Alpaca could not cancel is a failed line.
 */
class PanicCloseOnAlpacaTest {
    @TempDir
    Path dir;

    @Test
    void anOrderAlpacaCouldNotCancelIsAFailedLineAndThePositionIsStillClosed() throws Exception {
        try (FakeAlpacaServer server = FakeAlpacaServer.start(); AlpacaBroker broker = AlpacaBroker.create(server.settings());
             Store store = Store.open(dir)) {
            server.setQuote("QQQ", 400.00, 400.10);
            broker.submit(new OrderRequest("pa-buy", "QQQ", Side.BUY, BigDecimal.TEN, OrderType.MARKET, TimeInForce.DAY, null, null));
            broker.submit(new OrderRequest("pa-low", "QQQ", Side.BUY, BigDecimal.ONE, OrderType.LIMIT, TimeInForce.GTC,
                    new BigDecimal("300"), null));
            broker.submit(new OrderRequest("pa-stuck", "QQQ", Side.BUY, BigDecimal.ONE, OrderType.LIMIT, TimeInForce.GTC,
                    new BigDecimal("301"), null));
            server.setQuote("SPY", 600.00, 600.10);
            broker.submit(new OrderRequest("pa-spy", "SPY", Side.BUY, BigDecimal.ONE, OrderType.LIMIT, TimeInForce.GTC,
                    new BigDecimal("500"), null));
            server.settle();
            server.failCancel("pa-stuck");
            server.failCancel("pa-spy");

            Clock clock = Clock.systemUTC();
            EmergencyExit exit = new EmergencyExit(broker, StoreEmergencyRecord.of(store, clock), null, clock,
                    Duration.ofSeconds(3), Duration.ofMillis(200), d -> Thread.sleep(d.toMillis()), null);
            CompletableFuture<PanicReport> report = new CompletableFuture<>();
            new PanicClose(exit, Duration.ofSeconds(60), Runnable::run).start(report::complete);
            PanicReport r = report.get(90, TimeUnit.SECONDS);

            assertFalse(r.allOk(), r.lines().toString());
            assertEquals(new PanicReport.Line("order pa-low (BUY 1 QQQ)", true, "CANCELED"), line(r, "order pa-low"));
            // Refused by the cancel-all, then cancelled when its symbol's position was closed: ok, and said.
            PanicReport.Line stuck = line(r, "order pa-stuck");
            assertTrue(stuck.ok(), stuck.toString());
            assertTrue(stuck.detail().startsWith("CANCELED (the cancel itself failed: Alpaca could not cancel it (HTTP 500)"),
                    stuck.detail());
            // Refused and nothing else touched it: a failed line, and the account is not flat.
            PanicReport.Line spy = line(r, "order pa-spy");
            assertFalse(spy.ok());
            assertTrue(spy.detail().startsWith("the cancel failed: Alpaca could not cancel it (HTTP 500)"), spy.detail());
            assertTrue(r.lines().stream().anyMatch(l -> l.subject().equals("QQQ 10") && l.ok()), r.lines().toString());
            assertTrue(r.summary().contains("NOT flat") && r.summary().endsWith("1 FAILED: check the broker now"), r.summary());
            assertEquals("HALTED", new TradingStateRepository(store, clock).load().orElseThrow().state(),
                    "nothing is bought after it");
        }
    }

    private static PanicReport.Line line(PanicReport r, String subject) {
        return r.lines().stream().filter(l -> l.subject().startsWith(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + subject + " in " + r.lines()));
    }
}
