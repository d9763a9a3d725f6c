package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.research.BacktestFunction;
import org.leverdesk.research.RunnerBacktestFunction;
import org.leverdesk.research.cluster.ClusterBacktestFunction;
import org.leverdesk.research.cluster.ClusterSettings;
import org.leverdesk.research.cluster.PriceFingerprints;
import picocli.CommandLine.Option;

/** {@code --cluster}: run a sweep or walk-forward on the workers of a Hazelcast cluster instead of this machine. */
final class ClusterOptions {
    @Option(names = "--cluster", paramLabel = "HOST[:PORT],...",
            description = "Run the backtests on the Leverdesk workers reachable at these addresses ('leverdesk worker' on each).")
    String members;

    @Option(names = "--cluster-name", defaultValue = ClusterSettings.DEFAULT_NAME, paramLabel = "NAME",
            description = "Cluster name the workers were started with (default: ${DEFAULT-VALUE}).")
    String clusterName;

    @Option(names = "--cluster-port", defaultValue = "5701", paramLabel = "PORT",
            description = "Port this machine listens on for the cluster (default: ${DEFAULT-VALUE}, or the next free one).")
    int port;

    @Option(names = "--cluster-interface", paramLabel = "IP", description = "Network interface to use for the cluster (default: any).")
    String networkInterface;

    @Option(names = "--cluster-wait", defaultValue = "30", paramLabel = "SECONDS",
            description = "How long to wait for a worker to join (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    /** The local engine on {@code threads} threads, or the cluster's workers when --cluster is given. */
    BacktestFunction backtests(AppContext app, int threads, PrintWriter err) {
        if (members == null || members.isBlank()) {
            return new RunnerBacktestFunction(app.backtests(), threads);
        }
        ClusterBacktestFunction cluster = ClusterBacktestFunction.connect(
                ClusterSettings.of(members, clusterName, port, networkInterface), new PriceFingerprints(app.backtests()),
                Duration.ofSeconds(waitSeconds));
        err.println("cluster workers: " + String.join(", ", cluster.describeWorkers()));
        err.flush();
        return cluster;
    }
}
