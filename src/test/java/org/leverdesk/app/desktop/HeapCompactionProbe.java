package org.leverdesk.app.desktop;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link HeapCompactionTest} in its own JVM under the serial collector: moves ~64 MB to the old
 * generation, drops it, stays idle and prints how many full collections ran while idle and the heap's
 * committed size before and after ("full=1 before=... after=...").
 */
public final class HeapCompactionProbe {
    private HeapCompactionProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        HeapCompaction.start();
        GarbageCollectorMXBean full = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(c -> c.getName().equals("MarkSweepCompact")).findFirst().orElseThrow();
        List<byte[]> held = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            held.add(new byte[1 << 20]); // promoted at the next young collection (MaxTenuringThreshold=0)
            for (int j = 0; j < 64; j++) {
                byte[] garbage = new byte[64 << 10];
                garbage[0] = (byte) j;
            }
        }
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        held = null;
        long counted = full.getCollectionCount();
        Thread.sleep(3_000); // idle: nothing allocates, so any full collection now is the compaction's
        long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        System.out.println("full=" + (full.getCollectionCount() - counted) + " before=" + (before >> 20) + " after=" + (after >> 20));
    }
}
