package org.leverdesk.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.domain.Side;
import org.leverdesk.emergency.EmergencyExit;
import org.leverdesk.emergency.EmergencyScope;
import org.leverdesk.testing.MemoryEmergencyRecord;
import org.leverdesk.ui.FakeBroker;
import org.leverdesk.ui.common.ConfirmPrompt;
import org.leverdesk.ui.dashboard.DashboardSnapshot.PositionRow;
import org.leverdesk.ui.orders.PanicClose;
import org.leverdesk.ui.orders.PanicReport;
import org.leverdesk.ui.orders.StrategyClose;

/**
 * The Dashboard's "Close strategy…" without a window: the question names the strategy and what it holds, a yes runs the
 * one emergency exit (the window's {@link PanicClose}) with that strategy's scope, a no sends nothing, and a close that
 * did not work leaves one line saying so.
 */
class StrategyCloseViewModelTest {
    private static final Instant NOW = Instant.parse("2026-03-04T19:30:00Z");

    // regime holds TQQQ and has a resting buy in it; QQQ belongs to another strategy and must stay
    private final FakeBroker broker = new FakeBroker(NOW, "2000", "12000")
            .hold("TQQQ", "100", "50", "55")
            .hold("QQQ", "10", "510", "500");
    private final List<PositionRow> shown = List.of(new PositionRow("TQQQ", 100, 55, 5500, 500),
            new PositionRow("QQQ", 10, 500, 5000, -100));
    /** The journal the exit wrote: "strategy: message". */
    private final MemoryEmergencyRecord record = new MemoryEmergencyRecord(true);
    private final List<String> asked = new ArrayList<>();
    private final List<String> scoped = new ArrayList<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private PanicClose panic;

    private StrategyCloseViewModel model(boolean yes) {
        return model(broker, yes);
    }

    private StrategyCloseViewModel model(org.leverdesk.broker.Broker b, boolean yes) {
        EmergencyExit exit = new EmergencyExit(b, record, null, Clock.systemUTC(), Duration.ofSeconds(2), Duration.ofMillis(20),
                d -> Thread.sleep(d.toMillis()), null);
        panic = new PanicClose(exit, Duration.ofSeconds(10), Runnable::run);
        StrategyClose close = new StrategyClose(panic, id -> {
            scoped.add(id);
            if (!id.equals("regime")) {
                throw new IllegalArgumentException("unknown strategy '" + id + "'; known: regime");
            }
            return EmergencyScope.strategy(id, Set.of("TQQQ"), Set.of(), false);
        });
        ConfirmPrompt prompt = (header, details, action) -> {
            asked.add(header + "\n" + details + "\n[" + action + "]");
            return yes;
        };
        StrategyCloseViewModel vm = new StrategyCloseViewModel(close, prompt);
        vm.setOnClosed(() -> closed.complete(null));
        return vm;
    }

    @Test
    void aConfirmedCloseRunsTheEmergencyExitOfThatStrategyAndShowsItsReport() throws Exception {
        broker.rest("ld-regime-v1-20260304-buy-TQQQ", "TQQQ", Side.BUY, "20", "50");
        StrategyCloseViewModel vm = model(true);

        vm.close("regime", shown);
        closed.get(10, TimeUnit.SECONDS);

        assertEquals(List.of("regime"), scoped);
        assertEquals(1, asked.size());
        String question = asked.get(0);
        assertTrue(question.startsWith("Close strategy regime now?\nCloses strategy regime (TQQQ) at fake: "), question);
        // another strategy's QQQ is not named
        assertTrue(question.contains("\n\nHeld now: TQQQ 100.\n\n"), question);
        assertTrue(question.endsWith("[Close regime]"), question);
        // only regime's symbol: its order cancelled and its shares sold; QQQ stays, and the account is not halted
        assertEquals(List.of("QQQ"), broker.positions().stream().map(BrokerPosition::symbol).toList());
        assertTrue(broker.openOrders().isEmpty(), broker.openOrders().toString());
        assertFalse(record.lines().contains("HALTED"), record.lines().toString());
        assertTrue(record.lines().stream().allMatch(j -> j.startsWith("regime: ")), record.lines().toString());
        assertEquals("Close strategy regime (TQQQ) at fake: 1 order cancelled, 1 position closed, flat",
                vm.reportSummaryProperty().get());
        List<String> lines = vm.reportLines().stream().map(PanicReport.Line::toString).toList();
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("✓ order ld-regime-v1-20260304-buy-TQQQ (BUY 20 TQQQ) — CANCELED", lines.get(0));
        assertTrue(lines.get(1).startsWith("✓ TQQQ 100 — closed - closing order "), lines.get(1));
        assertTrue(lines.get(2).startsWith("✓ result — FLAT"), lines.get(2));
        assertEquals("", vm.errorProperty().get());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void aCancelledQuestionSendsNothing() {
        StrategyCloseViewModel vm = model(false);

        vm.close("regime", shown);

        assertEquals(1, asked.size());
        assertEquals(2, broker.positions().size());
        assertEquals(0, broker.closeAllCalls());
        assertTrue(record.lines().isEmpty(), record.lines().toString());
        assertFalse(vm.runningProperty().get());
        assertEquals("regime not closed: nothing was sent", vm.messageProperty().get());
        assertTrue(vm.reportLines().isEmpty());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void aCloseThatFailsLeavesOneLineSayingWhatFailed() throws Exception {
        broker.failClosing("TQQQ", "asset TQQQ is halted; the close is rejected");
        StrategyCloseViewModel vm = model(true);

        vm.close("regime", shown);
        closed.get(10, TimeUnit.SECONDS);

        String error = vm.errorProperty().get();
        assertEquals("Close strategy regime (TQQQ) at fake: 0 orders cancelled, 0 positions closed, NOT flat;"
                + " 1 FAILED: check the broker now", error);
        assertFalse(error.contains("\n"));
        PanicReport.Line tqqq = vm.reportLines().stream().filter(l -> l.subject().equals("TQQQ 100")).findFirst().orElseThrow();
        assertEquals(new PanicReport.Line("TQQQ 100", false, "the close failed: asset TQQQ is halted; the close is rejected"), tqqq);
        assertEquals(2, broker.positions().size());
    }

    @Test
    void anUnknownStrategyIsOneLineAndNothingIsAsked() {
        StrategyCloseViewModel vm = model(true);

        vm.close("nosuch", shown);

        assertEquals("Cannot close nosuch: unknown strategy 'nosuch'; known: regime", vm.errorProperty().get());
        assertTrue(asked.isEmpty());
        assertEquals(2, broker.positions().size());
    }

    @Test
    void whileCloseAllRunsItSaysSoAndAsksNothing() throws Exception {
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        org.leverdesk.testing.ForwardingBroker hung = new org.leverdesk.testing.ForwardingBroker(broker) {
            @Override
            public List<BrokerPosition> positions() {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.positions();
            }
        };
        StrategyCloseViewModel vm = model(hung, true);
        CompletableFuture<PanicReport> all = new CompletableFuture<>();
        assertTrue(panic.start(all::complete));

        vm.close("regime", shown);

        assertEquals("Cannot close regime now: another emergency close (Close all or a strategy's) is running; wait for its"
                + " report, then look again", vm.errorProperty().get());
        assertTrue(asked.isEmpty());
        assertFalse(vm.runningProperty().get());
        gate.countDown();
        assertTrue(all.get(10, TimeUnit.SECONDS).allOk());
    }
}
