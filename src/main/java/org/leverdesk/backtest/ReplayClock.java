package org.leverdesk.backtest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.leverdesk.market.calendar.NyseCalendar;

/** "Now" in a replay: set by the replay to each moment of the day it simulates; it never moves on its own. */
final class ReplayClock extends Clock {
    // Plain, not volatile: a replay runs on one thread, and a volatile write per simulated moment (several a day)
    // costs a fence each.
    private Instant now = Instant.EPOCH;

    void set(Instant at) {
        now = at;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return NyseCalendar.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a replay clock runs in New York time");
    }
}
