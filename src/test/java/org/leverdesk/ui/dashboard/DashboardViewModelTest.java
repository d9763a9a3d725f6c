package org.leverdesk.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.leverdesk.ui.TestTaskExecutor;

class DashboardViewModelTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void showsTheAccountPositionsAndStrategies() {
        DashboardViewModel vm = new DashboardViewModel(DashboardSamples::paperAccount, new TestTaskExecutor(), NEW_YORK);
        vm.refresh();
        assertEquals("Dashboard — paper account", vm.titleProperty().get());
        assertEquals(102_340.50, vm.equityProperty().get());
        assertEquals("cash $61,840.50 · buying power $61,840.50", vm.equityTextProperty().get());
        // -1,210.25 / (102,340.50 + 1,210.25) = -1.1687%
        assertEquals("-1.17% since yesterday's close", vm.dayProfitTextProperty().get());
        assertEquals(2_340.50, vm.totalProfitProperty().get());
        assertEquals("since start ($100,000.00)", vm.totalProfitTextProperty().get());
        assertEquals(List.of("TQQQ", "QQQ"), vm.positions().stream().map(DashboardSnapshot.PositionRow::symbol).toList());
        assertEquals("BULL", vm.strategies().get(0).regime());
        assertEquals("Scheduler: running, next job Mon 2026-11-23 15:50 ET", vm.schedulerStateProperty().get());
        assertEquals("Trading: ACTIVE", vm.tradingStateProperty().get());
        assertEquals("updated 2026-11-20 16:05", vm.updatedTextProperty().get());
        assertEquals("", vm.errorMessageProperty().get());
    }

    @Test
    void onlyALiveAccountSaysLiveAPaperAccountsStrategiesRunOnPaper() {
        DashboardViewModel paper = new DashboardViewModel(DashboardSamples::paperAccount, new TestTaskExecutor(), NEW_YORK);
        paper.refresh();
        assertFalse(paper.liveProperty().get());
        DashboardSnapshot.StrategyRow enabled = paper.strategies().stream().filter(DashboardSnapshot.StrategyRow::enabled)
                .findFirst().orElseThrow();
        assertEquals("on · paper", paper.runsText(enabled), "a paper account said \"Live: on\"");
        assertFalse(paper.titleProperty().get().contains("LIVE"));

        DashboardSnapshot s = DashboardSamples.paperAccount();
        DashboardSnapshot live = new DashboardSnapshot("alpaca-live", true, s.account(), null, s.positions(), s.strategies(),
                s.schedulerState(), s.tradingState(), s.asOf());
        DashboardViewModel real = new DashboardViewModel(() -> live, new TestTaskExecutor(), NEW_YORK);
        real.refresh();
        assertEquals("on · LIVE", real.runsText(enabled));
        assertEquals("Dashboard — alpaca-live account · LIVE (real money)", real.titleProperty().get());
        DashboardSnapshot.StrategyRow off = new DashboardSnapshot.StrategyRow("rsi2", false, 0.5, "—", "no decision yet", null);
        assertEquals("off", real.runsText(off));
    }

    @Test
    void pauseResumeAndTheKillSwitchAreOfferedExactlyAsInTheOrdersView() {
        org.leverdesk.ui.orders.TradingControls.State[] state = {org.leverdesk.ui.orders.TradingControls.State.ACTIVE};
        org.leverdesk.ui.orders.TradingControls controls = new org.leverdesk.ui.orders.TradingControls() {
            @Override
            public void pause() {
                state[0] = State.PAUSED;
            }

            @Override
            public void resume() {
                state[0] = State.ACTIVE;
            }

            @Override
            public void halt() {
                state[0] = State.HALTED;
            }

            @Override
            public State state() {
                return state[0];
            }
        };
        DashboardViewModel vm = new DashboardViewModel(DashboardSamples::paperAccount, controls, new TestTaskExecutor(), NEW_YORK);
        assertFalse(vm.canResume(), "nothing known yet: nothing offered");
        vm.refresh();
        // active: Resume was enabled here while the Orders view's was disabled
        assertFalse(vm.canResume());
        assertTrue(vm.canPause());
        assertTrue(vm.canHalt());
        vm.pause();
        assertTrue(vm.canResume());
        assertFalse(vm.canPause());
        vm.halt();
        assertTrue(vm.canResume());
        assertFalse(vm.canHalt());
        vm.resume();
        assertFalse(vm.canResume());
        for (var st : org.leverdesk.ui.orders.TradingControls.State.values()) {
            assertEquals(st != org.leverdesk.ui.orders.TradingControls.State.ACTIVE, st.canResume(), st.name());
        }
    }

    @Test
    void anUnreadableAccountShowsWhyAndKeepsTheRest() {
        DashboardSnapshot s = DashboardSamples.paperAccount();
        DashboardSnapshot broken = new DashboardSnapshot("alpaca-paper", null,
                "Alpaca did not answer in 10 s; the dashboard will try again", List.of(), s.strategies(),
                s.schedulerState(), s.tradingState(), s.asOf());
        DashboardViewModel vm = new DashboardViewModel(() -> broken, new TestTaskExecutor(), NEW_YORK);
        vm.refresh();
        assertTrue(Double.isNaN(vm.equityProperty().get()));
        assertEquals("—", vm.equityTextProperty().get());
        assertEquals("Alpaca did not answer in 10 s; the dashboard will try again", vm.errorMessageProperty().get());
        assertEquals(2, vm.strategies().size());
    }

    @Test
    void aFailingSourceIsReportedAndTheNextRefreshRecovers() {
        AtomicInteger calls = new AtomicInteger();
        DashboardViewModel vm = new DashboardViewModel(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("store is closed");
            }
            return DashboardSamples.paperAccount();
        }, new TestTaskExecutor(), NEW_YORK);
        vm.refresh();
        assertEquals("Could not refresh the dashboard: store is closed", vm.errorMessageProperty().get());
        assertFalse(vm.loadingProperty().get());
        vm.refresh();
        assertEquals("", vm.errorMessageProperty().get());
        assertEquals(102_340.50, vm.equityProperty().get());
    }

    @Test
    void aRefreshWhileOneIsRunningIsSkipped() {
        AtomicInteger calls = new AtomicInteger();
        TestTaskExecutor executor = new TestTaskExecutor().hold();
        DashboardViewModel vm = new DashboardViewModel(() -> {
            calls.incrementAndGet();
            return DashboardSamples.paperAccount();
        }, executor, NEW_YORK);
        vm.refresh();
        vm.refresh();
        vm.refresh();
        assertEquals(1, executor.pendingCount());
        executor.runPending();
        assertEquals(1, calls.get());
        vm.refresh();
        executor.runPending();
        assertEquals(2, calls.get());
    }

    @Test
    void theControlsReachTheTradingSwitchesAndRefresh() {
        java.util.List<String> calls = new java.util.ArrayList<>();
        AtomicInteger snapshots = new AtomicInteger();
        org.leverdesk.ui.orders.TradingControls controls = new org.leverdesk.ui.orders.TradingControls() {
            private State state = State.ACTIVE;
            @Override public void pause() { calls.add("pause"); state = State.PAUSED; }
            @Override public void resume() { calls.add("resume"); state = State.ACTIVE; }
            @Override public void halt() { calls.add("halt"); state = State.HALTED; }
            @Override public State state() { return state; }
        };
        DashboardViewModel vm = new DashboardViewModel(() -> {
            snapshots.incrementAndGet();
            return DashboardSamples.paperAccount();
        }, controls, new TestTaskExecutor(), NEW_YORK);
        assertTrue(vm.hasControls());
        vm.pause();
        vm.halt();
        vm.resume();
        assertEquals(List.of("pause", "halt", "resume"), calls);
        assertEquals(3, snapshots.get());
        assertFalse(new DashboardViewModel(DashboardSamples::paperAccount, new TestTaskExecutor(), NEW_YORK).hasControls());
    }

    @Test
    void theLastDecisionIsShownToItsFirstReasonAndWholeOnHover() {
        String regime = "2026-12-04: buy 492 TQQQ; all 16 gates pass; STRONG BULL (raw STRONG BULL): target 492 TQQQ = 70%"
                + " allocation × momentum 1.00 of $15,000.00 at $21.33; held 0";
        assertEquals("2026-12-04: buy 492 TQQQ; all 16 gates pass …", DashboardViewModel.briefDecision(regime));
        assertEquals("2026-12-04: hold 35 QQQM; not the month's last session",
                DashboardViewModel.briefDecision("2026-12-04: hold 35 QQQM; not the month's last session"));
        assertEquals("no decision yet", DashboardViewModel.briefDecision("no decision yet"));
        assertEquals(org.leverdesk.ui.common.Formats.MISSING, DashboardViewModel.briefDecision(null));
    }
}
