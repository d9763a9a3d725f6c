package org.leverdesk.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.SavedRuns;

/**
 * {@link SavedRuns} in memory for UI tests: ids count from 1, the list is newest first, each distinct
 * parameter set of a strategy is a version (1, 2, … in the order first saved), and each call can be
 * made to fail. Thread-safe, because the UI calls it from a background thread.
 */
public final class FakeSavedRuns implements SavedRuns {
    private final Clock clock;
    private final List<SavedRun> rows = new ArrayList<>();
    private final List<BacktestResult> results = new ArrayList<>();
    private final List<Map<String, String>> parameters = new ArrayList<>();
    /** Per strategy, each distinct parameter set in the order first seen: its version is its position + 1. */
    private final Map<String, List<Map<String, String>>> versions = new java.util.HashMap<>();
    private volatile RuntimeException failure;

    public FakeSavedRuns(Clock clock) {
        this.clock = clock;
    }

    /** Makes every following call throw {@code e} (null to work again). */
    public void failWith(RuntimeException e) {
        failure = e;
    }

    /** Removes run {@code id}, as if another process had deleted it. */
    public synchronized void forget(long id) {
        rows.removeIf(r -> r.id() == id);
    }

    /** The parameters run {@code id} was saved with. */
    public synchronized Map<String, String> parametersOf(long id) {
        return parameters.get((int) id - 1);
    }

    @Override
    public synchronized long save(BacktestResult result, Map<String, String> params) {
        throwIfFailing();
        long id = results.size() + 1;
        results.add(result);
        parameters.add(Map.copyOf(params));
        List<Map<String, String>> seen = versions.computeIfAbsent(result.strategyId(), k -> new ArrayList<>());
        if (!seen.contains(Map.copyOf(params))) {
            seen.add(Map.copyOf(params));
        }
        long versionId = seen.indexOf(Map.copyOf(params)) + 1;
        rows.add(0, new SavedRun(id, result.strategyId(), result.symbol(), result.config().from(), result.config().to(),
                clock.instant(), result.metrics().totalReturn(), result.metrics().finalEquity(), versionId, result.dataSource(),
                params));
        return id;
    }

    @Override
    public synchronized List<SavedRun> list() {
        throwIfFailing();
        return List.copyOf(rows);
    }

    @Override
    public synchronized Optional<BacktestResult> load(long id) {
        throwIfFailing();
        return rows.stream().anyMatch(r -> r.id() == id) ? Optional.of(results.get((int) id - 1)) : Optional.empty();
    }

    private void throwIfFailing() {
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
    }
}
