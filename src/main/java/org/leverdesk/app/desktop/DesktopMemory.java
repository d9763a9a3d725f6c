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
 */
final class DesktopMemory {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopMemory.class);
    /** Name and value of each flag, in the order set (min before max keeps min ≤ max at each step). */
    static final String[][] FLAGS = {
        {"MinHeapFreeRatio", "10"},
        {"MaxHeapFreeRatio", "30"},
        {"G1PeriodicGCInterval", "30000"},
    };

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
    }
}
