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
        description = {"Backtest a strategy and print its metrics beside buy-and-hold of the benchmark.",
                "With --mode (or --portfolio) the strategies of an options mode run together on one account, each with its"
                        + " capital share; the table adds each strategy's fills, P&L and premium."})
public final class BacktestCommand implements Callable<Integer>, ForwardedCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--strategy", paramLabel = "ID", description = "Strategy id, e.g. monthly-rebalance (or --mode/--portfolio).")
    String strategy;

    @Mixin
    ModeBacktestOptions modes;

    @Option(names = "--symbol", paramLabel = "SYM", description = "Traded symbol (default: the strategy's).")
    String symbol;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", converter = CalendarCommand.IsoDate.class,
            description = "First day (inclusive).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", converter = CalendarCommand.IsoDate.class,
            description = "Last day (inclusive).")
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

    @Option(names = "--monte-carlo", description = "Also resample the run's closed trades: percentiles after the table, \"monte_carlo\" in --json;"
            + " the PDF report has the page either way (with these settings when given).")
    boolean monteCarlo;

    @Mixin
    MonteCarloOptions monteCarloOptions;


    @Override
    public Integer call() {
        // fail before the run, not after it, when an output cannot be written
        for (Path p : new Path[] {report, tradesCsv, equityCsv}) {
            checkWritable(p);
        }
        checkInputs();
        if (modes.chosen()) {
            if (strategy != null || symbol != null || !parameters.isEmpty()) {
                throw new IllegalArgumentException("--mode/--portfolio run the mode's own strategies, symbols and parameters;"
                        + " drop --strategy, --symbol and -P (or backtest one strategy with --strategy)");
            }
            return new ModeBacktest(this).call();
        }
        if (strategy == null) {
            throw new IllegalArgumentException("name what to backtest: --strategy ID, --mode conservative|balanced|enhanced,"
                    + " or --portfolio (the config's block)");
        }
        if (!modes.assets.isEmpty() || modes.weeklyDca != null) {
            throw new IllegalArgumentException("--asset and --weekly-dca go with --mode");
        }
        try (StoreLease lease = StoreLease.open(store, riskFree, !noSave)) {
            AppContext app = lease.app();
            TickerParameters.requireKnown(strategy, parameters, app.marketData());
            BacktestRunner runner = app.backtests();
            BacktestRequest request = new BacktestRequest(strategy, symbol, from, to, capital,
                    new CostModel(commission, commissionPerShare, slippageBps), benchmark, parameters);
            BacktestResult result = runner.run(request, ProgressListener.NONE, CancellationToken.NONE);
            StoreSavedRuns.SavedWithVersion saved = noSave ? null : app.saveRunWithVersion(result, parameters);
            Long runId = saved == null ? null : saved.runId();
            Long versionId = saved == null ? null : saved.versionId();
            String name = runner.strategies().stream().filter(s -> s.id().equals(strategy)).findFirst()
                    .map(BacktestRunner.StrategyInfo::displayName).orElse(strategy);
            var mc = monteCarlo && !result.roundTrips().isEmpty() ? monteCarloOptions.run(result) : null;
            writeFiles(app, result, name, parameters, runId, versionId, mc);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                String text = MetricsJson.of(result, runId, versionId);
                if (monteCarlo) {
                    var root = (com.fasterxml.jackson.databind.node.ObjectNode) JsonNumbers.of(java.util.Map.of());
                    root.setAll(MetricsJson.parse(text));
                    root.set("monte_carlo", mc == null ? null : MonteCarloOptions.json(mc));
                    text = root.toString();
                }
                out.println(text);
            } else {
                out.print(MetricsTable.of(result, name));
                if (monteCarlo) {
                    out.print(mc == null ? "Monte Carlo: the run closed no trade to resample" + System.lineSeparator()
                            : MonteCarloOptions.text(mc));
                }
                if (runId != null) {
                    out.println("saved as run " + runId + " with version " + versionId + " in " + app.storeLocation());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** The --report, --trades-csv and --equity-csv files of {@code result}, run with {@code params}. */
    void writeFiles(AppContext app, BacktestResult result, String name, Map<String, String> params, Long runId,
                    Long versionId, org.leverdesk.research.montecarlo.MonteCarloResult mc) {
        if (report != null) {
            BarSeries bars = app.marketData().barsUpTo(result.symbol(), result.config().to());
            String version = versionId == null ? null : "version " + versionId;
            ReportFiles.pdf(mc == null ? new ReportInput(result, name, params, bars, runId, version)
                    : new ReportInput(result, name, params, bars, runId, version, mc), report);
        }
        if (tradesCsv != null) {
            ReportFiles.tradesCsv(result, tradesCsv);
        }
        if (equityCsv != null) {
            ReportFiles.equityCsv(result, equityCsv);
        }
    }

    /** The costs asked for. */
    CostModel costs() {
        return new CostModel(commission, commissionPerShare, slippageBps);
    }

    /** Numbers and dates a backtest cannot mean, refused before anything runs. */
    private void checkInputs() {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to + "; give a start on or before the end");
        }
        if (from.isBefore(org.leverdesk.market.calendar.NyseCalendar.FIRST_DATE)
                || to.isAfter(org.leverdesk.market.calendar.NyseCalendar.LAST_DATE)) {
            throw new IllegalArgumentException("--from/--to must lie within the NYSE calendar, "
                    + org.leverdesk.market.calendar.NyseCalendar.FIRST_DATE + " to "
                    + org.leverdesk.market.calendar.NyseCalendar.LAST_DATE);
        }
        if (new org.leverdesk.market.calendar.NyseCalendar().tradingDays(from, to).isEmpty()) {
            throw new IllegalArgumentException("--from " + from + " --to " + to + " holds no trading day (a weekend or"
                    + " holiday); widen the range");
        }
        range("--capital", capital, 1, 1e12, "dollars");
        range("--commission", commission, 0, 1e6, "dollars per order");
        range("--commission-per-share", commissionPerShare, 0, 1e3, "dollars per share");
        range("--slippage-bps", slippageBps, 0, 10_000, "basis points");
        range("--risk-free", riskFree, -1, 1, "a yearly rate as a fraction (0.04 = 4%)");
    }

    private static void range(String option, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(option + " must be between " + plain(min) + " and " + plain(max) + " " + unit
                    + " (got " + value + ")");
        }
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Override
    public Path dataDir() {
        return store.folder();
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
