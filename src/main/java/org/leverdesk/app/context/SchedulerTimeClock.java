package org.leverdesk.app.context;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import org.leverdesk.schedule.SchedulerClock;

/**
 * The scheduler's time as a {@link Clock}, so the broker, the execution service and the journal of
 * one runtime all see the same "now" (a simulated day in tests, the machine's clock otherwise).
 */
final class SchedulerTimeClock extends Clock {
    private final SchedulerClock clock;
    private final ZoneId zone;

    SchedulerTimeClock(SchedulerClock clock, ZoneId zone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = zone;
    }

    SchedulerTimeClock(SchedulerClock clock) {
        this(clock, ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SchedulerTimeClock(clock, zone);
    }

    @Override
    public Instant instant() {
        return clock.now();
    }
}
