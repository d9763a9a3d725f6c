package org.leverdesk.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a second JVM by {@link SchedulerLockTest}: tries to take the scheduler lock in args[0] and
 * writes "ACQUIRED" or "REFUSED <message>" to the file args[1].
 */
public final class SchedulerLockProbe {
    private SchedulerLockProbe() {
    }

    public static void main(String[] args) throws Exception {
        String outcome;
        try (SchedulerLock lock = SchedulerLock.acquire(Path.of(args[0]), Instant.now())) {
            outcome = "ACQUIRED";
        } catch (SchedulerLockedException e) {
            outcome = "REFUSED " + e.getMessage();
        }
        Files.writeString(Path.of(args[1]), outcome);
    }
}
