package org.leverdesk.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.market.data.CsvValidationException.Problem;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;
import org.leverdesk.market.data.MarketDataException;
import org.leverdesk.ui.FakeDataCatalog;
import org.leverdesk.ui.TestTaskExecutor;

class DataViewModelTest {
    private static final SymbolCoverage TQQQ = new SymbolCoverage("TQQQ", LocalDate.of(2010, 2, 11), LocalDate.of(2024, 6, 28), 3618);
    private static final SymbolCoverage QQQ = new SymbolCoverage("QQQ", LocalDate.of(1999, 3, 10), LocalDate.of(2024, 6, 28), 6367);

    private final FakeDataCatalog catalog = new FakeDataCatalog(TQQQ, QQQ);
    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final DataViewModel vm = new DataViewModel(catalog, executor);

    @Test
    void showsCoverageSortedBySymbol() {
        assertEquals(List.of(QQQ, TQQQ), vm.coverage());
    }

    @Test
    void choosingAFileProposesItsNameAsSymbol() {
        vm.fileProperty().set(Path.of("/data/sqqq.csv"));
        assertEquals("SQQQ", vm.symbolProperty().get());
        assertEquals(Path.of("/data/sqqq.csv").toString(), vm.fileTextProperty().get());
        vm.fileProperty().set(Path.of("spy-daily.CSV"));
        assertEquals("SPY-DAILY", vm.symbolProperty().get());
    }

    @Test
    void importNeedsAFileAndASymbol() {
        assertFalse(vm.canImportProperty().get());
        vm.fileProperty().set(Path.of("qqqm.csv"));
        assertTrue(vm.canImportProperty().get());
        vm.symbolProperty().set("  ");
        assertFalse(vm.canImportProperty().get());
        vm.importCsv();
        assertEquals(null, catalog.lastImportedSymbol());
    }

    @Test
    void successfulImportReportsBarsAndRangeAndRefreshesTable() {
        vm.fileProperty().set(Path.of("/data/qqqm.csv"));
        vm.symbolProperty().set(" qqqm ");
        vm.importCsv();
        assertEquals("QQQM", catalog.lastImportedSymbol());
        assertEquals("Imported 100 bars of QQQM (2024-01-02..2024-05-21)", vm.successMessageProperty().get());
        assertEquals("", vm.errorMessageProperty().get());
        assertTrue(vm.problems().isEmpty());
        assertEquals(List.of("QQQ", "QQQM", "TQQQ"), vm.coverage().stream().map(SymbolCoverage::symbol).toList());
        assertFalse(vm.importingProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
    }

    @Test
    void rejectedFileListsEveryProblemAndImportsNothing() {
        List<Problem> problems = List.of(new Problem("bad.csv", 3, "close is negative (-1.0)"),
                new Problem("bad.csv", 7, "date 2024-01-05 is not after 2024-01-05"));
        catalog.rejectWith(problems);
        vm.fileProperty().set(Path.of("/data/bad.csv"));
        vm.importCsv();
        assertEquals(problems, vm.problems());
        assertEquals("2 problems in bad.csv; nothing was imported. Fix the file and import it again.",
                vm.errorMessageProperty().get());
        assertEquals("", vm.successMessageProperty().get());
        assertEquals(List.of(QQQ, TQQQ), vm.coverage());
        assertEquals("bad.csv:3: close is negative (-1.0)", vm.problems().get(0).toString());
    }

    @Test
    void onlyASuccessfulImportTellsTheWindowThatThePriceSourceChanged() {
        int[] calls = {0};
        vm.setOnImported(() -> calls[0]++);
        catalog.rejectWith(List.of(new Problem("bad.csv", 2, "close is not a number")));
        vm.fileProperty().set(Path.of("bad.csv"));
        vm.importCsv();
        assertEquals(0, calls[0]);
        catalog.rejectWith(List.of());
        vm.importCsv();
        assertEquals(1, calls[0]);
    }

    @Test
    void aNewImportClearsTheOldProblems() {
        catalog.rejectWith(List.of(new Problem("bad.csv", 0, "missing header")));
        vm.fileProperty().set(Path.of("bad.csv"));
        vm.importCsv();
        assertEquals("1 problem in bad.csv; nothing was imported. Fix the file and import it again.", vm.errorMessageProperty().get());
        catalog.rejectWith(List.of());
        vm.importCsv();
        assertTrue(vm.problems().isEmpty());
        assertEquals("", vm.errorMessageProperty().get());
    }

    @Test
    void storeFailureShowsOneLine() {
        catalog.failWith(new MarketDataException("cannot write to the store /x/leverdesk.mv.db: disk full"));
        vm.fileProperty().set(Path.of("qqq.csv"));
        vm.importCsv();
        assertEquals("Import failed: cannot write to the store /x/leverdesk.mv.db: disk full", vm.errorMessageProperty().get());
        assertFalse(vm.importingProperty().get());
    }

    @Test
    void importRunsThroughTheExecutor() {
        executor.hold();
        vm.fileProperty().set(Path.of("qqqm.csv"));
        vm.importCsv();
        assertTrue(vm.importingProperty().get());
        assertFalse(vm.canImportProperty().get());
        assertEquals(null, catalog.lastImportedSymbol());
        executor.runPending();
        assertEquals("QQQM", catalog.lastImportedSymbol());
        assertFalse(vm.importingProperty().get());
    }
}
