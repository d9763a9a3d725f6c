package org.leverdesk.app.desktop;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the window's resident memory near what it uses. The JVM's defaults size the heap for a
 * server: it starts at 1/64 of RAM, grows with each backtest's garbage and gives little back, so the
 * window sat near 1 GB after a few backtests while holding ~150 MB. These HotSpot flags are
 * "manageable", so they are set here, whatever started the JVM (jar, app-image, IDE): the heap is
 * kept at most 30% free after a collection (shrunk, and the memory returned, when more is free), and
 * an idle window gets a concurrent collection every 30 s that lets it shrink. A JVM without these
 * flags (not HotSpot) runs on its defaults.
 *
 * <p>The C heap is trimmed every {@link #TRIM_SECONDS} s (glibc keeps freed malloc memory in its
 * arenas rather than giving it back; JavaFX's native side and the JIT free a lot of it): the
 * app-image and {@code mvn javafx:run} pass {@code -XX:TrimNativeHeapInterval}, a JVM started
 * another way ({@code java -jar}) gets the same trim from here through the JVM's own
 * {@code System.trim_native_heap} command. Measured in the README ("Memory over many backtests"),
 * decision record 0030. Under the serial collector {@link HeapCompaction} asks for a full collection
 * once a burst of work is over (decision record 0033).
 */
final class DesktopMemory {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopMemory.class);
    /** Name and value of each flag, in the order set (min before max keeps min ≤ max at each step). */
    static final String[][] FLAGS = {
        {"MinHeapFreeRatio", "10"},
        {"MaxHeapFreeRatio", "30"},
        {"G1PeriodicGCInterval", "30000"},
    };

    /** How often the C heap is trimmed when the launcher did not ask the JVM to do it. */
    static final int TRIM_SECONDS = 10;

    private DesktopMemory() {
    }

    /** Sets {@link #FLAGS}; logs and carries on when the JVM does not take one. */
    static void tune() {
        HotSpotDiagnosticMXBean vm;
        try {
            vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        } catch (RuntimeException | LinkageError e) {
            LOG.info("heap flags not set, no HotSpot diagnostics: {}", e.toString());
            return;
        }
        for (String[] flag : FLAGS) {
            try {
                vm.setVMOption(flag[0], flag[1]);
            } catch (RuntimeException e) {
                LOG.info("heap flag {}={} not set: {}", flag[0], flag[1], e.getMessage());
            }
        }
        if (!jvmTrimsNativeHeap(vm)) {
            startNativeTrim();
        }
        HeapCompaction.start();
    }

    /** True when the JVM trims the C heap itself (-XX:TrimNativeHeapInterval above 0, JDK 21+). */
    static boolean jvmTrimsNativeHeap(HotSpotDiagnosticMXBean vm) {
        try {
            return !"0".equals(vm.getVMOption("TrimNativeHeapInterval").getValue());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Trims the C heap every {@link #TRIM_SECONDS} s on a daemon thread through the JVM's diagnostic command. */
    private static void startNativeTrim() {
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leverdesk-native-trim");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            if (!trimNativeHeap()) {
                timer.shutdown(); // not on this JVM or C library: stop asking
            }
        }, TRIM_SECONDS, TRIM_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Runs {@code System.trim_native_heap} once; false (and logged once) when the JVM has no such command. */
    static boolean trimNativeHeap() {
        try {
            Object said = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            LOG.debug("native heap trimmed: {}", said);
            return !String.valueOf(said).toLowerCase(java.util.Locale.ROOT).contains("not available");
        } catch (javax.management.JMException | RuntimeException e) {
            LOG.info("native heap not trimmed, no System.trim_native_heap here: {}", e.toString());
            return false;
        }
    }
}
