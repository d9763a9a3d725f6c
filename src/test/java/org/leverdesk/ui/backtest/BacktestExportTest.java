package org.leverdesk.ui.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.ui.FakeBacktestRunner;
import org.leverdesk.ui.TestTaskExecutor;

/** Exporting the shown backtest from the GUI: the PDF report and the two CSV files. */
class BacktestExportTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2024, 6, 28).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private final FakeBacktestRunner runner = new FakeBacktestRunner();
    private final BacktestViewModel vm = new BacktestViewModel(runner, new TestTaskExecutor(), CLOCK);

    @TempDir
    Path tmp;

    @Test
    void nothingToExportBeforeARun() {
        assertFalse(vm.canExportProperty().get());
        vm.exportTradesCsv(tmp.resolve("t.csv"));
        assertFalse(Files.exists(tmp.resolve("t.csv")));
    }

    @Test
    void theShownRunExportsAsPdfAndCsv() throws Exception {
        vm.run();
        assertTrue(vm.canExportProperty().get());

        vm.exportTradesCsv(tmp.resolve("trades.csv"));
        List<String> trades = Files.readAllLines(tmp.resolve("trades.csv"));
        assertEquals("date,side,symbol,quantity,price,commission,reason", trades.get(0));
        assertTrue(trades.size() > 1, "one line per fill");
        assertTrue(vm.statusMessageProperty().get().startsWith("Wrote "), vm.statusMessageProperty().get());

        vm.exportEquityCsv(tmp.resolve("equity.csv"));
        assertEquals("date,equity,cash,position_value,benchmark_equity", Files.readAllLines(tmp.resolve("equity.csv")).get(0));

        vm.exportReport(tmp.resolve("report.pdf"));
        assertEquals("", vm.errorMessageProperty().get());
        try (PDDocument pdf = Loader.loadPDF(tmp.resolve("report.pdf").toFile())) {
            assertTrue(pdf.getNumberOfPages() > 1);
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Sharpe"), "the metrics table is in the report");
        }
    }

    @Test
    void aSavedRunsPdfStatesItsStrategyVersionLikeTheCliReport() throws Exception {
        // the window's PDF used to say "Strategy version: not recorded" for the run it had just saved
        BacktestViewModel saving = new BacktestViewModel(runner, new org.leverdesk.ui.FakeSavedRuns(CLOCK), new TestTaskExecutor(), CLOCK);
        saving.run();
        saving.exportReport(tmp.resolve("saved.pdf"));
        assertEquals("", saving.errorMessageProperty().get());
        try (PDDocument pdf = Loader.loadPDF(tmp.resolve("saved.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("strategy version 1"), text.substring(0, Math.min(600, text.length())));
            assertFalse(text.contains("not recorded"));
            assertTrue(text.contains("Run id 1"), "and its run id");
        }
        // re-opened from the saved runs: the same version and the parameters it ran with
        saving.open(saving.savedRuns().runs().get(0));
        saving.exportReport(tmp.resolve("opened.pdf"));
        try (PDDocument pdf = Loader.loadPDF(tmp.resolve("opened.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("strategy version 1"), text.substring(0, Math.min(600, text.length())));
            assertTrue(text.contains("fastPeriod"), "the parameters it ran with are listed");
        }
    }

    @Test
    void aFolderThatDoesNotExistIsAOneLineError() {
        vm.run();
        vm.exportTradesCsv(tmp.resolve("missing/trades.csv"));
        assertTrue(vm.errorMessageProperty().get().startsWith("Could not write trades.csv: "), vm.errorMessageProperty().get());
        assertTrue(vm.canExportProperty().get(), "a failed export can be retried");
    }
}
