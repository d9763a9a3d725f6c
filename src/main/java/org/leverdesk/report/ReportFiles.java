package org.leverdesk.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.leverdesk.backtest.BacktestResult;

/** Writes a run's PDF report and CSV exports to files, each completely or not at all (CLI and GUI). */
public final class ReportFiles {
    private ReportFiles() {
    }

    public static void pdf(ReportInput input, Path file) {
        BacktestReport.write(input, file);
    }

    public static void tradesCsv(BacktestResult result, Path file) {
        AtomicFiles.write(file, o -> text(o, w -> CsvExport.trades(result.fills(), w)));
    }

    public static void equityCsv(BacktestResult result, Path file) {
        AtomicFiles.write(file, o -> text(o, w -> CsvExport.equity(result, w)));
    }

    private static void text(OutputStream o, Consumer<Writer> body) throws IOException {
        Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
        body.accept(w);
        w.flush();
    }
}
