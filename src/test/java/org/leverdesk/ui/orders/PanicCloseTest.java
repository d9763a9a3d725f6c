package org.leverdesk.ui.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.Side;
import org.leverdesk.ui.FakeBroker;

/** The panic close on its own thread: everything cancelled and closed, per-position failures, a hung broker. */
class PanicCloseTest {
    private static final Instant NOW = Instant.parse("2026-03-04T19:30:00Z");

    private final FakeBroker broker = new FakeBroker(NOW, "2000", "12000")
            .hold("TQQQ", "100", "50", "55")
            .hold("QQQ", "10", "510", "500");
    private final CompletableFuture<PanicReport> report = new CompletableFuture<>();

    private PanicClose panic(Duration timeout) {
        return new PanicClose(broker, timeout, Runnable::run);
    }

    @Test
    void cancelsEveryOrderAndClosesEveryPositionOnItsOwnThread() throws Exception {
        broker.rest("ld-buy-SQQQ", "SQQQ", Side.BUY, "30", "11.5");
        assertTrue(panic(Duration.ofSeconds(10)).start(report::complete));
        PanicReport r = report.get(10, TimeUnit.SECONDS);

        assertEquals("Closed 2 positions", r.summary());
        assertEquals(List.of(
                new PanicReport.Line("order ld-buy-SQQQ (BUY 30 SQQQ)", true, "cancel requested"),
                new PanicReport.Line("TQQQ 100", true, "closed: sold 100 at 55.00"),
                new PanicReport.Line("QQQ 10", true, "closed: sold 10 at 500.00")), r.lines());
        assertTrue(r.allOk());
        assertTrue(broker.positions().isEmpty());
        assertTrue(broker.openOrders().isEmpty());
        assertEquals(OrderStatus.CANCELED, broker.allOrders().get("fake-1").status());
        // 2,000 + 5,500 + 5,000: closing moved the value into cash
        assertEquals(0, broker.account().cash().compareTo(new java.math.BigDecimal("12500")));
        assertTrue(broker.closeAllThread().startsWith("leverdesk-panic-close-"), broker.closeAllThread());
        assertEquals(1, broker.closeAllCalls());
    }

    @Test
    void aPositionThatCannotBeClosedIsReportedWithItsReason() throws Exception {
        broker.failClosing("QQQ", "asset QQQ is halted; the close is rejected");
        panic(Duration.ofSeconds(10)).start(report::complete);
        PanicReport r = report.get(10, TimeUnit.SECONDS);
        assertEquals("Closed 1, FAILED 1: check the broker now", r.summary());
        assertEquals(new PanicReport.Line("QQQ 10", false, "failed: asset QQQ is halted; the close is rejected"), r.lines().get(1));
        assertFalse(r.allOk());
        assertEquals(List.of("QQQ"), broker.positions().stream().map(p -> p.symbol()).toList());
    }

    @Test
    void anUnreachableBrokerFailsEveryPositionWithTheReason() throws Exception {
        broker.unreachable(true);
        panic(Duration.ofSeconds(10)).start(report::complete);
        PanicReport r = report.get(10, TimeUnit.SECONDS);
        assertFalse(r.allOk());
        assertEquals("Closed 0, FAILED 3: check the broker now", r.summary());
        assertEquals(List.of("list positions", "cancel all open orders", "close all positions"),
                r.lines().stream().map(PanicReport.Line::subject).toList());
        assertTrue(r.lines().stream().allMatch(l -> !l.ok() && l.detail().contains("unreachable")), r.lines().toString());
    }

    @Test
    void itWorksWhileTheSharedTaskExecutorIsBusyWithAJob() throws Exception {
        org.leverdesk.ui.TestTaskExecutor busy = new org.leverdesk.ui.TestTaskExecutor().hold();
        busy.execute(() -> "a backtest that never gets to run", r -> { }, e -> { });
        PanicClose panic = new PanicClose(broker, Duration.ofSeconds(10), busy::runOnUiThread);
        panic.start(report::complete);
        assertEquals("Closed 2 positions", report.get(10, TimeUnit.SECONDS).summary());
        assertEquals(1, busy.pendingCount(), "the job is still waiting; the close did not need the executor");
    }

    @Test
    void aHungBrokerTimesOutAndASecondPressWaitsForTheFirst() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        broker.holdCloseAllOn(gate);
        PanicClose panic = panic(Duration.ofMillis(300));
        assertTrue(panic.start(report::complete));
        assertFalse(panic.start(r -> { }), "a second press while closing does nothing");
        PanicReport r = report.get(10, TimeUnit.SECONDS);
        assertEquals("No answer from fake within 300 ms: the close may still complete there; check the positions at the broker",
                r.summary());
        assertFalse(panic.isRunning());
        gate.countDown();
    }
}
