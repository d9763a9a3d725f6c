package org.leverdesk.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.leverdesk.schedule.SchedulerClock;

/**
 * {@code leverdesk daemon} in a child JVM whose scheduler clock starts at args[0] (an instant) and runs at
 * real speed once the scheduler first waits, so the kill campaign can kill a daemon around a strategy's
 * job on a chosen session day, whatever day the test runs on. The rest of the arguments are the command
 * line, from "daemon" on.
 */
public final class SimulatedDayDaemon {
    private SimulatedDayDaemon() {
    }

    public static void main(String[] args) {
        Instant start = Instant.parse(args[0]);
        DaemonCommand.clock = new SchedulerClock() {
            // Stands at the start until the scheduler first waits, then runs at real speed: however long the JVM
            // and the store take to start, the first job comes as many seconds after the wait as it is after the start.
            private volatile long t0 = -1;

            @Override
            public Instant now() {
                long t = t0;
                return t < 0 ? start : start.plusNanos(System.nanoTime() - t);
            }

            @Override
            public void sleepUntil(Instant deadline) throws InterruptedException {
                if (t0 < 0) {
                    t0 = System.nanoTime();
                }
                long millis = Duration.between(now(), deadline).plusNanos(999_999).toMillis();
                if (millis > 0) {
                    Thread.sleep(Math.min(millis, 60_000));
                }
            }
        };
        System.exit(LeverdeskCommand.commandLine().execute(Arrays.copyOfRange(args, 1, args.length)));
    }
}
