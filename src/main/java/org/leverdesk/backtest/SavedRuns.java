package org.leverdesk.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Backtest runs kept in the store: save a result, list what is kept, re-open one. */
public interface SavedRuns {
    /** Saves a finished run and returns its id. */
    long save(BacktestResult result, java.util.Map<String, String> parameters);

    /** All saved runs, newest first. */
    List<SavedRun> list();

    /** The full result of run {@code id}, or empty when there is no such run. */
    Optional<BacktestResult> load(long id);

    /** The list line of run {@code id} (its strategy version, data and parameters), or empty. */
    default Optional<SavedRun> find(long id) {
        return list().stream().filter(r -> r.id() == id).findFirst();
    }

    /**
     * One line of the saved-runs list; {@code versionId} is the strategy version it ran, null when
     * unknown; {@code dataSource} the prices it ran on ("DEMO — simulated prices", "CSV …", the
     * store), "" when not recorded; {@code parameters} as given to the run (others at their defaults).
     */
    record SavedRun(long id, String strategyId, String symbol, LocalDate from, LocalDate to, Instant createdAt,
                    double totalReturn, double finalEquity, Long versionId, String dataSource,
                    Map<String, String> parameters) {
        public SavedRun {
            dataSource = dataSource == null ? "" : dataSource;
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        }

        /** A run with a strategy version but no recorded data source or parameters. */
        public SavedRun(long id, String strategyId, String symbol, LocalDate from, LocalDate to, Instant createdAt,
                        double totalReturn, double finalEquity, Long versionId) {
            this(id, strategyId, symbol, from, to, createdAt, totalReturn, finalEquity, versionId, "", Map.of());
        }

        /** A run that references no strategy version. */
        public SavedRun(long id, String strategyId, String symbol, LocalDate from, LocalDate to, Instant createdAt,
                        double totalReturn, double finalEquity) {
            this(id, strategyId, symbol, from, to, createdAt, totalReturn, finalEquity, null);
        }

        /** True when the run used the simulated demo market rather than real prices. */
        public boolean simulated() {
            return dataSource.startsWith("DEMO");
        }
    }
}
