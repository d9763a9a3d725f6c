package org.leverdesk.broker.alpaca;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar;

/**
 * When the fake's market is open and which session an order trades in, by Alpaca's rules
 * (Trading API spec, {@code TimeInForce}): from the NYSE calendar and the simulated time, or, for tests
 * on the machine's clock, from sessions opened and closed by hand. Sessions are named by a number: the
 * trading date's epoch day on the calendar, a counter when opened by hand.
 */
final class FakeAlpacaSessions {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** OPG orders sent after 9:28 ET and before 19:00 ET on a trading day are rejected. */
    static final LocalTime OPG_CUTOFF = LocalTime.of(9, 28);
    /** After 19:00 ET, OPG and CLS orders are queued for the next trading day's auctions. */
    static final LocalTime EVENING = LocalTime.of(19, 0);
    /** CLS orders are rejected from 10 minutes before the close (15:50 ET on a full day) until 19:00 ET. */
    static final Duration CLS_CUTOFF_BEFORE_CLOSE = Duration.ofMinutes(10);

    /** A session's opening or closing moment. */
    record Boundary(Instant at, boolean open, long session) {
    }

    private final TradingCalendar calendar = new NyseCalendar();
    private final boolean byHand;
    private boolean openByHand = true;
    private long sessionByHand;

    private FakeAlpacaSessions(boolean byHand) {
        this.byHand = byHand;
    }

    /** Sessions of the NYSE calendar at the simulated time. */
    static FakeAlpacaSessions calendar() {
        return new FakeAlpacaSessions(false);
    }

    /** One session open from the start, closed and opened by {@link #closeByHand()} and {@link #openByHand()}. */
    static FakeAlpacaSessions byHand() {
        return new FakeAlpacaSessions(true);
    }

    boolean isByHand() {
        return byHand;
    }

    TradingCalendar tradingCalendar() {
        return calendar;
    }

    void closeByHand() {
        openByHand = false;
    }

    /** Opens the next session by hand and returns its number. */
    long openByHand() {
        openByHand = true;
        return ++sessionByHand;
    }

    long currentByHand() {
        return sessionByHand;
    }

    boolean isOpen(Instant t) {
        if (byHand) {
            return openByHand;
        }
        return session(date(t)).map(s -> !t.isBefore(s.open().toInstant()) && t.isBefore(s.close().toInstant())).orElse(false);
    }

    /** The session a regular order sent at {@code t} trades in first: the current one until its close, else the next. */
    long sessionFor(Instant t) {
        if (byHand) {
            return openByHand ? sessionByHand : sessionByHand + 1;
        }
        LocalDate d = date(t);
        Optional<TradingCalendar.Session> s = session(d);
        return (s.isPresent() && t.isBefore(s.get().close().toInstant()) ? d : calendar.nextTradingDay(d)).toEpochDay();
    }

    /** The session whose opening auction takes an OPG order sent at {@code t}, or empty when Alpaca rejects it. */
    Optional<Long> opgSession(Instant t) {
        if (byHand) {
            return Optional.of(sessionByHand + 1);
        }
        LocalDate d = date(t);
        if (!calendar.isTradingDay(d)) {
            return Optional.of(calendar.nextTradingDay(d).toEpochDay());
        }
        LocalTime time = t.atZone(NEW_YORK).toLocalTime();
        if (time.isBefore(OPG_CUTOFF)) {
            return Optional.of(d.toEpochDay());
        }
        return time.isBefore(EVENING) ? Optional.empty() : Optional.of(calendar.nextTradingDay(d).toEpochDay());
    }

    /** The session whose closing auction takes a CLS order sent at {@code t}, or empty when Alpaca rejects it. */
    Optional<Long> clsSession(Instant t) {
        if (byHand) {
            return Optional.of(openByHand ? sessionByHand : sessionByHand + 1);
        }
        LocalDate d = date(t);
        Optional<TradingCalendar.Session> s = session(d);
        if (s.isEmpty()) {
            return Optional.of(calendar.nextTradingDay(d).toEpochDay());
        }
        if (t.isBefore(s.get().close().toInstant().minus(CLS_CUTOFF_BEFORE_CLOSE))) {
            return Optional.of(d.toEpochDay());
        }
        return t.atZone(NEW_YORK).toLocalTime().isBefore(EVENING) ? Optional.empty()
                : Optional.of(calendar.nextTradingDay(d).toEpochDay());
    }

    /** The first session open or close strictly after {@code t} (never when sessions are opened by hand). */
    Optional<Boundary> nextBoundary(Instant t) {
        if (byHand) {
            return Optional.empty();
        }
        for (LocalDate d = date(t).minusDays(1); ; d = d.plusDays(1)) {
            Optional<TradingCalendar.Session> s = session(d);
            if (s.isEmpty()) {
                continue;
            }
            Instant open = s.get().open().toInstant();
            Instant close = s.get().close().toInstant();
            if (open.isAfter(t)) {
                return Optional.of(new Boundary(open, true, d.toEpochDay()));
            }
            if (close.isAfter(t)) {
                return Optional.of(new Boundary(close, false, d.toEpochDay()));
            }
        }
    }

    /** The close of the session open at {@code t}, or empty when none is. */
    Optional<Instant> closeOfCurrent(Instant t) {
        return isOpen(t) && !byHand ? session(date(t)).map(s -> s.close().toInstant()) : Optional.empty();
    }

    /** The open of the next session after {@code t}. */
    Instant nextOpen(Instant t) {
        for (LocalDate d = date(t); ; d = d.plusDays(1)) {
            Optional<TradingCalendar.Session> s = session(d);
            if (s.isPresent() && s.get().open().toInstant().isAfter(t)) {
                return s.get().open().toInstant();
            }
        }
    }

    /** The next session close after {@code t}. */
    Instant nextClose(Instant t) {
        for (LocalDate d = date(t); ; d = d.plusDays(1)) {
            Optional<TradingCalendar.Session> s = session(d);
            if (s.isPresent() && s.get().close().toInstant().isAfter(t)) {
                return s.get().close().toInstant();
            }
        }
    }

    private Optional<TradingCalendar.Session> session(LocalDate d) {
        return calendar.session(d);
    }

    static LocalDate date(Instant t) {
        return t.atZone(NEW_YORK).toLocalDate();
    }
}
