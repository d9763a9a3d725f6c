package org.leverdesk.ui.research;

import java.time.Duration;
import org.leverdesk.backtest.BacktestRunner;
import org.leverdesk.research.BacktestFunction;
import org.leverdesk.research.RunnerBacktestFunction;
import org.leverdesk.research.cluster.ClusterBacktestFunction;
import org.leverdesk.research.cluster.ClusterSettings;
import org.leverdesk.research.cluster.PriceFingerprints;

/** Where the Research view's backtests run: this machine's cores, or the workers of a cluster. */
@FunctionalInterface
public interface ResearchBackends {
    /**
     * The backtest function for {@code clusterMembers} ("" or null: this machine). Called on a background
     * thread; the caller closes it.
     */
    BacktestFunction open(String clusterMembers);

    /** This machine over {@code runner}, or a cluster (default name and port, 30 s to find a worker). */
    static ResearchBackends of(BacktestRunner runner) {
        return members -> members == null || members.isBlank() ? new RunnerBacktestFunction(runner)
                : ClusterBacktestFunction.connect(ClusterSettings.of(members, ClusterSettings.DEFAULT_NAME,
                        ClusterSettings.DEFAULT_PORT, null), new PriceFingerprints(runner), Duration.ofSeconds(30));
    }
}
