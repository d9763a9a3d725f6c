package org.leverdesk.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;
import org.leverdesk.market.data.MarketDataException;
import org.leverdesk.market.feed.SymbolRefresh;
import org.leverdesk.market.feed.SymbolRefresh.Status;
import org.leverdesk.ui.FakeDataCatalog;
import org.leverdesk.ui.TestTaskExecutor;

/** "Update prices" and the import's "Replace the stored series" in the Data view's ViewModel. */
class DataViewModelUpdateTest {
    private static final SymbolCoverage QQQ = new SymbolCoverage("QQQ", LocalDate.of(1999, 3, 10), LocalDate.of(2024, 6, 28), 6367);
    private final FakeDataCatalog catalog = new FakeDataCatalog(QQQ);
    private final FakeDataUpdater updater = new FakeDataUpdater();
    private final TestTaskExecutor executor = new TestTaskExecutor();

    private static SymbolRefresh updated(String symbol, int n) {
        return new SymbolRefresh(symbol, Status.UPDATED, n, LocalDate.of(2024, 12, 2), LocalDate.of(2024, 12, 2), null, null,
                List.of(), symbol + ": " + n + " new final bar 2024-12-02");
    }

    @Test
    void withoutAnUpdaterTheButtonIsHidden() {
        DataViewModel vm = new DataViewModel(catalog, executor);
        assertFalse(vm.updateShownProperty().get());
        vm.update();
        assertEquals(0, updater.updates);
    }

    @Test
    void whenNoFeedIsConfiguredTheButtonIsOffAndSaysWhy() {
        updater.unavailable = "Connect Alpaca (a free account gives IEX prices) to update prices here, or import CSV files";
        DataViewModel vm = new DataViewModel(catalog, updater, executor);
        assertTrue(vm.updateShownProperty().get());
        assertFalse(vm.updateAvailableProperty().get());
        assertEquals(updater.unavailable, vm.updateStatusProperty().get());
        vm.update();
        assertEquals(0, updater.updates);
    }

    @Test
    void anUpdateShowsOneLinePerSymbolAndTheSummaryAndReloadsTheTable() {
        DataViewModel vm = new DataViewModel(catalog, updater, executor);
        assertTrue(vm.updateAvailableProperty().get());
        assertEquals("Fetches QQQ, TQQQ from Alpaca market data", vm.updateStatusProperty().get());
        int[] changed = {0};
        vm.setOnImported(() -> changed[0]++);
        updater.result = List.of(updated("QQQ", 1), new SymbolRefresh("TQQQ", Status.UP_TO_DATE, 0, null, null,
                LocalDate.of(2024, 12, 3), Instant.parse("2024-12-03T20:49:56Z"), List.of(),
                "TQQQ: up to date (last final bar 2024-12-02); provisional 2024-12-03 from the session so far"));
        vm.update();
        assertEquals(List.of(new DataViewModel.UpdateLine("QQQ: 1 new final bar 2024-12-02", false),
                new DataViewModel.UpdateLine("TQQQ: up to date (last final bar 2024-12-02); provisional 2024-12-03 from the session"
                        + " so far", false)), vm.updateLines());
        assertEquals("2 symbols from Alpaca market data (iex feed): 1 updated, 1 up to date; 1 final bars written, 1 provisional",
                vm.updateStatusProperty().get());
        assertFalse(vm.updatingProperty().get());
        assertTrue(vm.updateAvailableProperty().get(), "ready for the next one");
        assertEquals(1, changed[0], "the status bar re-reads its price source");
    }

    @Test
    void aFailedUpdateSaysWhyInOneLine() {
        updater.failure = new MarketDataException("check the account's market data plan: Alpaca refused the API keys (HTTP 401)");
        DataViewModel vm = new DataViewModel(catalog, updater, executor);
        vm.update();
        assertEquals("Update failed: check the account's market data plan: Alpaca refused the API keys (HTTP 401)",
                vm.updateStatusProperty().get());
        assertTrue(vm.updateLines().isEmpty());
    }

    @Test
    void cancelStopsTheUpdateAndSaysTheFinishedSymbolsStay() {
        executor.hold();
        DataViewModel vm = new DataViewModel(catalog, updater, executor);
        executor.runPending();
        vm.update();
        assertTrue(vm.updatingProperty().get());
        vm.cancelUpdate();
        executor.runPending();
        assertFalse(vm.updatingProperty().get());
        assertEquals("Update cancelled; the symbols finished before are stored", vm.updateStatusProperty().get());
    }

    @Test
    void replaceIsPassedToTheImportAndNamedInTheResult() {
        DataViewModel vm = new DataViewModel(catalog, updater, executor);
        vm.fileProperty().set(Path.of("/data/nvda.csv"));
        vm.replaceProperty().set(true);
        vm.importCsv();
        assertTrue(catalog.lastReplace());
        assertEquals("Imported 100 bars of NVDA (2024-01-02..2024-05-21), replacing the stored series", vm.successMessageProperty().get());
    }

    @Test
    void theLastBarColumnSaysProvisionalWithTheTimeOfItsLatestTrade() {
        assertEquals("final", DataViewModel.lastBarText(QQQ));
        assertEquals("provisional, trades to 15:49 ET", DataViewModel.lastBarText(new SymbolCoverage("TQQQ", LocalDate.of(2010, 2, 11),
                LocalDate.of(2024, 12, 3), 3700, Instant.parse("2024-12-03T20:49:56Z"), "alpaca-iex")));
    }
}
