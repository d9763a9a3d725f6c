package org.leverdesk.backtest.parity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.leverdesk.market.calendar.NyseCalendar;

/** The simulated time of a parity replay: set to each job's minute and each close; it never moves on its own. */
final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
        this.now = start;
    }

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
        Clock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return self.withZone(z);
            }
        };
    }
}
