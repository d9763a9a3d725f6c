package org.leverdesk.backtest.runs;

import org.leverdesk.store.Store;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.SavedRuns;
import org.leverdesk.strategy.catalog.StrategyVersions;

/** {@link SavedRuns} over the H2 store's backtest tables. */
public final class StoreSavedRuns implements SavedRuns {
    /** Who created a version first seen in a backtest. */
    public static final String BACKTEST = "backtest";
    private final BacktestRunRepository runs;
    /** Null: runs are saved without a strategy version. */
    private final StrategyVersions versions;

    /** Saved runs that reference no strategy version. */
    public StoreSavedRuns(Store store, Clock clock) {
        this(store, clock, null);
    }

    /** Saved runs that reference the version of the parameters they ran with (created by "backtest" when new). */
    public StoreSavedRuns(Store store, Clock clock, StrategyVersions versions) {
        this.runs = new BacktestRunRepository(store, clock);
        this.versions = versions;
    }

    @Override
    public long save(BacktestResult result, Map<String, String> parameters) {
        return saveWithVersion(result, parameters).runId();
    }

    /** Saves {@code result} and returns the run id with the id of the version it ran (null without versions). */
    public SavedWithVersion saveWithVersion(BacktestResult result, Map<String, String> parameters) {
        Long versionId = versions == null ? null
                : versions.save(result.strategyId(), parameters, null, BACKTEST).id();
        return new SavedWithVersion(runs.save(result, parameters, versionId), versionId);
    }

    /**
     * Saves {@code result} referencing no strategy version: a run of several strategies together (an options mode,
     * saved as {@code mode:MODE}), whose {@code parameters} say what ran; returns the run id.
     */
    public long saveWithoutVersion(BacktestResult result, Map<String, String> parameters) {
        return runs.save(result, parameters, null);
    }

    /** A saved run's id and the strategy version it references (may be null). */
    public record SavedWithVersion(long runId, Long versionId) {
    }

    @Override
    public List<SavedRun> list() {
        return runs.list().stream().map(s -> new SavedRun(s.id(), s.strategyId(), s.symbol(), s.from(), s.to(), s.createdAt(),
                s.totalReturn(), s.finalEquity(), s.versionId(), s.dataSource(), s.parameters())).toList();
    }

    @Override
    public Optional<BacktestResult> load(long id) {
        return runs.load(id);
    }
}
