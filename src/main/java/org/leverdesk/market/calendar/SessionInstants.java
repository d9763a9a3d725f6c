package org.leverdesk.market.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Collections;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The instants of each session's open and close, computed once per calendar and kept, so a replay of
 * thousands of days asks for them without building zoned date-times (which cost more than the rest of
 * a backtest day). Days without a session answer null.
 */
public final class SessionInstants {
    private static final LocalDate FIRST = LocalDate.of(1960, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2060, 12, 31);
    // Weak keys: a calendar that is no longer used takes its table with it.
    private static final Map<TradingCalendar, SessionInstants> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final TradingCalendar calendar;
    private final long firstDay = FIRST.toEpochDay();
    // Per day {open, close} (both null when closed), computed on first use; safe to share between threads.
    private final AtomicReferenceArray<Instant[]> days;

    private SessionInstants(TradingCalendar calendar) {
        this.calendar = calendar;
        days = new AtomicReferenceArray<>((int) (LAST.toEpochDay() - firstDay + 1));
    }

    /** The (shared) instants of {@code calendar}. */
    public static SessionInstants of(TradingCalendar calendar) {
        return CACHE.computeIfAbsent(calendar, SessionInstants::new);
    }

    /** {@link #moments} index: the open. */
    public static final int OPEN = 0;
    /** {@link #moments} index: the close. */
    public static final int CLOSE = 1;
    /** {@link #moments} index: the decision minute of strategies that decide before the close (close − 10 min). */
    public static final int DECISION = 2;
    /** {@link #moments} index: the decision minute of strategies that decide after the close (close + 15 min). */
    public static final int AFTER_CLOSE = 3;
    /** {@link #moments} index: the follow-up of after-close decisions (open + 5 min). */
    public static final int FOLLOW_UP = 4;

    /**
     * The moments of {@code day}'s session a replay uses ({@link #OPEN}, {@link #CLOSE}, {@link #DECISION},
     * {@link #AFTER_CLOSE}, {@link #FOLLOW_UP}), from the session when there is one, else around the given open
     * and close. Do not modify the array.
     */
    public Instant[] moments(LocalDate day, Instant open, Instant close) {
        Instant[] t = times(day);
        if (t[0] != null) {
            return t;
        }
        return new Instant[] {open, close, close.minusSeconds(600), close.plusSeconds(900), open.plusSeconds(300)};
    }

    /**
     * The moments of the session of the day {@code epochDay} days after 1970-01-01 (indexed as in
     * {@link #moments(LocalDate, Instant, Instant)}), or null when the exchange is closed that day. One table
     * look-up for a replay's day, without date arithmetic. Do not modify the array.
     */
    public Instant[] momentsOfEpochDay(long epochDay) {
        long i = epochDay - firstDay;
        Instant[] t = i >= 0 && i < days.length() ? days.get((int) i) : null;
        if (t == null) {
            t = times(LocalDate.ofEpochDay(epochDay));
        }
        return t[0] != null ? t : null;
    }

    /** When {@code day}'s session opens, or null when the exchange is closed that day. */
    public Instant open(LocalDate day) {
        return times(day)[0];
    }

    /** When {@code day}'s session closes, or null when the exchange is closed that day. */
    public Instant close(LocalDate day) {
        return times(day)[1];
    }

    private Instant[] times(LocalDate day) {
        long i = day.toEpochDay() - firstDay;
        if (i < 0 || i >= days.length()) {
            return session(day);
        }
        Instant[] t = days.get((int) i);
        if (t == null) {
            t = session(day);
            days.set((int) i, t);
        }
        return t;
    }

    private Instant[] session(LocalDate day) {
        try {
            return calendar.session(day).map(s -> withMoments(s.open().toInstant(), s.close().toInstant()))
                    .orElse(new Instant[5]);
        } catch (IllegalArgumentException outsideTheCalendar) {
            // Before 1990 or after 2035 the exchange calendar has no tables: a weekday session of 9:30-16:00.
            if (day.getDayOfWeek().getValue() >= 6) {
                return new Instant[5];
            }
            return withMoments(ZonedDateTime.of(day, LocalTime.of(9, 30), NyseCalendar.ZONE).toInstant(),
                    ZonedDateTime.of(day, LocalTime.of(16, 0), NyseCalendar.ZONE).toInstant());
        }
    }

    private static Instant[] withMoments(Instant open, Instant close) {
        return new Instant[] {open, close, close.minusSeconds(600), close.plusSeconds(900), open.plusSeconds(300)};
    }
}
