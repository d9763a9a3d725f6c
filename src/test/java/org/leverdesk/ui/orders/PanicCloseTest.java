package org.leverdesk.ui.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.domain.Side;
import org.leverdesk.emergency.EmergencyExit;
import org.leverdesk.testing.ForwardingBroker;
import org.leverdesk.testing.MemoryEmergencyRecord;
import org.leverdesk.ui.FakeBroker;

/** The window's Close all runs the one emergency path on its own thread and shows its report line by line. */
class PanicCloseTest {
    private static final Instant NOW = Instant.parse("2026-03-04T19:30:00Z");

    private final FakeBroker broker = new FakeBroker(NOW, "2000", "12000")
            .hold("TQQQ", "100", "50", "55")
            .hold("QQQ", "10", "510", "500");
    private final CompletableFuture<PanicReport> report = new CompletableFuture<>();
    /** What the exit recorded: the halt and the journal, in memory. */
    private final MemoryEmergencyRecord record = new MemoryEmergencyRecord(false);

    private PanicClose panic(org.leverdesk.broker.Broker b, Duration timeout) {
        EmergencyExit exit = new EmergencyExit(b, record, null, Clock.systemUTC(), Duration.ofSeconds(2), Duration.ofMillis(20),
                d -> Thread.sleep(d.toMillis()), null);
        return new PanicClose(exit, timeout, Runnable::run);
    }

    @Test
    void haltsCancelsEveryOrderAndClosesEveryPositionOnItsOwnThread() throws Exception {
        broker.rest("ld-buy-SQQQ", "SQQQ", Side.BUY, "30", "11.5");
        List<String> threads = new ArrayList<>();
        ForwardingBroker watched = new ForwardingBroker(broker) {
            @Override
            public java.util.Optional<org.leverdesk.broker.BrokerOrder> closePosition(String symbol) {
                threads.add(Thread.currentThread().getName());
                return super.closePosition(symbol);
            }
        };
        assertTrue(panic(watched, Duration.ofSeconds(10)).start(report::complete));
        PanicReport r = report.get(10, TimeUnit.SECONDS);

        assertEquals("Close the whole account at fake: 1 order cancelled, 2 positions closed, flat; trading HALTED", r.summary());
        assertEquals(new PanicReport.Line("order ld-buy-SQQQ (BUY 30 SQQQ)", true, "CANCELED"), r.lines().get(1));
        assertEquals("TQQQ 100", r.lines().get(2).subject());
        assertTrue(r.lines().get(2).detail().startsWith("closed - closing order "), r.lines().get(2).detail());
        assertTrue(r.allOk(), r.lines().toString());
        assertTrue(broker.positions().isEmpty());
        assertTrue(broker.openOrders().isEmpty());
        assertEquals("HALTED", record.lines().get(1), "halted right after the request was journalled, before any broker call");
        assertTrue(threads.stream().allMatch(t -> t.startsWith("leverdesk-panic-close-")), threads.toString());
    }

    @Test
    void aPositionThatCannotBeClosedIsReportedWithItsReason() throws Exception {
        broker.failClosing("QQQ", "asset QQQ is halted; the close is rejected");
        panic(broker, Duration.ofSeconds(10)).start(report::complete);
        PanicReport r = report.get(10, TimeUnit.SECONDS);
        assertTrue(r.summary().endsWith("NOT flat; trading HALTED; 1 FAILED: check the broker now"), r.summary());
        PanicReport.Line qqq = r.lines().stream().filter(l -> l.subject().equals("QQQ 10")).findFirst().orElseThrow();
        assertEquals(new PanicReport.Line("QQQ 10", false, "the close failed: asset QQQ is halted; the close is rejected"), qqq);
        assertFalse(r.allOk());
        assertEquals(List.of("QQQ"), broker.positions().stream().map(BrokerPosition::symbol).toList());
    }

    @Test
    void anUnreachableBrokerIsReportedStepByStep() throws Exception {
        broker.unreachable(true);
        panic(broker, Duration.ofSeconds(10)).start(report::complete);
        PanicReport r = report.get(10, TimeUnit.SECONDS);
        assertFalse(r.allOk());
        assertTrue(r.lines().stream().filter(l -> l.subject().equals("step")).allMatch(l -> l.detail().contains("unreachable")),
                r.lines().toString());
        assertEquals("result", r.lines().get(r.lines().size() - 1).subject());
        assertFalse(r.lines().get(r.lines().size() - 1).ok());
    }

    @Test
    void itWorksWhileTheSharedTaskExecutorIsBusyWithAJob() throws Exception {
        org.leverdesk.ui.TestTaskExecutor busy = new org.leverdesk.ui.TestTaskExecutor().hold();
        busy.execute(() -> "a backtest that never gets to run", r -> { }, e -> { });
        EmergencyExit exit = new EmergencyExit(broker, record, null, Clock.systemUTC());
        new PanicClose(exit, Duration.ofSeconds(10), busy::runOnUiThread).start(report::complete);
        assertTrue(report.get(10, TimeUnit.SECONDS).allOk());
        assertEquals(1, busy.pendingCount(), "the job is still waiting; the close did not need the executor");
    }

    @Test
    void aHungBrokerTimesOutAndASecondPressWaitsForTheFirst() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        ForwardingBroker hung = new ForwardingBroker(broker) {
            @Override
            public List<BrokerPosition> positions() {
                try {
                    gate.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.positions();
            }
        };
        PanicClose panic = panic(hung, Duration.ofMillis(300));
        assertTrue(panic.start(report::complete));
        assertFalse(panic.start(r -> { }), "a second press while closing does nothing");
        PanicReport r = report.get(10, TimeUnit.SECONDS);
        assertEquals("No answer from fake within 300 ms: the close may still complete there; check the positions at the broker",
                r.summary());
        assertFalse(panic.isRunning());
        gate.countDown();
    }
}
