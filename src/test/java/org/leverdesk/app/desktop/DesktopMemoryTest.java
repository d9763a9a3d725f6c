package org.leverdesk.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class DesktopMemoryTest {
    @Test
    void everyFlagIsTakenByThisJvm() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String[] before = new String[DesktopMemory.FLAGS.length];
        for (int i = 0; i < before.length; i++) {
            before[i] = vm.getVMOption(DesktopMemory.FLAGS[i][0]).getValue();
        }
        try {
            DesktopMemory.tune();
            for (String[] flag : DesktopMemory.FLAGS) {
                assertEquals(flag[1], vm.getVMOption(flag[0]).getValue(), flag[0] + " is manageable and was set");
            }
        } finally {
            // the test JVM goes back to what it had (max before min restores a larger max first)
            for (int i = before.length - 1; i >= 0; i--) {
                vm.setVMOption(DesktopMemory.FLAGS[i][0], before[i]);
            }
        }
    }

    @Test
    void theCHeapIsTrimmedThroughTheJvmsOwnCommandWhenTheLauncherDidNotAskForIt() {
        // the test JVM runs without -XX:TrimNativeHeapInterval, like `java -jar`: DesktopMemory trims then
        assertFalse(DesktopMemory.jvmTrimsNativeHeap(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)));
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "malloc_trim is glibc's");
        assertTrue(DesktopMemory.trimNativeHeap(), "System.trim_native_heap ran");
    }
}
