package org.leverdesk.ui.research;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.backtest.BacktestRequest;
import org.leverdesk.backtest.BacktestRunner;
import org.leverdesk.backtest.BacktestRunner.StrategyInfo;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.SavedRuns;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.research.BacktestFunction;
import org.leverdesk.research.Metric;
import org.leverdesk.research.ParameterCheck;
import org.leverdesk.research.RunBase;
import org.leverdesk.research.Trial;
import org.leverdesk.research.montecarlo.MonteCarlo;
import org.leverdesk.research.montecarlo.MonteCarloRequest;
import org.leverdesk.research.montecarlo.MonteCarloResult;
import org.leverdesk.research.saved.ResearchRuns;
import org.leverdesk.research.sweep.ParameterAxis;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.research.sweep.SearchSpace;
import org.leverdesk.research.sweep.SweepRequest;
import org.leverdesk.research.sweep.SweepResult;
import org.leverdesk.research.sweep.SweepRunner;
import org.leverdesk.research.walkforward.WalkForward;
import org.leverdesk.research.walkforward.WalkForwardRequest;
import org.leverdesk.research.walkforward.WalkForwardResult;
import org.leverdesk.ui.common.ProgressRelay;
import org.leverdesk.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Research view's state and commands: the sweep form (strategy, range, capital, metric, the values
 * to try per parameter, grid or seeded random search, an optional cluster), running a sweep or a
 * walk-forward in the background with progress, time left and cancel, the results (sortable rows, the
 * heatmap or line, the overfitting statistics), Monte Carlo of the selected run, and opening a run in
 * the Backtest view. Everything the view shows is a property here; the view binds and forwards.
 */
public final class ResearchViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ResearchViewModel.class);
    static final int DEFAULT_YEARS = 3;

    private final BacktestRunner runner;
    private final SavedRuns savedRuns;
    private final ResearchRuns researchRuns;
    private final ResearchBackends backends;
    private final ParameterCheck check;
    private final TaskExecutor executor;
    private final Consumer<SavedRuns.SavedRun> openInBacktest;
    private final StrategyCatalog catalog;

    private final ObservableList<StrategyInfo> strategies;
    private final ObjectProperty<StrategyInfo> strategy = new SimpleObjectProperty<>();
    private final ObservableList<ParameterRow> parameters = FXCollections.observableArrayList();
    private final StringProperty symbol = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty capital = new SimpleStringProperty("10000");
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(Metric.SHARPE);
    private final BooleanProperty random = new SimpleBooleanProperty(false);
    private final StringProperty samples = new SimpleStringProperty("200");
    private final StringProperty seed = new SimpleStringProperty("1");
    private final StringProperty inSample = new SimpleStringProperty("24m");
    private final StringProperty outOfSample = new SimpleStringProperty("6m");
    private final BooleanProperty anchored = new SimpleBooleanProperty(false);
    private final StringProperty cluster = new SimpleStringProperty("");

    private final ReadOnlyStringWrapper formProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper plan = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private final ReadOnlyObjectWrapper<SweepResult> sweep = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Trial> trials = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<ParameterColumn>> parameterColumns = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<SweepChart> chart = new ReadOnlyObjectWrapper<>(SweepChart.NONE);
    private final ReadOnlyStringWrapper overfittingText = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Trial> selected = new SimpleObjectProperty<>();

    private final ReadOnlyObjectWrapper<WalkForwardResult> walkForward = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper walkForwardText = new ReadOnlyStringWrapper("");

    private final StringProperty monteCarloRuns = new SimpleStringProperty(Integer.toString(MonteCarloRequest.DEFAULT_RUNS));
    private final StringProperty monteCarloDrawdown = new SimpleStringProperty("30");
    private final ReadOnlyObjectWrapper<MonteCarloResult> monteCarlo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper monteCarloText = new ReadOnlyStringWrapper("Select a run of a sweep to resample its trades.");

    private CancellationToken cancel;

    /**
     * @param savedRuns      where a run opened from the results is saved (null: runs cannot be opened in the Backtest view)
     * @param researchRuns   where sweeps and walk-forwards are saved (null: not saved)
     * @param openInBacktest shows a saved run in the Backtest view (the saved-runs list's way of opening one)
     * @param clock          gives today for the default range (the last {@value #DEFAULT_YEARS} years)
     */
    public ResearchViewModel(BacktestRunner runner, SavedRuns savedRuns, ResearchRuns researchRuns, ResearchBackends backends,
                             ParameterCheck check, TaskExecutor executor, Consumer<SavedRuns.SavedRun> openInBacktest, Clock clock) {
        this(runner, savedRuns, researchRuns, backends, check, executor, openInBacktest, clock, StrategyCatalog.builtIn());
    }

    /** @param catalog the parameter model whose labels and units head the form, the table and the chart */
    public ResearchViewModel(BacktestRunner runner, SavedRuns savedRuns, ResearchRuns researchRuns, ResearchBackends backends,
                             ParameterCheck check, TaskExecutor executor, Consumer<SavedRuns.SavedRun> openInBacktest, Clock clock,
                             StrategyCatalog catalog) {
        this.catalog = catalog;
        this.runner = runner;
        this.savedRuns = savedRuns;
        this.researchRuns = researchRuns;
        this.backends = backends;
        this.check = check == null ? ParameterCheck.NONE : check;
        this.executor = executor;
        this.openInBacktest = openInBacktest;
        this.strategies = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(runner.strategies()));
        LocalDate today = LocalDate.now(clock);
        to.set(today);
        from.set(today.minusYears(DEFAULT_YEARS));
        strategy.addListener((obs, old, now) -> strategyChanged(now));
        for (Observable o : List.of(strategy, from, to, capital, random, samples, seed, cluster)) {
            o.addListener(x -> validate());
        }
        selected.addListener((obs, old, now) -> resample(now));
        monteCarloRuns.addListener(x -> resample(selected.get()));
        monteCarloDrawdown.addListener(x -> resample(selected.get()));
        if (!strategies.isEmpty()) {
            strategy.set(strategies.get(0));
        }
        validate();
    }

    // ---- form ----------------------------------------------------------------------------------

    public ObservableList<StrategyInfo> strategies() { return strategies; }
    public ObjectProperty<StrategyInfo> strategyProperty() { return strategy; }
    /** One row per parameter of the chosen strategy. */
    public ObservableList<ParameterRow> parameters() { return parameters; }
    public StringProperty symbolProperty() { return symbol; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public StringProperty capitalProperty() { return capital; }
    public ObjectProperty<Metric> metricProperty() { return metric; }
    /** Random search instead of the full grid. */
    public BooleanProperty randomProperty() { return random; }
    public StringProperty samplesProperty() { return samples; }
    public StringProperty seedProperty() { return seed; }
    public StringProperty inSampleProperty() { return inSample; }
    public StringProperty outOfSampleProperty() { return outOfSample; }
    public BooleanProperty anchoredProperty() { return anchored; }
    /** Cluster members ("host:port,..."); empty: this machine. */
    public StringProperty clusterProperty() { return cluster; }
    /** Why the form cannot run, as one line; "" when it can. */
    public ReadOnlyStringProperty formProblemProperty() { return formProblem.getReadOnlyProperty(); }
    /** What a run would do: "1,681 runs of rsi2 on TQQQ". */
    public ReadOnlyStringProperty planProperty() { return plan.getReadOnlyProperty(); }

    private void strategyChanged(StrategyInfo s) {
        parameters.clear();
        if (s == null) {
            return;
        }
        symbol.set(s.defaultSymbol());
        ParameterHeadings headings = ParameterHeadings.of(catalog, s.id());
        for (BacktestRunner.Parameter p : s.parameters()) {
            ParameterRow row = new ParameterRow(p.name(), headings.of(p.name()), p.defaultValue(), p.description(),
                    headings.shown(p.name(), p.defaultValue()), spec -> headings.typed(p.name(), spec));
            row.specProperty().addListener(x -> validate());
            parameters.add(row);
        }
    }

    /** Fills the values to try for {@code name} (used by tests and presets). */
    public void setSpec(String name, String spec) {
        parameters.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter " + name)).specProperty().set(spec);
    }

    private void validate() {
        List<String> problems = new ArrayList<>();
        for (ParameterRow r : parameters) {
            String spec = r.specProperty().get().trim();
            r.setProblem("");
            if (!spec.isEmpty()) {
                try {
                    ParameterAxis.of(r.name(), r.strategySpec());
                } catch (IllegalArgumentException e) {
                    r.setProblem(e.getMessage());
                    problems.add(e.getMessage());
                }
            }
        }
        try {
            if (problems.isEmpty()) {
                SweepRequest q = sweepRequest();
                long n = q.space().isRandom() ? Math.min(q.space().samples(), q.space().gridSize()) : q.space().gridSize();
                plan.set(String.format(Locale.ROOT, "%,d run%s of %s on %s", n, n == 1 ? "" : "s", q.base().strategyId(),
                        q.base().symbol() == null ? "its symbol" : q.base().symbol()));
            }
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        formProblem.set(problems.isEmpty() ? "" : problems.get(0));
        if (!problems.isEmpty()) {
            plan.set("");
        }
    }

    SweepRequest sweepRequest() {
        StrategyInfo s = strategy.get();
        if (s == null) {
            throw new IllegalArgumentException("choose a strategy");
        }
        List<ParameterAxis> axes = new ArrayList<>();
        for (ParameterRow r : parameters) {
            if (!r.specProperty().get().isBlank()) {
                axes.add(ParameterAxis.of(r.name(), r.strategySpec()));
            }
        }
        if (axes.stream().noneMatch(a -> a.size() > 1)) {
            throw new IllegalArgumentException("type the values to try for at least one parameter, e.g. 5..45:1 or 20,25,30");
        }
        SearchSpace space = random.get() ? SearchSpace.random(axes, whole(samples.get(), "samples"), whole(seed.get(), "seed"))
                : SearchSpace.grid(axes);
        return new SweepRequest(base(), from.get(), to.get(), space, metric.get());
    }

    private RunBase base() {
        double c;
        try {
            c = Double.parseDouble(capital.get().replace(",", "").replace("$", "").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("capital must be a number of dollars (got '" + capital.get() + "')");
        }
        String sym = symbol.get() == null || symbol.get().isBlank() ? null : symbol.get().trim().toUpperCase(Locale.ROOT);
        return new RunBase(strategy.get().id(), sym, c, CostModel.FREE, null, Map.of());
    }

    private static int whole(String text, String name) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number (got '" + text + "')");
        }
    }

    // ---- running -------------------------------------------------------------------------------

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** "runs: 412 of 1,681 · about 0:23 left". */
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    /** What the last job did ("1,681 runs in 39.2 s · saved as research run 3"). */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** Why the last job failed, one line; "" when it did not. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** Runs the sweep of the form in the background. */
    public void runSweep() {
        SweepRequest q;
        try {
            q = sweepRequest();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        String members = cluster.get();
        start(token -> {
            try (BacktestFunction fn = backends.open(members)) {
                SweepResult r = new SweepRunner(fn, check).run(q, relay(token), token);
                Long id = researchRuns == null ? null : researchRuns.save(r, null);
                return new Saved<>(r, id);
            }
        }, (Saved<SweepResult> s) -> showSweep(s.value(), s.id()));
    }

    /** Runs a walk-forward of the form (in-sample / out-of-sample lengths, rolling or anchored) in the background. */
    public void runWalkForward() {
        WalkForwardRequest q;
        try {
            SweepRequest s = sweepRequest();
            q = new WalkForwardRequest(s.base(), s.from(), s.to(), s.space(), s.metric(), WalkForwardRequest.parsePeriod(inSample.get()),
                    WalkForwardRequest.parsePeriod(outOfSample.get()), anchored.get());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        String members = cluster.get();
        start(token -> {
            try (BacktestFunction fn = backends.open(members)) {
                WalkForwardResult r = new WalkForward(fn, check).run(q, relay(token), token);
                Long id = researchRuns == null ? null : researchRuns.save(r, null);
                return new Saved<>(r, id);
            }
        }, (Saved<WalkForwardResult> s) -> showWalkForward(s.value(), s.id()));
    }

    /** Stops the running job. */
    public void cancel() {
        if (cancel != null) {
            cancel.cancel();
            progressText.set("Cancelling…");
        }
    }

    private record Saved<T>(T value, Long id) {
    }

    private interface Job<T> {
        T run(CancellationToken token) throws Exception;
    }

    private <T> void start(Job<T> job, Consumer<T> done) {
        if (running.get()) {
            return;
        }
        CancellationToken token = new CancellationToken();
        cancel = token;
        running.set(true);
        error.set("");
        message.set("");
        progress.set(0);
        progressText.set("Starting…");
        executor.execute(() -> job.run(token), result -> {
            running.set(false);
            progressText.set("");
            done.accept(result);
        }, e -> {
            running.set(false);
            progressText.set("");
            if (e instanceof java.util.concurrent.CancellationException) {
                message.set("Cancelled; nothing was saved");
            } else {
                LOG.warn("research job failed", e);
                error.set(oneLine(e));
            }
        });
    }

    private ProgressListener relay(CancellationToken token) {
        return new ProgressRelay(executor, (f, m) -> {
            if (cancel == token && running.get()) {
                progress.set(f);
                progressText.set(m);
            }
        });
    }

    // ---- sweep results -------------------------------------------------------------------------

    public ReadOnlyObjectProperty<SweepResult> sweepProperty() { return sweep.getReadOnlyProperty(); }
    /** The runs of the last sweep, best first by its metric (the table sorts them further). */
    public ObservableList<Trial> trials() { return trials; }
    /** The headings and on/off words of {@code strategyId}'s parameters, for the tabs that show parameter sets. */
    ParameterHeadings headings(String strategyId) {
        return ParameterHeadings.of(catalog, strategyId);
    }

    /** A varied parameter's table column: the name its values are kept under and its heading (label and unit). */
    public record ParameterColumn(String name, String heading) {
    }

    /** The varied parameters, one table column each. */
    public ReadOnlyObjectProperty<List<ParameterColumn>> parameterColumnsProperty() { return parameterColumns.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<SweepChart> chartProperty() { return chart.getReadOnlyProperty(); }
    /** The deflated Sharpe ratio and PBO of the last sweep, in words. */
    public ReadOnlyStringProperty overfittingTextProperty() { return overfittingText.getReadOnlyProperty(); }
    /** The run the Monte Carlo tab resamples. */
    public ObjectProperty<Trial> selectedProperty() { return selected; }

    /** A sweep table's value of parameter {@code name} as the lab shows it ("on"/"off" for an on/off parameter). */
    public String shownValue(String name, String value) {
        SweepResult r = sweep.get();
        return r == null ? value : headings(r.request().base().strategyId()).shown(name, value);
    }

    /** A walk-forward window's chosen parameters in words: "Entry RSI 20, Exit RSI 70", never "entryRsi=20". */
    public String chosenInWords(org.leverdesk.research.walkforward.WalkForwardWindow w) {
        WalkForwardResult r = walkForward.get();
        return r == null ? w.inSampleBest().label() : headings(r.request().base().strategyId()).inWords(w.inSampleBest().parameters());
    }

    private void showSweep(SweepResult r, Long id) {
        sweep.set(r);
        List<ParameterAxis> varied = r.request().space().varied();
        // headed by the swept strategy, which a loaded saved sweep need not share with the form
        ParameterHeadings headings = ParameterHeadings.of(catalog, r.request().base().strategyId());
        parameterColumns.set(varied.stream().map(a -> new ParameterColumn(a.name(), headings.of(a.name()))).toList());
        trials.setAll(r.ranked(r.request().metric()));
        chart.set(SweepChart.of(varied, r.trials(), r.request().metric(), headings::of));
        overfittingText.set(ResearchTexts.overfitting(r.overfitting()));
        message.set(String.format(Locale.ROOT, "%,d runs in %.1f s%s%s; data: %s", r.trials().size(), r.elapsed().toMillis() / 1000.0,
                r.skipped().isEmpty() ? "" : String.format(Locale.ROOT, " (%,d skipped: %s)", r.skipped().size(),
                        r.skipped().get(0).reason()), id == null ? "" : " · saved as research run " + id, r.dataSource()));
        selected.set(trials.isEmpty() ? null : trials.get(0));
    }

    /**
     * Runs {@code t}'s parameters as a full backtest, saves it with the saved runs and shows it in the Backtest
     * view (as the saved-runs list opens a run).
     */
    public void openInBacktest(Trial t) {
        SweepResult r = sweep.get();
        if (t == null || r == null) {
            return;
        }
        if (savedRuns == null) {
            error.set("Runs can be opened in the Backtest view only with a store; run these parameters there instead");
            return;
        }
        BacktestRequest request = r.request().base().request(t.parameters(), r.request().from(), r.request().to());
        message.set("Opening " + t.label() + " in the Backtest view…");
        executor.execute(() -> {
            var result = runner.run(request, ProgressListener.NONE, CancellationToken.NONE);
            long id = savedRuns.save(result, request.parameters());
            return new SavedRuns.SavedRun(id, result.strategyId(), result.symbol(), result.config().from(), result.config().to(),
                    Instant.now(), result.metrics().totalReturn(), result.metrics().finalEquity());
        }, saved -> {
            message.set("Opened " + t.label() + " as saved run " + saved.id());
            openInBacktest.accept(saved);
        }, e -> error.set("Could not open " + t.label() + ": " + oneLine(e)));
    }

    // ---- walk-forward --------------------------------------------------------------------------

    public ReadOnlyObjectProperty<WalkForwardResult> walkForwardProperty() { return walkForward.getReadOnlyProperty(); }
    /** The stitched out-of-sample figures and the walk-forward efficiency, in words. */
    public ReadOnlyStringProperty walkForwardTextProperty() { return walkForwardText.getReadOnlyProperty(); }

    private void showWalkForward(WalkForwardResult r, Long id) {
        walkForward.set(r);
        walkForwardText.set(ResearchTexts.walkForward(r));
        message.set(String.format(Locale.ROOT, "%d windows in %.1f s%s; data: %s", r.windows().size(), r.elapsed().toMillis() / 1000.0,
                id == null ? "" : " · saved as research run " + id, r.dataSource()));
    }

    // ---- Monte Carlo ---------------------------------------------------------------------------

    public StringProperty monteCarloRunsProperty() { return monteCarloRuns; }
    /** The drawdown threshold X in percent. */
    public StringProperty monteCarloDrawdownProperty() { return monteCarloDrawdown; }
    public ReadOnlyObjectProperty<MonteCarloResult> monteCarloProperty() { return monteCarlo.getReadOnlyProperty(); }
    public ReadOnlyStringProperty monteCarloTextProperty() { return monteCarloText.getReadOnlyProperty(); }

    private void resample(Trial t) {
        SweepResult r = sweep.get();
        if (t == null || r == null) {
            monteCarlo.set(null);
            return;
        }
        MonteCarloRequest q;
        try {
            double years = t.dates().length < 2 ? 0 : (t.dates()[t.dates().length - 1].toEpochDay() - t.dates()[0].toEpochDay()) / 365.25;
            q = new MonteCarloRequest(t.tradeReturns(), r.request().base().capital(), years, whole(monteCarloRuns.get(), "paths"),
                    MonteCarloRequest.DEFAULT_SEED, Double.parseDouble(monteCarloDrawdown.get().trim()) / 100);
        } catch (IllegalArgumentException e) {
            monteCarlo.set(null);
            monteCarloText.set(runInWords(r, t) + ": " + e.getMessage());
            return;
        }
        executor.execute(() -> MonteCarlo.run(q), mc -> {
            if (selected.get() == t) {
                monteCarlo.set(mc);
                monteCarloText.set(runInWords(r, t) + " · " + ResearchTexts.monteCarlo(mc));
            }
        }, e -> monteCarloText.set(oneLine(e)));
    }

    /** The resampled run's parameters in the strategy's labels ("Entry RSI 30, Exit RSI 70"), never "entryRsi=30". */
    private String runInWords(SweepResult r, Trial t) {
        return headings(r.request().base().strategyId()).inWords(t.parameters());
    }

    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replace('\n', ' ').strip();
    }
}
