package org.leverdesk.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Backtest runs kept in the store: save a result, list what is kept, re-open one. */
public interface SavedRuns {
    /** Saves a finished run and returns its id. */
    long save(BacktestResult result, java.util.Map<String, String> parameters);

    /** All saved runs, newest first. */
    List<SavedRun> list();

    /** The full result of run {@code id}, or empty when there is no such run. */
    Optional<BacktestResult> load(long id);

    /** One line of the saved-runs list; {@code versionId} is the strategy version it ran, null when unknown. */
    record SavedRun(long id, String strategyId, String symbol, LocalDate from, LocalDate to, Instant createdAt,
                    double totalReturn, double finalEquity, Long versionId) {
        /** A run that references no strategy version. */
        public SavedRun(long id, String strategyId, String symbol, LocalDate from, LocalDate to, Instant createdAt,
                        double totalReturn, double finalEquity) {
            this(id, strategyId, symbol, from, to, createdAt, totalReturn, finalEquity, null);
        }
    }
}
