package org.leverdesk.app.desktop;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the heap back once a burst of work (a backtest, a sweep, a view's first opening) is over.
 * Under the serial collector (the app-image's, decision record 0027) a backtest's short-lived objects
 * outlive a few young collections and are moved to the old generation, which then grows rather than
 * being collected: only a full collection frees it and shrinks the heap (to at most
 * {@code MaxHeapFreeRatio} free, set by {@link DesktopMemory}), and the serial collector runs one only
 * when the heap reaches its maximum. So 20 backtests left ~220 MB of heap committed for ~95 MB live.
 *
 * <p>Every {@link #POLL_MILLIS} ms this looks at the old generation: when it holds at least
 * {@link #PROMOTED_BYTES} more than right after the last full collection (what was moved there since)
 * and no young collection ran in the last poll (the burst is over: nothing is allocating), it asks for
 * a full collection ({@code System.gc()}; with {@code -XX:-ShrinkHeapInSteps}, as the app-image
 * passes, it gives the excess back at once rather than over four collections). While a sweep runs the young
 * collector keeps running, so nothing is asked until it ends. When the old generation really holds more
 * (a sweep's results on screen) the next baseline is that, so there is one collection, not a loop.
 * Only under the serial collector; G1 has its periodic collection ({@code G1PeriodicGCInterval}).
 * Measured in the README ("Memory over many backtests"), decision record 0033.
 */
final class HeapCompaction {
    private static final Logger LOG = LoggerFactory.getLogger(HeapCompaction.class);
    static final long POLL_MILLIS = 500;
    static final long PROMOTED_BYTES = 24L << 20;

    private final MemoryPoolMXBean old;
    private final GarbageCollectorMXBean young;
    private long youngSeen = -1;

    private HeapCompaction(MemoryPoolMXBean old, GarbageCollectorMXBean young) {
        this.old = old;
        this.young = young;
    }

    /** Starts the daemon thread under the serial collector; does nothing (and says so) under any other. */
    static void start() {
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        GarbageCollectorMXBean young = collectors.stream().filter(c -> c.getName().equals("Copy")).findFirst().orElse(null);
        MemoryPoolMXBean old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getName().equals("Tenured Gen")).findFirst().orElse(null);
        if (young == null || old == null || old.getCollectionUsage() == null) {
            LOG.debug("no heap compaction: not the serial collector ({})", collectors.stream().map(GarbageCollectorMXBean::getName).toList());
            return;
        }
        HeapCompaction c = new HeapCompaction(old, young);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leverdesk-heap-compaction");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        timer.scheduleWithFixedDelay(c::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            long youngNow = young.getCollectionCount();
            boolean quiet = youngNow == youngSeen;
            youngSeen = youngNow;
            long promoted = old.getUsage().getUsed() - old.getCollectionUsage().getUsed();
            if (due(promoted, quiet)) {
                long before = committed();
                System.gc(); // the serial collector's full collection, which also shrinks the heap
                youngSeen = young.getCollectionCount();
                LOG.debug("heap compacted: {} MB promoted since the last full collection, committed {} -> {} MB",
                        promoted >> 20, before >> 20, committed() >> 20);
            }
        } catch (RuntimeException e) {
            LOG.debug("heap compaction poll failed: {}", e.toString());
        }
    }

    /** A full collection is due when enough was moved to the old generation and the allocating burst is over. */
    static boolean due(long promotedSinceLastFull, boolean noYoungCollectionSinceLastPoll) {
        return noYoungCollectionSinceLastPoll && promotedSinceLastFull >= PROMOTED_BYTES;
    }

    private static long committed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }
}
