package org.leverdesk.ui.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.SavedRuns.SavedRun;
import org.leverdesk.domain.Fill;
import org.leverdesk.ui.FakeBacktestRunner;
import org.leverdesk.ui.FakeSavedRuns;
import org.leverdesk.ui.TestTaskExecutor;
import org.leverdesk.ui.common.TaskExecutor;

/** Each successful run is saved through SavedRuns off the UI thread; saved runs are listed and re-opened. */
class BacktestSavedRunsTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2024, 6, 28).atTime(15, 4).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private final FakeBacktestRunner runner = new FakeBacktestRunner();
    private final FakeSavedRuns store = new FakeSavedRuns(CLOCK);
    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final BacktestViewModel vm = new BacktestViewModel(runner, store, executor, CLOCK);

    private SavedRunsViewModel saved() {
        return vm.savedRuns();
    }

    @Test
    void successfulRunIsSavedWithItsParametersAndTheTitleNamesTheRun() {
        vm.form().field("fastPeriod").valueProperty().set("40");
        vm.run();
        assertEquals("New run · saved as run 1 (strategy version 1)", vm.resultTitleProperty().get());
        assertEquals(vm.form().values(), store.parametersOf(1));
        assertEquals("40", store.parametersOf(1).get("fastPeriod"));
        SavedRun row = saved().runs().get(0);
        assertEquals(1, row.id());
        assertEquals("regime", row.strategyId());
        assertEquals("TQQQ", row.symbol());
        assertEquals(LocalDate.of(2014, 6, 28), row.from());
        assertEquals(LocalDate.of(2024, 6, 28), row.to());
        assertEquals(0.5, row.totalReturn());
        assertEquals("2024-06-28 15:04", saved().created(row));
        assertEquals("QQQ regime switch", saved().strategyName(row));
    }

    @Test
    void listGainsARowPerRunNewestFirst() {
        assertTrue(saved().runs().isEmpty());
        vm.run();
        vm.symbolProperty().set("QLD"); // not QQQ: the regime strategy's signal symbol
        vm.run();
        assertEquals(List.of(2L, 1L), saved().runs().stream().map(SavedRun::id).toList());
        assertEquals(List.of("QLD", "TQQQ"), saved().runs().stream().map(SavedRun::symbol).toList());
    }

    @Test
    void listShowsRunsSavedBeforeTheViewOpened() {
        vm.run();
        BacktestViewModel second = new BacktestViewModel(runner, store, executor, CLOCK);
        assertEquals(1, second.savedRuns().runs().size());
    }

    @Test
    void openingASavedRunShowsItsResultAndSaysWhichRunIsShown() {
        vm.fromProperty().set(LocalDate.of(2024, 6, 3)); // Monday .. Friday 2024-06-28: 20 weekdays
        vm.run();
        List<MetricRow> firstMetrics = List.copyOf(vm.metricRows());
        vm.symbolProperty().set("QLD"); // not QQQ: the regime strategy's signal symbol
        vm.fromProperty().set(LocalDate.of(2014, 6, 28));
        vm.run();
        assertEquals("QLD", vm.trades().get(0).symbol());

        SavedRun first = saved().runs().get(1);
        vm.open(first);

        assertEquals("Saved run 1 · created 2024-06-28 15:04 · data: fake prices", vm.resultTitleProperty().get());
        assertEquals(firstMetrics, vm.metricRows());
        assertEquals(List.of("TQQQ", "TQQQ"), vm.trades().stream().map(Fill::symbol).toList());
        assertEquals(20, vm.equitySeriesProperty().get().get(0).size());
        assertEquals(2, vm.drawdownSeriesProperty().get().size());
        assertTrue(vm.statusMessageProperty().get().startsWith("TQQQ 2024-06-03 … 2024-06-28 (20 days)"),
                vm.statusMessageProperty().get());
        assertEquals(2, saved().runs().size(), "opening a run must not save it again");
    }

    @Test
    void openingASavedRunLoadsThePriceChartOfItsSymbolAndRange() {
        vm.fromProperty().set(LocalDate.of(2024, 6, 3));
        vm.run();
        vm.symbolProperty().set("QLD"); // not QQQ: the regime strategy's signal symbol
        vm.run();
        assertEquals("QLD", vm.priceChartProperty().get().bars().symbol());

        vm.open(saved().runs().get(1));

        var price = vm.priceChartProperty().get();
        assertEquals("TQQQ", price.bars().symbol());
        // 20 weekdays 2024-06-03 .. 2024-06-28, warm-up bars before the start are not charted
        assertEquals(20, price.bars().size());
        assertEquals(vm.equitySeriesProperty().get().get(0).x()[0], price.bars().x()[0]);
        assertEquals(2, price.markers().size());
    }

    @Test
    void openingClearsAnOldErrorMessage() {
        vm.run();
        runner.failWith(new IllegalArgumentException("no prices for XYZ; import them in the Data view"));
        vm.run();
        assertEquals("no prices for XYZ; import them in the Data view", vm.errorMessageProperty().get());
        vm.open(saved().runs().get(0));
        assertEquals("", vm.errorMessageProperty().get());
        assertEquals(16, vm.metricRows().size());
    }

    @Test
    void failedSaveKeepsTheResultAndSaysItWasNotSaved() {
        store.failWith(new IllegalStateException("store is read-only"));
        vm.run();
        assertEquals("New run · not saved: store is read-only", vm.resultTitleProperty().get());
        assertEquals(16, vm.metricRows().size());
        assertTrue(saved().runs().isEmpty());
    }

    @Test
    void runsOfAStrategyNoLongerOfferedShowItsId() {
        SavedRun retired = new SavedRun(9, "retired-strategy", "QQQ", LocalDate.of(2020, 1, 2), LocalDate.of(2020, 12, 31),
                CLOCK.instant(), 0.1, 11_000);
        assertEquals("retired-strategy", saved().strategyName(retired));
    }

    @Test
    void failedListingSaysSo() {
        store.failWith(new IllegalStateException("database closed"));
        BacktestViewModel other = new BacktestViewModel(runner, store, executor, CLOCK);
        assertEquals("Could not list saved runs: database closed", other.savedRuns().messageProperty().get());
        store.failWith(null);
        other.savedRuns().refresh();
        assertEquals("", other.savedRuns().messageProperty().get());
    }

    @Test
    void openingARunThatIsGoneSaysSoAndRefreshesTheList() {
        vm.run();
        SavedRun row = saved().runs().get(0);
        store.forget(row.id());
        vm.open(row);
        assertEquals("Run 1 is no longer in the store; the list was refreshed", saved().messageProperty().get());
        assertTrue(saved().runs().isEmpty());
        assertEquals("New run · saved as run 1 (strategy version 1)", vm.resultTitleProperty().get(), "the shown result stays");
    }

    @Test
    void failedOpenNamesTheRunAndTheReason() {
        vm.run();
        store.failWith(new IllegalStateException("corrupt equity blob"));
        vm.open(saved().runs().get(0));
        assertEquals("Could not open run 1: corrupt equity blob", saved().messageProperty().get());
        assertTrue(!saved().openingProperty().get());
    }

    @Test
    void storeCallsRunInTheBackground() {
        vm.run();
        executor.hold();
        vm.open(saved().runs().get(0));
        assertTrue(saved().openingProperty().get());
        assertEquals(1, executor.pendingCount(), "the load waits for the background executor");
        executor.runPending();
        assertTrue(!saved().openingProperty().get());
        assertEquals("Saved run 1 · created 2024-06-28 15:04 · data: fake prices", vm.resultTitleProperty().get());
    }

    @Test
    void openIsIgnoredWhileABacktestRuns() {
        vm.run();
        executor.hold();
        vm.run();
        vm.open(saved().runs().get(0));
        assertEquals(1, executor.pendingCount(), "only the backtest is queued");
    }

    @Test
    void aSaveFinishingAfterANewerRunStartedDoesNotRelabelIt() {
        executor.hold();
        vm.run();
        executor.runNext(); // the backtest finishes; its save is queued
        assertEquals("New run · saving…", vm.resultTitleProperty().get());
        vm.run(); // a second run starts before the first save finishes
        executor.runNext(); // the first save finishes
        assertEquals("", vm.resultTitleProperty().get());
        executor.runPending();
        assertEquals("New run · saved as run 2 (strategy version 1)", vm.resultTitleProperty().get());
        assertEquals(List.of(2L, 1L), saved().runs().stream().map(SavedRun::id).toList());
    }

    @Test
    void anOlderListFinishingLastDoesNotHideANewerRun() {
        // Work runs at once, but results reach the "UI thread" only when the test says, newest first.
        Deque<Runnable> deliveries = new ArrayDeque<>();
        TaskExecutor outOfOrder = new TaskExecutor() {
            @Override
            public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
                try {
                    T result = work.call();
                    deliveries.push(() -> onSuccess.accept(result));
                } catch (Exception e) {
                    deliveries.push(() -> onFailure.accept(e));
                }
            }

            @Override
            public void runOnUiThread(Runnable action) {
                action.run();
            }
        };
        BacktestViewModel slow = new BacktestViewModel(runner, store, outOfOrder, CLOCK); // first list: no runs yet
        slow.run();
        // Newest first: the backtest result, its save, the list after the save, and only then the first list.
        while (!deliveries.isEmpty()) {
            deliveries.pop().run();
        }
        assertEquals(List.of(1L), slow.savedRuns().runs().stream().map(SavedRun::id).toList());
    }

    @Test
    void withoutAStoreNothingIsSavedAndThereIsNoList() {
        BacktestViewModel noStore = new BacktestViewModel(runner, null, executor, CLOCK);
        assertNull(noStore.savedRuns());
        noStore.run();
        assertEquals(16, noStore.metricRows().size());
        assertEquals("", noStore.resultTitleProperty().get());
        assertTrue(store.list().isEmpty());
    }
}
