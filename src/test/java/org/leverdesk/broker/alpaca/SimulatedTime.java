package org.leverdesk.broker.alpaca;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The fake Alpaca server's time: it starts at a chosen instant and then runs at the speed of the
 * machine's clock (so an adapter that polls for a cancel sees it complete), and tests jump it forward
 * with {@link #advance} or {@link #set}. Also a {@link Clock}, so code under test can share it.
 */
public final class SimulatedTime extends Clock {
    private Instant base;
    private long baseNanos;

    public SimulatedTime(Instant start) {
        set(start);
    }

    /** Time as on the machine's clock (for tests whose code reads the machine's clock too). */
    public static SimulatedTime wallClock() {
        return new SimulatedTime(Instant.now());
    }

    public synchronized void set(Instant at) {
        base = at;
        baseNanos = System.nanoTime();
    }

    public synchronized void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time does not run backwards (" + d + ")");
        }
        set(instant().plus(d));
    }

    @Override
    public synchronized Instant instant() {
        return base.plusNanos(System.nanoTime() - baseNanos);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("simulated time stays in UTC");
    }
}
