package org.leverdesk.ui.backtest;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.SavedRuns;
import org.leverdesk.backtest.SavedRuns.SavedRun;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The list of saved backtest runs and the store calls behind it. Every call to {@link SavedRuns}
 * goes through the {@link TaskExecutor} because the store is a database on disk; results come back
 * on the UI thread.
 */
public final class SavedRunsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SavedRunsViewModel.class);

    private final SavedRuns savedRuns;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final Map<String, String> strategyNames;
    private final ObservableList<SavedRun> runs = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private long refreshes;

    /** @param strategyNames display names by strategy id, for runs of strategies the runner still offers */
    SavedRunsViewModel(SavedRuns savedRuns, TaskExecutor executor, ZoneId zone, Map<String, String> strategyNames) {
        this.savedRuns = Objects.requireNonNull(savedRuns, "savedRuns");
        this.executor = executor;
        this.zone = zone;
        this.strategyNames = Map.copyOf(strategyNames);
    }

    /** The strategy's display name, or its id when the runner no longer offers it. */
    public String strategyName(SavedRun run) {
        return strategyNames.getOrDefault(run.strategyId(), run.strategyId());
    }

    /** The prices a run used: "DEMO — simulated prices" or the real source; "not recorded" for old runs. */
    public static String data(SavedRun run) {
        return run.dataSource().isEmpty() ? "not recorded" : run.dataSource();
    }

    /** When {@code run} was saved, as local date and time: "2024-06-28 15:04". */
    public String created(SavedRun run) {
        return Formats.dateTime(run.createdAt(), zone);
    }

    /** Saved runs, newest first, as last listed. */
    public ObservableList<SavedRun> runs() {
        return FXCollections.unmodifiableObservableList(runs);
    }

    /** True while a run is being loaded. */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** Why listing or opening failed, as one line; "" when the last call worked. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Lists the saved runs again in the background. */
    public void refresh() {
        // Lists run in parallel on a pool; only the newest one may replace the rows, or an old slow
        // list could hide a run saved since.
        long ticket = ++refreshes;
        executor.execute(savedRuns::list, (List<SavedRun> list) -> {
            if (ticket != refreshes) {
                return;
            }
            runs.setAll(list);
            if (message.get().startsWith("Could not list")) {
                message.set("");
            }
        }, error -> {
            LOG.warn("listing saved runs failed", error);
            message.set("Could not list saved runs: " + BacktestViewModel.oneLine(error.getMessage()));
        });
    }

    /**
     * Saves {@code result} in the background, then reports its list line (with the strategy version
     * the store gave it, so an export states it as the CLI does) and refreshes the list.
     */
    void save(BacktestResult result, Map<String, String> parameters, Consumer<SavedRun> onSaved, Consumer<Throwable> onFailed) {
        executor.execute(() -> {
            long id = savedRuns.save(result, parameters);
            return savedRuns.find(id).orElse(new SavedRun(id, result.strategyId(), result.symbol(), result.config().from(),
                    result.config().to(), null, Double.NaN, Double.NaN, null, result.dataSource(), parameters));
        }, saved -> {
            onSaved.accept(saved);
            refresh();
        }, error -> {
            LOG.warn("saving the backtest run failed", error);
            onFailed.accept(error);
        });
    }

    /** Loads {@code run} in the background and hands it to {@code onLoaded}; ignored while another open is under way. */
    void open(SavedRun run, Consumer<BacktestResult> onLoaded) {
        if (run == null || opening.get()) {
            return;
        }
        opening.set(true);
        message.set("");
        executor.execute(() -> savedRuns.load(run.id()), loaded -> {
            opening.set(false);
            if (loaded.isPresent()) {
                onLoaded.accept(loaded.get());
            } else {
                message.set("Run " + run.id() + " is no longer in the store; the list was refreshed");
                refresh();
            }
        }, error -> {
            opening.set(false);
            LOG.warn("opening saved run {} failed", run.id(), error);
            message.set("Could not open run " + run.id() + ": " + BacktestViewModel.oneLine(error.getMessage()));
        });
    }
}
