package org.leverdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the store has committed survives the process being killed right after the commit (the order
 * intent is written before the order is sent, so it must be on disk before the send starts), and the
 * lock file a killed process leaves behind does not stop the next process from opening the store.
 */
class StoreDurabilityTest {
    @TempDir
    Path dir;

    @Test
    void aCommitSurvivesAHardKillRightAfterItAndTheStaleLockIsTakenOver() throws Exception {
        Path data = dir.resolve("data");
        Path marker = dir.resolve("committed.txt");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), StoreHaltProbe.class.getName(),
                data.toString(), marker.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("probe.log").toFile())
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe process did not finish");
        assertEquals(0, p.exitValue(), () -> "probe failed: " + read(dir.resolve("probe.log")));
        assertEquals("committed", Files.readString(marker));
        assertTrue(Files.exists(data.resolve("store.lock")), "the halted process should leave its lock file behind (the OS released its lock)");

        try (Store store = Store.open(data)) {
            List<String> probes = new JournalRepository(store, Clock.systemUTC()).recent(10).stream()
                    .filter(e -> e.kind().equals("probe")).map(JournalEntry::message).toList();
            assertEquals(List.of("committed before the kill"), probes);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
