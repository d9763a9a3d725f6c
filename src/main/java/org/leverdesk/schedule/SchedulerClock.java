package org.leverdesk.schedule;

import java.time.Duration;
import java.time.Instant;

/** The scheduler's time: what time it is and a way to wait; tests substitute a simulated one. */
public interface SchedulerClock {
    /** The current instant. */
    Instant now();

    /**
     * Waits until about {@code deadline} or less (the scheduler re-checks the time after every wait, so
     * returning early is fine); throws when the waiting thread is interrupted.
     */
    void sleepUntil(Instant deadline) throws InterruptedException;

    /**
     * The machine's clock. It never sleeps more than a minute at once, so a clock jump (the machine
     * slept, NTP corrected it) is noticed within a minute and handled by the catch-up policy.
     */
    static SchedulerClock system() {
        return new SchedulerClock() {
            private static final long MAX_SLEEP_MILLIS = Duration.ofMinutes(1).toMillis();

            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleepUntil(Instant deadline) throws InterruptedException {
                // Rounded up: waking a millisecond early would only find nothing due and sleep again.
                long millis = Duration.between(Instant.now(), deadline).plusNanos(999_999).toMillis();
                if (millis > 0) {
                    Thread.sleep(Math.min(millis, MAX_SLEEP_MILLIS));
                }
            }
        };
    }
}
