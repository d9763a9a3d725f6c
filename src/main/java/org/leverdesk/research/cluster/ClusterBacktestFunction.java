package org.leverdesk.research.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.research.BacktestFunction;
import org.leverdesk.research.RunBase;
import org.leverdesk.research.Trial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BacktestFunction} that runs every backtest on a worker of a Hazelcast cluster (each worker runs
 * the one engine over its own copy of the prices). Before a range is used, every worker's price
 * fingerprint is compared with this machine's; workers with other prices are left out, and with none
 * left the run fails. Each run goes to the worker with the fewest runs in flight; a worker that leaves
 * mid-run has its run sent to another (up to 3 tries).
 */
public final class ClusterBacktestFunction implements BacktestFunction {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterBacktestFunction.class);
    private static final int TRIES = 3;
    private final HazelcastInstance instance;
    private final PriceFingerprints localPrices;
    private final boolean ownsInstance;
    private final Map<java.util.UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    /** Uses a running member (a test's); {@code ownsInstance} shuts it down on close. */
    public ClusterBacktestFunction(HazelcastInstance instance, PriceFingerprints localPrices, boolean ownsInstance) {
        this.instance = instance;
        this.localPrices = localPrices;
        this.ownsInstance = ownsInstance;
    }

    /**
     * Joins the cluster of {@code settings} as a lite member and waits up to {@code wait} for a worker.
     *
     * @throws IllegalArgumentException when no worker joins in time (one line)
     */
    public static ClusterBacktestFunction connect(ClusterSettings settings, PriceFingerprints localPrices, Duration wait) {
        HazelcastInstance member = ClusterMembers.submitter(settings);
        long deadline = System.nanoTime() + wait.toNanos();
        while (workers(member).isEmpty()) {
            if (System.nanoTime() > deadline) {
                member.shutdown();
                throw new IllegalArgumentException("no Leverdesk worker joined cluster '" + settings.clusterName() + "' at "
                        + String.join(",", settings.members()) + " within " + wait.toSeconds()
                        + " s; start one there with 'leverdesk worker' and check the address and firewall");
            }
            sleep(200);
        }
        return new ClusterBacktestFunction(member, localPrices, true);
    }

    @Override
    public int parallelism() {
        return Math.max(1, workers(instance).stream().mapToInt(ClusterBacktestFunction::cores).sum());
    }

    @Override
    public Prepared prepare(RunBase base, LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to)) {
            throw new IllegalArgumentException("a research run needs --from on or before --to (got " + from + " .. " + to + ")");
        }
        List<Member> accepted = samePrices(base, to);
        BaseWire wire = BaseWire.of(base);
        return (varied, cancel) -> run(accepted, new TrialTask(wire, from, to, new TreeMap<>(varied)), cancel);
    }

    /** The workers whose prices match this machine's. */
    private List<Member> samePrices(RunBase base, LocalDate to) {
        String here = localPrices.of(base.strategyId(), base.symbol(), to);
        IExecutorService executor = instance.getExecutorService(ClusterMembers.EXECUTOR);
        List<Member> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Member m : workers(instance)) {
            String there;
            try {
                there = executor.submitToMember(new FingerprintTask(base.strategyId(), base.symbol(), to), m).get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                refused.add(m.getAddress() + " (" + oneLine(e) + ")");
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
            if (here.equals(there)) {
                accepted.add(m);
            } else {
                refused.add(m.getAddress() + " has " + there);
            }
        }
        if (!refused.isEmpty()) {
            LOG.warn("workers left out (their prices differ from this machine's {}): {}", here, refused);
        }
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("no worker has the prices this machine has (" + here + "): "
                    + String.join("; ", refused) + "; give every worker the same price files");
        }
        return accepted;
    }

    private Trial run(List<Member> members, TrialTask task, CancellationToken cancel) {
        IExecutorService executor = instance.getExecutorService(ClusterMembers.EXECUTOR);
        RuntimeException last = null;
        for (int attempt = 0; attempt < TRIES; attempt++) {
            Member m = leastBusy(members);
            AtomicInteger count = inFlight.computeIfAbsent(m.getUuid(), k -> new AtomicInteger());
            count.incrementAndGet();
            try {
                Future<TrialWire> f = executor.submitToMember(task, m);
                return await(f, cancel).trial();
            } catch (MemberLeftException | TargetNotMemberException e) {
                last = new IllegalStateException("worker " + m.getAddress() + " left the cluster during a run", e);
                LOG.warn("{}; sending the run to another worker", last.getMessage());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IllegalArgumentException iae) {
                    throw new IllegalArgumentException(iae.getMessage(), iae);
                }
                if (cause instanceof MemberLeftException || cause instanceof TargetNotMemberException) {
                    last = new IllegalStateException("worker " + m.getAddress() + " left the cluster during a run", cause);
                    LOG.warn("{}; sending the run to another worker", last.getMessage());
                    continue;
                }
                throw new IllegalStateException("worker " + m.getAddress() + " failed a run: " + oneLine(e), cause);
            } finally {
                count.decrementAndGet();
            }
        }
        throw last;
    }

    private static TrialWire await(Future<TrialWire> f, CancellationToken cancel) throws ExecutionException {
        while (true) {
            if (cancel.isCancelled()) {
                f.cancel(true);
                throw new CancellationException("cancelled");
            }
            try {
                return f.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // poll the cancellation token again
            } catch (InterruptedException e) {
                f.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
    }

    private Member leastBusy(List<Member> accepted) {
        List<Member> present = new ArrayList<>(workers(instance));
        present.retainAll(accepted);
        if (present.isEmpty()) {
            throw new IllegalStateException("every worker with matching prices has left the cluster");
        }
        Member best = present.get(0);
        double load = Double.MAX_VALUE;
        for (Member m : present) {
            double l = inFlight.computeIfAbsent(m.getUuid(), k -> new AtomicInteger()).get() / (double) cores(m);
            if (l < load) {
                load = l;
                best = m;
            }
        }
        return best;
    }

    /** The members that run backtests (not lite members like this one). */
    static List<Member> workers(HazelcastInstance instance) {
        return instance.getCluster().getMembers().stream().filter(m -> !m.isLiteMember()).toList();
    }

    private static int cores(Member m) {
        try {
            return Math.max(1, Integer.parseInt(m.getAttribute(ClusterMembers.CORES)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The addresses and cores of the workers, e.g. "10.0.0.5:5701 (8 cores)". */
    public List<String> describeWorkers() {
        return workers(instance).stream().map(m -> m.getAddress() + " (" + cores(m) + " cores)").toList();
    }

    private static String oneLine(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        return String.valueOf(t.getMessage()).replace('\n', ' ');
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    @Override
    public void close() {
        if (ownsInstance) {
            instance.shutdown();
        }
    }
}
