package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.backtest.BacktestRequest;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.BacktestRunner;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.report.ReportFiles;
import org.leverdesk.report.ReportInput;
import org.leverdesk.backtest.runs.StoreSavedRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk backtest}: runs a strategy over history and prints its metrics beside buy-and-hold. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Backtest a strategy and print its metrics beside buy-and-hold of the benchmark.")
public final class BacktestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--strategy", required = true, paramLabel = "ID", description = "Strategy id, e.g. monthly-rebalance.")
    String strategy;

    @Option(names = "--symbol", paramLabel = "SYM", description = "Traded symbol (default: the strategy's).")
    String symbol;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day (inclusive).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day (inclusive).")
    LocalDate to;

    @Option(names = "--capital", defaultValue = "10000", paramLabel = "USD", description = "Starting capital (default: ${DEFAULT-VALUE}).")
    double capital;

    @Option(names = "--benchmark", paramLabel = "SYM", description = "Buy-and-hold benchmark (default: the traded symbol).")
    String benchmark;

    @Option(names = "--commission", defaultValue = "0", paramLabel = "USD", description = "Commission per order (default: ${DEFAULT-VALUE}).")
    double commission;

    @Option(names = "--commission-per-share", defaultValue = "0", paramLabel = "USD", description = "Commission per share (default: ${DEFAULT-VALUE}).")
    double commissionPerShare;

    @Option(names = "--slippage-bps", defaultValue = "0", paramLabel = "BPS", description = "Slippage in basis points (default: ${DEFAULT-VALUE}).")
    double slippageBps;

    @Option(names = "--risk-free", defaultValue = "0", paramLabel = "RATE", description = "Annual risk-free rate for Sharpe/Sortino as a fraction (default: ${DEFAULT-VALUE}).")
    double riskFree;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=VALUE", description = "Strategy parameter, e.g. -P allocation=2000.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print one JSON object {strategy, benchmark, trades}.")
    boolean json;

    @Option(names = "--no-save", description = "Do not save the run in the store.")
    boolean noSave;

    @Option(names = "--report", paramLabel = "FILE.pdf", description = "Also write the PDF report of the run to FILE.")
    Path report;

    @Option(names = "--trades-csv", paramLabel = "FILE", description = "Also write every fill as CSV to FILE.")
    Path tradesCsv;

    @Option(names = "--equity-csv", paramLabel = "FILE", description = "Also write the daily equity curve as CSV to FILE.")
    Path equityCsv;


    @Override
    public Integer call() {
        // fail before the run, not after it, when an output cannot be written
        for (Path p : new Path[] {report, tradesCsv, equityCsv}) {
            checkWritable(p);
        }
        try (AppContext app = AppContext.open(store.dataDir, store.pricesDir, riskFree, !noSave)) {
            BacktestRunner runner = app.backtests();
            BacktestRequest request = new BacktestRequest(strategy, symbol, from, to, capital,
                    new CostModel(commission, commissionPerShare, slippageBps), benchmark, parameters);
            BacktestResult result = runner.run(request, ProgressListener.NONE, CancellationToken.NONE);
            StoreSavedRuns.SavedWithVersion saved = noSave ? null : app.saveRunWithVersion(result, parameters);
            Long runId = saved == null ? null : saved.runId();
            Long versionId = saved == null ? null : saved.versionId();
            String name = runner.strategies().stream().filter(s -> s.id().equals(strategy)).findFirst()
                    .map(BacktestRunner.StrategyInfo::displayName).orElse(strategy);
            writeFiles(app, result, name, runId, versionId);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(MetricsJson.of(result, runId, versionId));
            } else {
                out.print(MetricsTable.of(result, name));
                if (runId != null) {
                    out.println("saved as run " + runId + " with version " + versionId + " in " + app.storeLocation());
                }
            }
            out.flush();
            return 0;
        }
    }

    private void writeFiles(AppContext app, BacktestResult result, String name, Long runId, Long versionId) {
        if (report != null) {
            BarSeries bars = app.marketData().barsUpTo(result.symbol(), result.config().to());
            ReportFiles.pdf(new ReportInput(result, name, parameters, bars, runId,
                    versionId == null ? null : "version " + versionId), report);
        }
        if (tradesCsv != null) {
            ReportFiles.tradesCsv(result, tradesCsv);
        }
        if (equityCsv != null) {
            ReportFiles.equityCsv(result, equityCsv);
        }
    }

    private static void checkWritable(Path p) {
        if (p == null) {
            return;
        }
        Path dir = p.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("cannot write " + p + ": the folder " + dir + " does not exist; create it or choose another path");
        }
        if (Files.isDirectory(p)) {
            throw new IllegalArgumentException("cannot write " + p + ": it is a folder; give a file name");
        }
    }
}
