package org.leverdesk.ui.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.BacktestRequest;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.BacktestRunner;
import org.leverdesk.backtest.parity.ParityCheck;
import org.leverdesk.backtest.parity.ParityReport;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.ui.FakeBacktestRunner;
import org.leverdesk.ui.ManualTimer;
import org.leverdesk.ui.TestTaskExecutor;

/** Live re-runs on parameter changes (debounced, superseded runs cancelled), "Replay as live", and results released when replaced. */
class BacktestLiveAndReplayTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2024, 6, 28).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    /** The fake runner, recording each fast (live) run's request and token. */
    private static final class Recording implements BacktestRunner {
        final FakeBacktestRunner fake = new FakeBacktestRunner();
        final List<BacktestRequest> live = new ArrayList<>();
        final List<CancellationToken> tokens = new ArrayList<>();
        int full;

        @Override
        public List<StrategyInfo> strategies() {
            return fake.strategies();
        }

        @Override
        public BacktestResult run(BacktestRequest request, ProgressListener progress, CancellationToken cancel) {
            full++;
            return fake.run(request, progress, cancel);
        }

        @Override
        public BacktestResult runWithoutDecisions(BacktestRequest request, ProgressListener progress, CancellationToken cancel) {
            live.add(request);
            tokens.add(cancel);
            return fake.run(request, progress, cancel);
        }

        @Override
        public BarSeries bars(String symbol, LocalDate from, LocalDate to) {
            return fake.bars(symbol, from, to);
        }
    }

    private final Recording runner = new Recording();
    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final ManualTimer timer = new ManualTimer();
    private final AtomicReference<ParityReport> parityAnswer = new AtomicReference<>();
    private final List<BacktestRequest> replayed = new ArrayList<>();
    private final ParityCheck parity = (request, progress, cancel) -> {
        replayed.add(request);
        progress.progress(0.5, "2020-03-16");
        cancel.throwIfCancelled();
        return parityAnswer.get();
    };
    private final BacktestViewModel vm = new BacktestViewModel(runner, null, parity, executor, CLOCK, StrategyCatalog.builtIn(), timer);

    private void runOnceWithLiveOn() {
        vm.liveProperty().set(true);
        vm.run();
        assertEquals(1, runner.full);
        assertFalse(vm.metricRows().isEmpty());
    }

    @Test
    void aParameterChangeReRunsTheShownBacktestAfterTheQuietTimeAndShowsItWithoutSaving() {
        runOnceWithLiveOn();
        vm.form().field("fastPeriod").valueProperty().set("40");
        assertTrue(runner.live.isEmpty(), "nothing before the debounce time");
        timer.advance(BacktestViewModel.LIVE_QUIET_MS);
        assertEquals(1, runner.live.size());
        assertEquals("40", runner.live.get(0).parameters().get("fastPeriod"));
        assertEquals(1, runner.full, "the fast path, not a full run");
        assertFalse(vm.metricRows().isEmpty());
        assertFalse(vm.equitySeriesProperty().get().isEmpty());
        assertTrue(vm.resultTitleProperty().get().startsWith("Live · not saved"), vm.resultTitleProperty().get());
        assertEquals(BacktestViewModel.LIVE_QUIET_MS, vm.liveLatencyMillisProperty().get(), 0.001,
                "change to metrics on screen: the quiet time plus the (instant) run");
    }

    @Test
    void aBurstOfChangesRunsOnceWithTheLastValue() {
        runOnceWithLiveOn();
        for (String v : List.of("41", "42", "43", "44")) {
            vm.form().field("fastPeriod").valueProperty().set(v);
            timer.advance(4);
        }
        timer.advance(50);
        assertEquals(1, runner.live.size(), "debounced to one run");
        assertEquals("44", runner.live.get(0).parameters().get("fastPeriod"));
    }

    @Test
    void aNewChangeCancelsTheRunInFlightAndOnlyTheNewestResultIsShown() {
        runOnceWithLiveOn();
        executor.hold();
        vm.form().field("fastPeriod").valueProperty().set("30");
        timer.advance(BacktestViewModel.LIVE_QUIET_MS);
        assertEquals(1, executor.pendingCount(), "the first live run is in flight");
        assertTrue(vm.liveRunningProperty().get());
        vm.form().field("fastPeriod").valueProperty().set("35");
        timer.advance(BacktestViewModel.LIVE_QUIET_MS);
        executor.runPending();
        assertEquals(2, runner.tokens.size());
        assertTrue(runner.tokens.get(0).isCancelled(), "superseded run cancelled");
        assertFalse(runner.tokens.get(1).isCancelled());
        assertEquals("35", runner.live.get(1).parameters().get("fastPeriod"));
        assertFalse(vm.liveRunningProperty().get());
        assertTrue(vm.resultTitleProperty().get().startsWith("Live"));
    }

    @Test
    void noReRunWhenLiveIsOffBeforeTheFirstRunOrWhenTheFormIsInvalid() {
        vm.form().field("fastPeriod").valueProperty().set("40");
        timer.advance(100);
        assertTrue(runner.live.isEmpty(), "nothing shown yet: nothing to re-run");
        vm.run();
        vm.form().field("fastPeriod").valueProperty().set("45");
        timer.advance(100);
        assertTrue(runner.live.isEmpty(), "Live is off");
        vm.liveProperty().set(true);
        vm.form().field("fastPeriod").valueProperty().set("not a number");
        timer.advance(100);
        assertTrue(runner.live.isEmpty(), "an invalid form is not run");
    }

    @Test
    void aFullRunOrAStrategySwitchDropsAPendingLiveRun() {
        runOnceWithLiveOn();
        vm.form().field("fastPeriod").valueProperty().set("40");
        vm.run();
        timer.advance(100);
        assertTrue(runner.live.isEmpty());
        vm.form().field("fastPeriod").valueProperty().set("41");
        vm.strategyProperty().set(FakeBacktestRunner.HOLD);
        timer.advance(100);
        assertTrue(runner.live.isEmpty());
    }

    @Test
    void aReplacedResultIsReleased() throws Exception {
        vm.run();
        WeakReference<BacktestResult> first = new WeakReference<>(vm.shownResult());
        assertTrue(first.get() != null);
        vm.run();
        for (int i = 0; i < 20 && first.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(first.get(), "the first result is still reachable after the second replaced it");
        // and a live re-run's replaced result too
        vm.liveProperty().set(true);
        WeakReference<BacktestResult> second = new WeakReference<>(vm.shownResult());
        vm.form().field("fastPeriod").valueProperty().set("40");
        timer.advance(BacktestViewModel.LIVE_QUIET_MS);
        for (int i = 0; i < 20 && second.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(second.get(), "the result a live re-run replaced is still reachable");
    }

    @Test
    void replayAsLiveShowsIdenticalWithTheComparedCounts() {
        parityAnswer.set(new ParityReport("regime", LocalDate.of(2023, 1, 3), LocalDate.of(2024, 6, 28), 375, 375, 12, 12, null));
        vm.fromProperty().set(LocalDate.of(2023, 1, 3));
        vm.form().field("fastPeriod").valueProperty().set("40");
        vm.replayAsLive();
        BacktestRequest asked = replayed.get(0);
        assertEquals("regime", asked.strategyId());
        assertEquals("TQQQ", asked.symbol());
        assertEquals(LocalDate.of(2023, 1, 3), asked.from());
        assertEquals("40", asked.parameters().get("fastPeriod"), "the form's parameters");
        ParityViewModel p = vm.parity();
        assertFalse(p.runningProperty().get());
        assertEquals(Boolean.TRUE, p.identicalProperty().get());
        assertEquals("Identical: the live path did what the backtest did over 375 sessions", p.verdictProperty().get());
        assertEquals(List.of(new ParityViewModel.Row("Sessions replayed", "375"), new ParityViewModel.Row("Decisions (375)", "✓ same"),
                new ParityViewModel.Row("Orders sent by the live path", "12"), new ParityViewModel.Row("Fills (12)", "✓ same"),
                new ParityViewModel.Row("Equity at every close (to the cent)", "✓ same")), p.rows());
        assertTrue(p.headingProperty().get().startsWith("regime on TQQQ 2023-01-03 … 2024-06-28 · $10,000"), p.headingProperty().get());
    }

    @Test
    void replayAsLiveShowsTheFirstDifferenceOnTheRowItConcerns() {
        ParityReport.Difference d = new ParityReport.Difference(LocalDate.of(2023, 3, 1), "fill #3", "2023-03-01 BUY 10 TQQQ at 20.5",
                "2023-03-01 BUY 9 TQQQ at 20.5");
        parityAnswer.set(new ParityReport("regime", LocalDate.of(2023, 1, 3), LocalDate.of(2024, 6, 28), 375, 375, 12, 12, d));
        vm.replayAsLive();
        ParityViewModel p = vm.parity();
        assertEquals(Boolean.FALSE, p.identicalProperty().get());
        assertTrue(p.verdictProperty().get().startsWith("Different: first difference on 2023-03-01 fill #3"), p.verdictProperty().get());
        assertEquals("✓ same", p.rows().get(1).result());
        assertTrue(p.rows().get(3).result().startsWith("✗ 2023-03-01 fill #3: backtest 2023-03-01 BUY 10 TQQQ"), p.rows().get(3).result());
        assertEquals("✓ same", p.rows().get(4).result());
        assertEquals("First difference", p.rows().get(5).check());
    }

    @Test
    void aReplayCanBeCancelledAndABadRequestIsSaidInOneLine() {
        executor.hold();
        vm.replayAsLive();
        assertTrue(vm.parity().runningProperty().get());
        assertTrue(vm.parity().verdictProperty().get().startsWith("Replaying"));
        vm.cancelReplay();
        executor.runPending();
        assertFalse(vm.parity().runningProperty().get());
        assertEquals("Replay cancelled.", vm.parity().verdictProperty().get());
        assertNull(vm.parity().identicalProperty().get());

        BacktestViewModel failing = new BacktestViewModel(runner, null, (r, pr, c) -> {
            throw new IllegalArgumentException("no prices for TQQQ before 2010-02-11\nsecond line");
        }, new TestTaskExecutor(), CLOCK, StrategyCatalog.builtIn(), timer);
        failing.replayAsLive();
        assertEquals("Replay failed: no prices for TQQQ before 2010-02-11", failing.parity().verdictProperty().get());
    }

    @Test
    void withoutAParityServiceThereIsNoReplay() {
        BacktestViewModel plain = new BacktestViewModel(runner, executor, CLOCK);
        assertFalse(plain.canReplayAsLive());
        plain.replayAsLive();
        assertEquals("", plain.parity().verdictProperty().get());
        assertTrue(vm.canReplayAsLive());
    }
}
