package org.leverdesk.app.cli;

import com.hazelcast.core.HazelcastInstance;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.research.RunnerBacktestFunction;
import org.leverdesk.research.cluster.ClusterMembers;
import org.leverdesk.research.cluster.ClusterSettings;
import org.leverdesk.research.cluster.PriceFingerprints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk worker}: joins a research cluster and runs the backtests other machines send, until SIGTERM. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Join a Leverdesk research cluster (Hazelcast, TCP/IP, no multicast) and run the backtests of sweeps",
                "and walk-forwards that a desktop or 'sweep --cluster' sends. The worker backtests with its own prices",
                "(--prices DIR, or its store); a submitter leaves out workers whose prices differ from its own.",
                "Runs until SIGTERM or Ctrl-C. Only start it on a network you trust: cluster members are not authenticated."})
public final class WorkerCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--join", paramLabel = "HOST[:PORT],...",
            description = "Members to contact: other workers or the submitting machine (default: none, others join this one).")
    String join;

    @Option(names = "--cluster-name", defaultValue = ClusterSettings.DEFAULT_NAME, paramLabel = "NAME",
            description = "Cluster name; workers and submitters must use the same (default: ${DEFAULT-VALUE}).")
    String clusterName;

    @Option(names = "--port", defaultValue = "5701", paramLabel = "PORT",
            description = "Port to listen on (default: ${DEFAULT-VALUE}, or the next free one).")
    int port;

    @Option(names = "--interface", paramLabel = "IP", description = "Network interface to use (default: any).")
    String networkInterface;

    @Option(names = "--threads", paramLabel = "N", description = "Backtests at once (default: the available cores).")
    Integer threads;

    @Override
    public Integer call() throws InterruptedException {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new IllegalArgumentException("--threads must be at least 1 (got " + n + ")");
        }
        ClusterSettings settings = ClusterSettings.of(join, clusterName, port, networkInterface);
        CountDownLatch stopped = new CountDownLatch(1);
        // The JVM ends when the shutdown hook returns, so the hook waits until the store is closed.
        CountDownLatch closed = new CountDownLatch(1);
        try (AppContext app = AppContext.open(store.dataDir, store.pricesDir, 0, false)) {
            HazelcastInstance member = ClusterMembers.worker(settings, new RunnerBacktestFunction(app.backtests(), n),
                    new PriceFingerprints(app.backtests()), n);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                LOG.info("stop requested; leaving the research cluster");
                member.shutdown();
                stopped.countDown();
                try {
                    closed.await(20, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "worker-stop"));
            PrintWriter out = spec.commandLine().getOut();
            out.println("worker " + member.getCluster().getLocalMember().getAddress() + " in cluster '" + settings.clusterName()
                    + "' with " + n + " threads; prices: " + app.marketData().sourceLabel() + "; stop with Ctrl-C");
            out.flush();
            stopped.await();
        } finally {
            closed.countDown();
        }
        return 0;
    }
}
