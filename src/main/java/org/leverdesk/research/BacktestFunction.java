package org.leverdesk.research;

import java.time.LocalDate;
import java.util.Map;
import org.leverdesk.common.CancellationToken;

/**
 * The research lab's only way to the backtest engine: a parameter set and a date range in, a
 * {@link Trial} out. {@link RunnerBacktestFunction} runs each trial through the public
 * {@link org.leverdesk.backtest.BacktestRunner}; a faster implementation can load prices and compute
 * indicators once in {@link #prepare} and share them across every run of a sweep, and
 * {@link org.leverdesk.research.cluster.ClusterBacktestFunction} sends runs to other machines.
 */
public interface BacktestFunction extends AutoCloseable {
    /**
     * Runs of {@code base} over [{@code from}, {@code to}] that differ only in parameters. Cheap to call;
     * the returned object is used by several threads at once and must be thread-safe.
     *
     * @throws IllegalArgumentException for an unknown strategy or an empty range (one line)
     */
    Prepared prepare(RunBase base, LocalDate from, LocalDate to);

    /** How many runs are worth running at once (local cores, or the cores of a cluster's workers). */
    int parallelism();

    /** Releases what the function holds (a cluster connection); nothing for a local one. */
    @Override
    default void close() {
    }

    /** Runs of one base over one range. */
    interface Prepared {
        /**
         * One backtest with {@code varied} parameters on top of the base's.
         *
         * @throws IllegalArgumentException for invalid parameters (one line)
         * @throws java.util.concurrent.CancellationException when cancelled through the token
         */
        Trial run(Map<String, String> varied, CancellationToken cancel);
    }
}
