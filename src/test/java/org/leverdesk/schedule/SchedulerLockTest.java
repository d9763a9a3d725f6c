package org.leverdesk.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One scheduler per store: the second is refused and told who holds the lock. */
class SchedulerLockTest {
    private static final Instant STARTED = Instant.parse("2026-11-24T14:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSecondSchedulerInThisProcessIsRefusedWithTheHoldersDetails() throws Exception {
        try (SchedulerLock lock = SchedulerLock.acquire(dir, STARTED)) {
            SchedulerLockedException e = assertThrows(SchedulerLockedException.class,
                    () -> SchedulerLock.acquire(dir, Instant.now()));
            assertEquals("another Leverdesk scheduler is running on this store (pid " + ProcessHandle.current().pid()
                    + " on host " + hostName() + " since 2026-11-24T14:00:00Z, lock " + lock.file()
                    + "); stop it first, or use a different --data-dir", e.getMessage());
        }
        // Released: the next one gets it.
        SchedulerLock.acquire(dir, STARTED).close();
    }

    @Test
    void aSchedulerInAnotherProcessIsRefusedWithThisProcessAsHolder() throws Exception {
        try (SchedulerLock lock = SchedulerLock.acquire(dir, STARTED)) {
            Path out = dir.resolve("probe.txt");
            String java = ProcessHandle.current().info().command().orElseThrow();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    SchedulerLockProbe.class.getName(), dir.toString(), out.toString()).inheritIO().start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe process did not finish");
            String outcome = Files.readString(out);
            assertTrue(outcome.startsWith("REFUSED another Leverdesk scheduler is running on this store (pid "
                    + ProcessHandle.current().pid() + " on host " + hostName() + " since 2026-11-24T14:00:00Z"), outcome);
        }
    }

    @Test
    void theLockFileNamesTheHolder() throws Exception {
        try (SchedulerLock lock = SchedulerLock.acquire(dir, STARTED)) {
            assertEquals("pid=" + ProcessHandle.current().pid() + "\nhost=" + hostName() + "\nstarted=2026-11-24T14:00:00Z\n",
                    Files.readString(lock.file()));
        }
    }

    private static String hostName() throws Exception {
        return java.net.InetAddress.getLocalHost().getHostName();
    }
}
