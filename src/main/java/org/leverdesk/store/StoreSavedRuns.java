package org.leverdesk.store;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.SavedRuns;

/** {@link SavedRuns} over the H2 store's backtest tables. */
public final class StoreSavedRuns implements SavedRuns {
    private final BacktestRunRepository runs;

    public StoreSavedRuns(Store store, Clock clock) {
        this.runs = new BacktestRunRepository(store, clock);
    }

    @Override
    public long save(BacktestResult result, Map<String, String> parameters) {
        return runs.save(result, parameters, null);
    }

    @Override
    public List<SavedRun> list() {
        return runs.list().stream().map(s -> new SavedRun(s.id(), s.strategyId(), s.symbol(), s.from(), s.to(), s.createdAt(),
                s.totalReturn(), s.finalEquity())).toList();
    }

    @Override
    public Optional<BacktestResult> load(long id) {
        return runs.load(id);
    }
}
