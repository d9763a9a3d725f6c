package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.testing.SharedPrices;

/** {@code leverdesk backtest --report/--trades-csv/--equity-csv}, through the real root command line. */
class BacktestReportFilesTest {
    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    @TempDir
    Path tmp;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void writesThePdfAndBothCsvFilesOfAnRsi2Run() throws IOException {
        Path prices = SharedPrices.dir();
        Path pdf = tmp.resolve("run.pdf");
        Path trades = tmp.resolve("trades.csv");
        Path equity = tmp.resolve("equity.csv");
        int code = run("backtest", "--strategy", "rsi2", "--from", "2023-01-03", "--to", "2023-12-29", "--capital", "100000",
                "--prices", prices.toString(), "--no-save",
                "--report", pdf.toString(), "--trades-csv", trades.toString(), "--equity-csv", equity.toString());
        assertEquals(0, code, err.toString());

        List<String> eq = Files.readAllLines(equity);
        assertEquals("date,equity,cash,position_value,benchmark_equity", eq.get(0));
        assertEquals(250, eq.size() - 1, "one row per 2023 NYSE session (250, as in TQQQ.csv)");
        assertTrue(eq.get(1).startsWith("2023-01-03,100000,"), eq.get(1));

        List<String> tr = Files.readAllLines(trades);
        assertEquals("date,side,symbol,quantity,price,commission,reason", tr.get(0));
        assertTrue(tr.size() > 10, "rsi2 trades often: " + tr.size());
        String firstTradeDate = tr.get(1).substring(0, 10);

        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertTrue(doc.getNumberOfPages() > 3);
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Sharpe ratio"));
            assertTrue(text.contains(firstTradeDate), "the first trade " + firstTradeDate + " is in the PDF");
            assertTrue(text.contains("RSI(2) of the closes"));
        }
        try (var files = Files.list(tmp)) {
            assertEquals(3, files.count(), "no temp files are left behind");
        }
    }

    @Test
    void aMissingOutputFolderIsAOneLineErrorBeforeTheRun() {
        Path prices = SharedPrices.dir();
        Path pdf = tmp.resolve("nope").resolve("run.pdf");
        int code = run("backtest", "--strategy", "rsi2", "--from", "2023-01-03", "--to", "2023-02-01",
                "--prices", prices.toString(), "--no-save", "--report", pdf.toString());
        assertEquals(2, code);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("error: cannot write " + pdf), err.toString());
        assertTrue(err.toString().contains("does not exist"), err.toString());
        assertFalse(Files.exists(pdf));
        assertEquals("", out.toString(), "nothing runs when an output cannot be written");
    }
}
