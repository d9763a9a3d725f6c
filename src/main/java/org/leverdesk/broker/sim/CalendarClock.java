package org.leverdesk.broker.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leverdesk.broker.MarketClock;
import org.leverdesk.broker.MarketDay;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar;

/** The broker port's clock and calendar answers computed from a {@link TradingCalendar} (regular sessions, early closes). */
public final class CalendarClock {
    private final TradingCalendar calendar;

    public CalendarClock(TradingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The session that contains {@code at} (open inclusive, close exclusive), if any. */
    public Optional<TradingCalendar.Session> sessionAt(Instant at) {
        LocalDate day = at.atZone(NyseCalendar.ZONE).toLocalDate();
        return calendar.session(day).filter(s -> !at.isBefore(s.open().toInstant()) && at.isBefore(s.close().toInstant()));
    }

    /** Whether the regular session is running at {@code at}. */
    public boolean isOpen(Instant at) {
        return sessionAt(at).isPresent();
    }

    /** The clock at {@code at}, with {@code open} as given (the simulated broker opens and closes by hand). */
    public MarketClock clock(Instant at, boolean open) {
        Instant nextOpen = null;
        Instant nextClose = null;
        LocalDate day = at.atZone(NyseCalendar.ZONE).toLocalDate();
        // Look a few weeks ahead: the longest NYSE closure (9/11) lasted four trading days.
        for (int i = 0; i < 30 && (nextOpen == null || nextClose == null); i++, day = day.plusDays(1)) {
            Optional<TradingCalendar.Session> s = calendar.session(day);
            if (s.isEmpty()) {
                continue;
            }
            Instant o = s.get().open().toInstant();
            Instant c = s.get().close().toInstant();
            if (nextOpen == null && o.isAfter(at)) {
                nextOpen = o;
            }
            if (nextClose == null && c.isAfter(at)) {
                nextClose = c;
            }
        }
        return new MarketClock(at, open, nextOpen, nextClose);
    }

    /** The sessions from {@code from} to {@code to}, inclusive, in New York time. */
    public List<MarketDay> days(LocalDate from, LocalDate to) {
        List<MarketDay> out = new ArrayList<>();
        for (LocalDate d : calendar.tradingDays(from, to)) {
            TradingCalendar.Session s = calendar.session(d).orElseThrow();
            out.add(new MarketDay(d, s.open().toLocalTime(), s.close().toLocalTime()));
        }
        return out;
    }

    /** The sessions whose open or close lies in (after, upTo], ascending. */
    public List<TradingCalendar.Session> sessionsWithBoundaryIn(Instant after, Instant upTo) {
        List<TradingCalendar.Session> out = new ArrayList<>();
        LocalDate last = upTo.atZone(NyseCalendar.ZONE).toLocalDate();
        for (LocalDate d = after.atZone(NyseCalendar.ZONE).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            calendar.session(d).filter(s -> in(s.open().toInstant(), after, upTo) || in(s.close().toInstant(), after, upTo))
                    .ifPresent(out::add);
        }
        return out;
    }

    private static boolean in(Instant t, Instant after, Instant upTo) {
        return t.isAfter(after) && !t.isAfter(upTo);
    }
}
