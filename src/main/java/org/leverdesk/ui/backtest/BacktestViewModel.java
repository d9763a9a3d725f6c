package org.leverdesk.ui.backtest;

import java.time.Clock;
import java.time.LocalDate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.leverdesk.backtest.BacktestRequest;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.report.ReportInput;
import org.leverdesk.report.ReportFiles;
import org.leverdesk.backtest.BacktestRunner;
import org.leverdesk.backtest.BacktestRunner.StrategyInfo;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.SavedRuns;
import org.leverdesk.backtest.SavedRuns.SavedRun;
import org.leverdesk.backtest.EquityPoint;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.domain.Fill;
import org.leverdesk.market.data.MarketDataException;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyDescriptor;
import org.leverdesk.strategy.catalog.StrategyDescriptor.ParameterSpec;
import org.leverdesk.ui.common.ProgressRelay;
import org.leverdesk.ui.common.Debouncer;
import org.leverdesk.backtest.parity.ParityCheck;
import org.leverdesk.ui.common.form.FormModel;
import org.leverdesk.ui.common.TaskExecutor;
import org.leverdesk.ui.chart.ChartSeries;
import org.leverdesk.ui.chart.PriceChartData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backtest form and its results. Inputs are plain properties the view binds to; validation,
 * running (off the UI thread through the {@link TaskExecutor}), cancelling and turning a result
 * into table rows and chart series all happen here, so the whole flow is testable without a screen.
 */
public final class BacktestViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(BacktestViewModel.class);
    static final String DEFAULT_CAPITAL = "10000";
    static final int DEFAULT_YEARS = 10;

    static final String DEFAULT_COST = "0";

    private final BacktestRunner runner;
    private final TaskExecutor executor;
    /** Null when there is no store: then nothing is saved and the view hides the saved runs. */
    private final SavedRunsViewModel savedRuns;

    // Inputs
    private final ObservableList<StrategyInfo> strategies;
    private final ObjectProperty<StrategyInfo> strategy = new SimpleObjectProperty<>(this, "strategy");
    private final StringProperty symbol = new SimpleStringProperty(this, "symbol", "");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty capital = new SimpleStringProperty(this, "capital", DEFAULT_CAPITAL);
    private final StringProperty benchmark = new SimpleStringProperty(this, "benchmark", "");
    private final StrategyCatalog catalog;
    private final ReadOnlyObjectWrapper<FormModel> form = new ReadOnlyObjectWrapper<>(new FormModel(List.of(), null));
    private final StringProperty commissionPerOrder = new SimpleStringProperty(this, "commissionPerOrder", DEFAULT_COST);
    private final StringProperty commissionPerShare = new SimpleStringProperty(this, "commissionPerShare", DEFAULT_COST);
    private final StringProperty slippageBps = new SimpleStringProperty(this, "slippageBps", DEFAULT_COST);

    // Validation
    private final ReadOnlyStringWrapper symbolError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper datesError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper capitalError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper benchmarkError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper commissionPerOrderError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper commissionPerShareError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper slippageError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper validationMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();

    // Run state
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper("");
    private final BooleanBinding canRun = valid.and(running.not());
    private CancellationToken cancelToken = CancellationToken.NONE;
    // Counts results shown, so a save that finishes after another result appeared does not relabel it.
    private long shownResult;

    // Results
    private final ObservableList<MetricRow> metricRows = FXCollections.observableArrayList();
    private final ObservableList<Fill> trades = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<ChartSeries>> equitySeries = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<ChartSeries>> drawdownSeries = new ReadOnlyObjectWrapper<>(List.of());
    private final ObjectProperty<EquityUnit> equityUnit = new SimpleObjectProperty<>(this, "equityUnit", EquityUnit.DOLLARS);
    private final ReadOnlyStringWrapper resultTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PriceChartData> priceChart = new ReadOnlyObjectWrapper<>(PriceChartData.empty());
    private final DecisionsViewModel decisions = new DecisionsViewModel();

    // Export of the shown result (PDF report, CSV files)
    private final ReadOnlyObjectWrapper<BacktestResult> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canExport = shown.isNotNull().and(running.not()).and(exporting.not());
    private Map<String, String> shownParameters = Map.of();
    private Long shownRunId;
    private String shownVersion;
    private final Map<String, String> strategyNames = new LinkedHashMap<>();

    // Live re-runs: a parameter change re-runs the shown backtest (no decisions recorded, not saved)
    /** Quiet time after a change before the live re-run starts. */
    static final long LIVE_QUIET_MS = 12;
    /** A change waits at most this long for its re-run, even while the slider keeps moving. */
    static final long LIVE_MAX_WAIT_MS = 25;
    private final javafx.beans.property.BooleanProperty live = new javafx.beans.property.SimpleBooleanProperty(this, "live", false);
    private final Debouncer liveDebounce;
    private final Debouncer.Timer timer;
    private CancellationToken liveToken = CancellationToken.NONE;
    private long lastChangeNanos;
    private final ReadOnlyDoubleWrapper liveLatencyMillis = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyBooleanWrapper liveRunning = new ReadOnlyBooleanWrapper();
    private final InvalidationListener parameterChanged = obs -> parameterChanged();

    // Replay as live: the parity replay of the form's request
    private final ParityCheck parity;
    private final ParityViewModel parityResult = new ParityViewModel();

    private final InvalidationListener revalidate = obs -> validate();
    private final ListChangeListener<String> formProblems = change -> validate();

    /**
     * @param clock gives today's date for the default range (the last {@value #DEFAULT_YEARS} years)
     */
    public BacktestViewModel(BacktestRunner runner, TaskExecutor executor, Clock clock) {
        this(runner, null, executor, clock);
    }

    /**
     * @param savedRuns where each successful run is saved and from where saved runs are re-opened;
     *                  {@code null} turns saving and the saved-runs list off
     * @param clock     gives today's date for the default range and the zone creation times are shown in
     */
    public BacktestViewModel(BacktestRunner runner, SavedRuns savedRuns, TaskExecutor executor, Clock clock) {
        this(runner, savedRuns, executor, clock, StrategyCatalog.builtIn());
    }

    /**
     * @param catalog the parameter model (labels, units, kinds, the strategy's own check) of each
     *                strategy the runner offers; a strategy it does not know gets fields guessed from
     *                the runner's defaults
     */
    public BacktestViewModel(BacktestRunner runner, SavedRuns savedRuns, TaskExecutor executor, Clock clock,
                             StrategyCatalog catalog) {
        this(runner, savedRuns, null, executor, clock, catalog, Debouncer.fx());
    }

    /**
     * @param parity the parity replay behind "Replay as live"; {@code null}: the view has no such button
     * @param timer  the UI-thread timer live re-runs are debounced with
     */
    public BacktestViewModel(BacktestRunner runner, SavedRuns savedRuns, ParityCheck parity, TaskExecutor executor, Clock clock,
                             StrategyCatalog catalog, Debouncer.Timer timer) {
        this.parity = parity;
        this.timer = timer;
        this.liveDebounce = new Debouncer(timer, LIVE_QUIET_MS, LIVE_MAX_WAIT_MS, this::runLive);
        this.runner = runner;
        this.catalog = catalog;
        this.executor = executor;
        this.strategies = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(runner.strategies()));
        Map<String, String> names = new LinkedHashMap<>();
        strategies.forEach(info -> names.putIfAbsent(info.id(), info.displayName()));
        strategyNames.putAll(names);
        this.savedRuns = savedRuns == null ? null : new SavedRunsViewModel(savedRuns, executor, clock.getZone(), names);
        LocalDate today = LocalDate.now(clock);
        to.set(today);
        from.set(today.minusYears(DEFAULT_YEARS));

        strategy.addListener((obs, old, now) -> strategyChanged(now));
        equityUnit.addListener((obs, old, now) -> {
            BacktestResult r = shown.get();
            equitySeries.set(r == null || now == null ? List.of() : EquityCurves.equity(r, now));
        });
        // The benchmark follows the traded symbol (buy-and-hold of what is traded) until edited by hand.
        symbol.addListener((obs, old, now) -> {
            String b = benchmark.get() == null ? "" : benchmark.get().trim();
            if (b.isEmpty() || b.equalsIgnoreCase(old == null ? "" : old.trim())) {
                benchmark.set(now);
            }
        });
        // the strategy's check of its parameters is made for the traded symbol
        symbol.addListener(obs -> form.get().validate());
        for (Observable input : List.of(strategy, symbol, from, to, capital, benchmark,
                commissionPerOrder, commissionPerShare, slippageBps)) {
            input.addListener(revalidate);
        }
        if (!strategies.isEmpty()) {
            strategy.set(strategies.get(0));
        }
        validate();
        if (this.savedRuns != null) {
            this.savedRuns.refresh();
        }
    }

    // ---- Inputs -------------------------------------------------------------------------------

    /** Strategies the runner offers, in display order. */
    public ObservableList<StrategyInfo> strategies() {
        return strategies;
    }

    /** The chosen strategy; choosing one resets symbol, benchmark and parameters to its defaults. */
    public ObjectProperty<StrategyInfo> strategyProperty() {
        return strategy;
    }

    public StringProperty symbolProperty() {
        return symbol;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Starting capital as typed; "10,000" and "$10000" are accepted. */
    public StringProperty capitalProperty() {
        return capital;
    }

    public StringProperty benchmarkProperty() {
        return benchmark;
    }

    /** Fixed commission per order in dollars, as typed. */
    public StringProperty commissionPerOrderProperty() {
        return commissionPerOrder;
    }

    /** Commission per share in dollars, as typed. */
    public StringProperty commissionPerShareProperty() {
        return commissionPerShare;
    }

    /** Slippage against the trader in basis points (1 bps = 0.01%), as typed. */
    public StringProperty slippageBpsProperty() {
        return slippageBps;
    }

    /**
     * The chosen strategy's parameters as a form of the one parameter model (label, unit, kind, help,
     * every problem at once), replaced when the strategy changes.
     */
    public ReadOnlyObjectProperty<FormModel> formProperty() {
        return form.getReadOnlyProperty();
    }

    public FormModel form() {
        return form.get();
    }

    // ---- Validation ---------------------------------------------------------------------------

    public ReadOnlyStringProperty symbolErrorProperty() {
        return symbolError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty datesErrorProperty() {
        return datesError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty capitalErrorProperty() {
        return capitalError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty benchmarkErrorProperty() {
        return benchmarkError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty commissionPerOrderErrorProperty() {
        return commissionPerOrderError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty commissionPerShareErrorProperty() {
        return commissionPerShareError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty slippageErrorProperty() {
        return slippageError.getReadOnlyProperty();
    }

    /** The first problem with the form as one line, or "" when it can run. */
    public ReadOnlyStringProperty validationMessageProperty() {
        return validationMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    // ---- Run state ----------------------------------------------------------------------------

    /** True when the form is valid and no backtest is running. */
    public ObservableBooleanValue canRunProperty() {
        return canRun;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Progress of the running backtest in [0, 1]. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage.getReadOnlyProperty();
    }

    /** Why the last run failed, as one line; "" after a success. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** A one-line summary of the last run (or of its cancellation). */
    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    // ---- Results ------------------------------------------------------------------------------

    /** One row per metric: name, strategy value, benchmark value. */
    public ObservableList<MetricRow> metricRows() {
        return FXCollections.unmodifiableObservableList(metricRows);
    }

    /** Every fill of the last run, in order. */
    public ObservableList<Fill> trades() {
        return FXCollections.unmodifiableObservableList(trades);
    }

    /** Equity of the strategy and of the benchmark (two series, same dates). */
    public ReadOnlyObjectProperty<List<ChartSeries>> equitySeriesProperty() {
        return equitySeries.getReadOnlyProperty();
    }

    /**
     * How the equity lines are shown: dollars, growth of $1 or percent return. A result whose
     * benchmark starts from another amount switches it to growth of $1, so both lines share a scale.
     */
    public ObjectProperty<EquityUnit> equityUnitProperty() {
        return equityUnit;
    }

    /** Drawdown in percent of the strategy and of the benchmark. */
    public ReadOnlyObjectProperty<List<ChartSeries>> drawdownSeriesProperty() {
        return drawdownSeries.getReadOnlyProperty();
    }

    /**
     * Which result is shown: "New run · saved as run 7", "Saved run 7 · created …"; "" when nothing
     * is shown or there is no store.
     */
    public ReadOnlyStringProperty resultTitleProperty() {
        return resultTitle.getReadOnlyProperty();
    }

    /** The traded symbol's bars, overlays, indicator and trade markers of the shown result (loaded after it). */
    public ReadOnlyObjectProperty<PriceChartData> priceChartProperty() {
        return priceChart.getReadOnlyProperty();
    }

    /** The shown result's decisions, filterable, with the selected one's gates and signals. */
    public DecisionsViewModel decisions() {
        return decisions;
    }

    /** The saved runs list, or {@code null} when there is no store (the view then hides it). */
    public SavedRunsViewModel savedRuns() {
        return savedRuns;
    }

    /**
     * Whether a parameter change re-runs the shown backtest at once (debounced: {@value #LIVE_QUIET_MS} ms of
     * quiet, at most {@value #LIVE_MAX_WAIT_MS} ms after the change; a newer change cancels the run in flight).
     */
    public javafx.beans.property.BooleanProperty liveProperty() {
        return live;
    }

    /** Milliseconds from the last parameter change to its re-run's metrics and equity on screen (NaN before one). */
    public ReadOnlyDoubleProperty liveLatencyMillisProperty() {
        return liveLatencyMillis.getReadOnlyProperty();
    }

    /** True while a live re-run computes. */
    public ReadOnlyBooleanProperty liveRunningProperty() {
        return liveRunning.getReadOnlyProperty();
    }

    /** True when "Replay as live" exists (a parity replay service was given). */
    public boolean canReplayAsLive() {
        return parity != null;
    }

    /** The last parity replay: running, progress, verdict and the compared counts. */
    public ParityViewModel parity() {
        return parityResult;
    }

    // ---- Commands -----------------------------------------------------------------------------

    /** Starts the backtest in the background; does nothing while invalid or already running. */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        BacktestRequest request = request();
        CancellationToken token = new CancellationToken();
        cancelToken = token;
        liveDebounce.cancel();
        liveToken.cancel();
        liveRunning.set(false);
        clearResults();
        errorMessage.set("");
        statusMessage.set("");
        resultTitle.set("");
        progress.set(0);
        progressMessage.set("Starting…");
        running.set(true);
        ProgressRelay relay = new ProgressRelay(executor, (fraction, message) -> {
            if (running.get() && cancelToken == token) {
                progress.set(fraction);
                progressMessage.set(message);
            }
        });
        executor.execute(() -> runner.run(request, relay, token), result -> {
            if (token.isCancelled()) {
                fail(new CancellationException("cancelled after the run ended")); // e.g. the strategy was switched meanwhile
            } else {
                finished(request, result);
            }
        }, this::fail);
    }

    /**
     * Replays the form's strategy, symbol, parameters, dates, capital and costs through the live path (paper
     * broker, the daemon's scheduled jobs on a simulated clock, data fed a session at a time) and compares
     * decisions, orders, fills and daily equity with a backtest of the same days; the verdict goes to
     * {@link #parity()}. Does nothing while the form is invalid or a replay runs.
     */
    public void replayAsLive() {
        if (parity == null || !valid.get() || parityResult.runningProperty().get()) {
            return;
        }
        BacktestRequest request = request();
        CancellationToken token = new CancellationToken();
        parityResult.started(request, token);
        ProgressRelay relay = new ProgressRelay(executor, (fraction, message) -> parityResult.progress(token, fraction, message));
        executor.execute(() -> parity.replay(request, relay, token), report -> parityResult.finished(token, report),
                error -> parityResult.failed(token, error instanceof CancellationException ? null
                        : error instanceof IllegalArgumentException || error instanceof MarketDataException ? oneLine(error.getMessage())
                        : error.getClass().getSimpleName() + ": " + oneLine(error.getMessage())));
    }

    /** Stops a running replay ("Replay cancelled"). */
    public void cancelReplay() {
        parityResult.cancel();
    }

    private void parameterChanged() {
        if (!live.get() || shown.get() == null || running.get() || !strategyOfShown()) {
            return;
        }
        lastChangeNanos = timer.nanoTime();
        liveToken.cancel(); // superseded: its result would be stale the moment it arrived
        liveDebounce.changed();
    }

    private boolean strategyOfShown() {
        BacktestResult r = shown.get();
        return r != null && strategy.get() != null && r.strategyId().equals(strategy.get().id());
    }

    /** Re-runs the form's backtest without recording decisions (the fast path) and shows it unless superseded. */
    private void runLive() {
        if (!valid.get() || running.get()) {
            return;
        }
        liveToken.cancel();
        CancellationToken token = new CancellationToken();
        liveToken = token;
        BacktestRequest request = request();
        long changedAt = lastChangeNanos;
        liveRunning.set(true);
        executor.execute(() -> runner.runWithoutDecisions(request, org.leverdesk.common.ProgressListener.NONE, token), result -> {
            if (token.isCancelled() || liveToken != token || running.get()) {
                return; // a newer change or a full run took over
            }
            liveRunning.set(false);
            errorMessage.set("");
            show(result, request.parameters());
            shownParameters = request.parameters();
            double ms = (timer.nanoTime() - changedAt) / 1e6;
            liveLatencyMillis.set(ms);
            resultTitle.set("Live · not saved (Run saves it with its decisions)");
            statusMessage.set(statusMessage.get() + " · live re-run on screen " + String.format(Locale.ROOT, "%.0f", ms)
                    + " ms after the change");
            LOG.debug("live re-run of {} shown {} ms after the change", request.strategyId(), String.format(Locale.ROOT, "%.1f", ms));
        }, error -> {
            if (liveToken != token) {
                return;
            }
            liveRunning.set(false);
            if (!(error instanceof CancellationException)) {
                errorMessage.set(oneLine(error.getMessage()));
            }
        });
    }

    /** Shows saved run {@code run} in the result area, loading it in the background; ignored while a backtest runs. */
    public void open(SavedRun run) {
        if (savedRuns == null || run == null || running.get()) {
            return;
        }
        savedRuns.open(run, result -> {
            if (running.get()) {
                return; // a backtest was started while loading; its result wins
            }
            errorMessage.set("");
            progress.set(0);
            show(result, run.parameters());
            shownRunId = run.id();
            shownVersion = run.versionId() == null ? null : "version " + run.versionId();
            shownParameters = run.parameters();
            resultTitle.set("Saved run " + run.id() + " · created " + savedRuns.created(run) + " · "
                    + (run.simulated() ? "DEMO prices" : "data: " + SavedRunsViewModel.data(run)));
        });
    }

    /** The result on screen, or null (for tests of what is kept). */
    BacktestResult shownResult() {
        return shown.get();
    }

    /** True when a result is shown and nothing runs: the export actions are enabled. */
    public BooleanBinding canExportProperty() {
        return canExport;
    }

    /** Writes the shown run's PDF report (equity, drawdown, price with trades, monthly returns, trade list). */
    public void exportReport(Path file) {
        BacktestResult result = shown.get();
        if (result == null) {
            return;
        }
        String name = strategyNames.getOrDefault(result.strategyId(), result.strategyId());
        Map<String, String> parameters = shownParameters;
        Long runId = shownRunId;
        String version = shownVersion;
        export(file, () -> {
            LocalDate start = result.config().from().minusDays(PriceCharts.WARM_UP_DAYS);
            ReportFiles.pdf(new ReportInput(result, name, parameters, runner.bars(result.symbol(), start, result.config().to()),
                    runId, version), file);
        });
    }

    /** Writes the shown run's fills as CSV. */
    public void exportTradesCsv(Path file) {
        BacktestResult result = shown.get();
        if (result != null) {
            export(file, () -> ReportFiles.tradesCsv(result, file));
        }
    }

    /** Writes the shown run's daily equity (and the benchmark's) as CSV. */
    public void exportEquityCsv(Path file) {
        BacktestResult result = shown.get();
        if (result != null) {
            export(file, () -> ReportFiles.equityCsv(result, file));
        }
    }

    private void export(Path file, Runnable write) {
        exporting.set(true);
        errorMessage.set("");
        statusMessage.set("Writing " + file.getFileName() + "…");
        executor.execute(() -> {
            write.run();
            return file;
        }, written -> {
            exporting.set(false);
            statusMessage.set("Wrote " + written);
        }, error -> {
            exporting.set(false);
            statusMessage.set("");
            errorMessage.set("Could not write " + file.getFileName() + ": " + oneLine(error.getMessage()));
        });
    }

    /** Asks the running backtest to stop; it ends with "Backtest cancelled." */
    public void cancel() {
        if (running.get()) {
            cancelToken.cancel();
            progressMessage.set("Cancelling…");
        }
    }

    /** The request the form describes; only meaningful when valid. */
    BacktestRequest request() {
        Map<String, String> params = new LinkedHashMap<>(form.get().values());
        return new BacktestRequest(strategy.get().id(), upper(symbol.get()), from.get(), to.get(),
                parseCapital(capital.get()), costs(), upper(benchmark.get()), params);
    }

    /** The costs the form describes; only meaningful when valid. */
    CostModel costs() {
        return new CostModel(parseCapital(commissionPerOrder.get()), parseCapital(commissionPerShare.get()),
                parseCapital(slippageBps.get()));
    }

    private void finished(BacktestRequest request, BacktestResult result) {
        LOG.info("backtest of {} on {} shown: {} days, {} fills", request.strategyId(), request.symbol(), result.equity().size(),
                result.fills().size());
        running.set(false);
        progress.set(1);
        progressMessage.set("");
        show(result, request.parameters());
        shownParameters = request.parameters();
        if (savedRuns == null) {
            return;
        }
        long shown = shownResult;
        resultTitle.set("New run · saving…");
        savedRuns.save(result, request.parameters(), saved -> {
            LOG.info("backtest saved as run {} (strategy version {})", saved.id(), saved.versionId());
            if (shownResult == shown) {
                shownRunId = saved.id();
                // the PDF states the version as the CLI's report does
                shownVersion = saved.versionId() == null ? null : "version " + saved.versionId();
                resultTitle.set("New run · saved as run " + saved.id()
                        + (saved.versionId() == null ? "" : " (strategy version " + saved.versionId() + ")"));
            }
        }, error -> {
            if (shownResult == shown) {
                resultTitle.set("New run · not saved: " + oneLine(error.getMessage()));
            }
        });
    }

    private void show(BacktestResult result, Map<String, String> parameters) {
        shownResult++;
        shown.set(result);
        shownParameters = Map.of();
        shownRunId = null;
        shownVersion = null;
        // an option run's premium, assignments and P&L split first: what a wheel or spread trader looks for
        List<MetricRow> rows = new ArrayList<>(OptionRows.of(org.leverdesk.backtest.OptionResults.of(result)));
        rows.addAll(MetricRows.of(result.metrics(), result.benchmarkMetrics()));
        metricRows.setAll(rows);
        trades.setAll(result.fills());
        if (result.benchmarkEquity() != null && EquityCurves.benchmark(result) == null && result.benchmarkEquity().length > 0) {
            LOG.warn("benchmark equity has {} points but strategy equity has {}; benchmark not charted",
                    result.benchmarkEquity().length, result.equity().size());
        }
        if (EquityCurves.defaultUnit(result) == EquityUnit.GROWTH) {
            equityUnit.set(EquityUnit.GROWTH);
        }
        equitySeries.set(EquityCurves.equity(result, equityUnit.get()));
        drawdownSeries.set(EquityCurves.drawdown(result));

        List<EquityPoint> equity = result.equity();
        String range = equity.isEmpty() ? "no days"
                : Formats.date(equity.get(0).date()) + " … " + Formats.date(equity.get(equity.size() - 1).date())
                + " (" + Formats.count(equity.size()) + " days)";
        decisions.show(result.decisions());
        loadPrices(result, parameters);
        statusMessage.set(result.symbol() + " " + range + ", " + Formats.count(result.fills().size()) + " fills"
                + (result.dataSource() == null || result.dataSource().isBlank() ? "" : ", data: " + result.dataSource()));
    }

    /**
     * Loads the traded symbol's bars (and the regime strategy's signal symbol's) in the background and
     * charts them unless another result is shown by then.
     */
    private void loadPrices(BacktestResult result, Map<String, String> parameters) {
        long shown = shownResult;
        priceChart.set(PriceChartData.empty());
        if (result.equity().isEmpty()) {
            return;
        }
        LocalDate start = result.config().from().minusDays(PriceCharts.WARM_UP_DAYS);
        String signal = PriceCharts.signalSymbol(result.strategyId(), parameters, defaultsOf(result.strategyId()));
        executor.execute(() -> PriceCharts.of(result, runner.bars(result.symbol(), start, result.config().to()),
                        signal == null ? null : runner.bars(signal, start, result.config().to())),
                data -> {
                    if (shownResult == shown) {
                        priceChart.set(data);
                    }
                },
                error -> LOG.warn("price chart of {} not available: {}", result.symbol(), oneLine(error.getMessage())));
    }

    private void fail(Throwable error) {
        running.set(false);
        progressMessage.set("");
        if (error instanceof CancellationException) {
            statusMessage.set("Backtest cancelled.");
            progress.set(0);
            return;
        }
        if (error instanceof IllegalArgumentException || error instanceof MarketDataException) {
            errorMessage.set(oneLine(error.getMessage()));
            return;
        }
        LOG.error("backtest failed", error);
        errorMessage.set("Backtest failed unexpectedly (" + error.getClass().getSimpleName() + ": "
                + oneLine(error.getMessage()) + "); see the log for details.");
    }

    private void clearResults() {
        shownResult++;
        shown.set(null);
        metricRows.clear();
        trades.clear();
        equitySeries.set(List.of());
        drawdownSeries.set(List.of());
        priceChart.set(PriceChartData.empty());
        decisions.show(List.of());
    }

    /** The default parameter values of strategy {@code id} ("" when the runner does not offer it). */
    private Map<String, String> defaultsOf(String id) {
        Map<String, String> out = new LinkedHashMap<>();
        strategies.stream().filter(i -> i.id().equals(id)).findFirst()
                .ifPresent(i -> i.parameters().forEach(p -> out.put(p.name(), p.defaultValue() == null ? "" : p.defaultValue())));
        return out;
    }

    private void strategyChanged(StrategyInfo info) {
        // another strategy's charts and metrics would be read as this one's: clear them (and stop its run)
        if (running.get()) {
            cancel();
        }
        clearResults();
        errorMessage.set("");
        statusMessage.set("");
        resultTitle.set("");
        form.get().problems().removeListener(formProblems);
        form.get().fields().forEach(f -> f.valueProperty().removeListener(parameterChanged));
        liveDebounce.cancel();
        liveToken.cancel();
        liveRunning.set(false);
        FormModel made = new FormModel(List.of(), null);
        if (info != null) {
            symbol.set(info.defaultSymbol() == null ? "" : info.defaultSymbol());
            benchmark.set(symbol.get());
            made = formOf(info);
        }
        made.problems().addListener(formProblems);
        made.fields().forEach(f -> f.valueProperty().addListener(parameterChanged));
        form.set(made);
        validate();
    }

    /**
     * The catalog's parameters of {@code info} with the strategy's own check of the whole set (the
     * same parse the CLI's backtest runs); the runner's names and defaults when the catalog lacks it.
     */
    private FormModel formOf(StrategyInfo info) {
        java.util.Optional<StrategyDescriptor> described = catalog.find(info.id());
        if (described.isPresent()) {
            StrategyDescriptor d = described.get();
            return new FormModel(d.parameters(), p -> d.factory().create(checkedSymbol(d.defaultSymbol()), p));
        }
        List<ParameterSpec> guessed = info.parameters().stream()
                .map(p -> new ParameterSpec(p.name(), p.defaultValue(), p.description())).toList();
        return new FormModel(guessed, null);
    }

    /** The traded symbol to build a strategy with while checking its parameters (its default while the field is empty). */
    private String checkedSymbol(String fallback) {
        String s = upper(symbol.get());
        return s.isEmpty() || s.chars().anyMatch(Character::isWhitespace) ? fallback : s;
    }

    private void validate() {
        symbolError.set(symbolProblem("Symbol", symbol.get()));
        benchmarkError.set(symbolProblem("Benchmark", benchmark.get()));
        LocalDate f = from.get();
        LocalDate t = to.get();
        datesError.set(f == null || t == null ? "Choose both a From and a To date"
                : f.isAfter(t) ? "From date (" + f + ") must be on or before To date (" + t + ")" : "");
        double c = parseCapital(capital.get());
        capitalError.set(Double.isNaN(c) ? "Capital must be a number, e.g. 10000"
                : c > 0 && Double.isFinite(c) ? "" : "Capital must be a positive amount");
        commissionPerOrderError.set(costProblem("Commission per order", commissionPerOrder.get(), "1.00"));
        commissionPerShareError.set(costProblem("Commission per share", commissionPerShare.get(), "0.005"));
        slippageError.set(costProblem("Slippage (bps)", slippageBps.get(), "5"));

        List<String> problems = new ArrayList<>();
        if (strategy.get() == null) {
            problems.add(strategies.isEmpty() ? "No strategies are available" : "Choose a strategy");
        }
        for (String p : List.of(symbolError.get(), datesError.get(), capitalError.get(), benchmarkError.get(),
                commissionPerOrderError.get(), commissionPerShareError.get(), slippageError.get())) {
            if (!p.isEmpty()) {
                problems.add(p);
            }
        }
        problems.addAll(form.get().problems());
        validationMessage.set(problems.isEmpty() ? "" : problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        valid.set(problems.isEmpty());
    }

    private static String symbolProblem(String what, String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            return what + " must not be empty, e.g. QQQ";
        }
        return v.chars().anyMatch(Character::isWhitespace) ? what + " must be one ticker without spaces" : "";
    }

    private static String costProblem(String what, String text, String example) {
        double v = parseCapital(text);
        if (Double.isNaN(v)) {
            return what + " must be a number, e.g. " + example + " (0 for none)";
        }
        return Double.isFinite(v) && v >= 0 ? "" : what + " must be zero or a positive finite amount";
    }

    /** Parses "10000", "10,000" or "$10,000.50"; NaN when it is not a number. */
    static double parseCapital(String text) {
        String t = text == null ? "" : text.trim().replace(",", "").replace("_", "").replace("$", "");
        if (t.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String upper(String s) {
        return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
    }

    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message.strip() : message.substring(0, nl).strip();
    }
}
