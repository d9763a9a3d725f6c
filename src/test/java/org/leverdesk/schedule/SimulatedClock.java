package org.leverdesk.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.leverdesk.market.calendar.NyseCalendar;

/**
 * Simulated time for the scheduler: each sleep jumps straight to its deadline (or to the next scripted
 * event, which then runs on the scheduler's thread), and at the end of the simulation the scheduler's
 * thread blocks until it is stopped.
 */
public final class SimulatedClock implements SchedulerClock {
    private volatile Instant now;
    private final Instant end;
    private final TreeMap<Instant, Runnable> events = new TreeMap<>();
    private final CountDownLatch reachedEnd = new CountDownLatch(1);

    public SimulatedClock(Instant start, Instant end) {
        this.now = start;
        this.end = end;
    }

    /** New York wall time as an instant. */
    public static Instant et(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NyseCalendar.ZONE).toInstant();
    }

    /** Runs {@code action} on the scheduler thread when simulated time reaches {@code when}. */
    public synchronized SimulatedClock at(Instant when, Runnable action) {
        events.put(when, action);
        return this;
    }

    /** Sets the time (a jump: the machine slept, or the clock was corrected). */
    public void set(Instant t) {
        now = t;
    }

    /** Moves time forward (a job that takes a while). */
    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void sleepUntil(Instant deadline) throws InterruptedException {
        Map.Entry<Instant, Runnable> event;
        synchronized (this) {
            event = events.firstEntry();
            if (event != null && !event.getKey().isAfter(deadline) && !event.getKey().isAfter(end)) {
                events.remove(event.getKey());
            } else {
                event = null;
            }
        }
        if (event != null) {
            if (event.getKey().isAfter(now)) {
                now = event.getKey();
            }
            event.getValue().run();
            return;
        }
        if (deadline.isAfter(end)) {
            now = end;
            reachedEnd.countDown();
            Thread.sleep(Long.MAX_VALUE);
        }
        if (deadline.isAfter(now)) {
            now = deadline;
        }
    }

    /** Waits (real time) until the scheduler has slept past the end of the simulation. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return reachedEnd.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
