package org.leverdesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.backtest.BacktestRequest;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.BacktestService;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Fill;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.testing.SharedPrices;

/** The PDF report, opened again with PDFBox and read back as text. */
class BacktestReportTest {
    @TempDir
    Path tmp;

    /** When -Dleverdesk.report.out=DIR is given the PDFs are also kept there, to render and look at. */
    private Path target(String name) {
        String keep = System.getProperty("leverdesk.report.out");
        return keep == null || keep.isBlank() ? tmp.resolve(name) : Path.of(keep).resolve(name);
    }

    private static String text(Path pdf, int[] pages) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            pages[0] = doc.getNumberOfPages();
            return new PDFTextStripper().getText(doc);
        }
    }

    private static void assertHasEveryPart(String text) {
        for (String s : new String[] {"Total return", "Annual return (CAGR)", "Sharpe ratio", "Sortino ratio", "Max drawdown",
                "Win rate", "Profit factor", "Average win", "Average loss", "Number of trades", "Exposure", "Final equity",
                "Equity at each close", "Drawdown from the running peak", "Monthly returns",
                "Year Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec Year total", "Trades (fills)",
                "Dividends are not credited to the strategy"}) {
            assertTrue(text.contains(s), "the report should contain '" + s + "'");
        }
    }

    @Test
    void handMadeRunShowsMetricsParametersTradesAndTheRsiPane() throws IOException {
        Path pdf = target("hand-made.pdf");
        BacktestReport.write(new ReportInput(ReportSamples.result(), "RSI(2) mean reversion",
                Map.of("entryRsi", "30", "hedge", "false"), ReportSamples.bars(), 42L, null), pdf);
        int[] pages = new int[1];
        String text = text(pdf, pages);
        assertTrue(pages[0] > 1, "pages: " + pages[0]);
        assertHasEveryPart(text);
        assertTrue(text.contains("2024-01-05"), "the sell's date is in the trade list");
        assertTrue(text.contains("$50.25") || text.contains("50.25"), "the buy price");
        assertTrue(text.contains("$10,223.00"), "final equity formatted as dollars");
        assertTrue(text.contains("entryRsi"), "parameters are listed");
        assertTrue(text.contains("RSI(2) of the closes"), "rsi2 has its indicator pane");
        assertTrue(text.contains("run 42"));
        assertTrue(text.contains("inf"), "an infinite profit factor reads inf");
    }

    @Test
    void aStrategyWithoutAnIndicatorHasNoIndicatorPane() throws IOException {
        BacktestResult r = ReportSamples.result();
        BacktestResult other = new BacktestResult("monthly-rebalance", r.symbol(), r.config(), r.dataSource(), r.equity(),
                r.benchmarkEquity(), r.metrics(), r.benchmarkMetrics(), r.fills(), r.roundTrips(), r.decisions());
        Path pdf = tmp.resolve("other.pdf");
        BacktestReport.write(new ReportInput(other, "Monthly rebalance", Map.of(), ReportSamples.bars(), null, null), pdf);
        String text = text(pdf, new int[1]);
        assertFalse(text.contains("of the closes (ta4j"));
        assertTrue(text.contains("every parameter at its default"));
    }

    @Test
    void aMissingFolderIsAOneLineErrorAndLeavesNoFile() {
        Path pdf = tmp.resolve("no-such-folder").resolve("r.pdf");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BacktestReport.write(
                new ReportInput(ReportSamples.result(), "x", Map.of(), ReportSamples.bars(), null, null), pdf));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(Files.exists(pdf));
    }

    @Test
    void aFailedWriteLeavesNeitherTheTargetNorATempFile() throws IOException {
        Path file = tmp.resolve("half.csv");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(file, out -> {
            out.write("partial".getBytes());
            throw new IllegalStateException("boom");
        }));
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void realRsi2RunOnTqqqHasEveryPartAndItsTrades() throws IOException {
        Path dir = SharedPrices.dir();
        NyseCalendar calendar = new NyseCalendar();
        CsvDirectoryMarketData data = new CsvDirectoryMarketData(dir, new CsvBarReader(calendar));
        BacktestService service = new BacktestService(data, calendar, StrategyCatalog.builtIn(), new MetricsCalculator());
        LocalDate from = LocalDate.parse("2015-01-02");
        LocalDate to = LocalDate.parse("2024-12-31");
        BacktestResult r = service.run(new BacktestRequest("rsi2", "TQQQ", from, to, 100_000, CostModel.FREE, null, Map.of()),
                org.leverdesk.common.ProgressListener.NONE, org.leverdesk.common.CancellationToken.NONE);
        BarSeries bars = data.bars("TQQQ", LocalDate.of(1900, 1, 1), to);
        Path pdf = target("rsi2-real.pdf");
        BacktestReport.write(new ReportInput(r, "RSI(2) mean reversion", Map.of(), bars, null, null), pdf);
        int[] pages = new int[1];
        String text = text(pdf, pages);
        assertHasEveryPart(text);
        assertTrue(r.fills().size() > 50, "fills: " + r.fills().size());
        int tradePages = (r.fills().size() + 35) / 36;
        assertTrue(pages[0] >= 4 + tradePages, "pages " + pages[0] + " for " + r.fills().size() + " fills");
        Fill lastFill = r.fills().get(r.fills().size() - 1);
        assertTrue(text.contains(lastFill.date().toString()), "the last fill's date " + lastFill.date());
        assertTrue(text.contains("2020"), "the monthly table has a 2020 row");
        assertTrue(text.contains("RSI(2) of the closes"));
    }
}
