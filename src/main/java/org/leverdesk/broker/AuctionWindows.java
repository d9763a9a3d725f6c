package org.leverdesk.broker;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar;

/**
 * When Alpaca takes auction orders (its Trading API's {@code TimeInForce}): market-on-open (OPG) orders
 * sent after 09:28 and before 19:00 ET on a trading day are refused, and so are market-on-close (CLS)
 * orders sent from 10 minutes before the close (15:50 ET, 12:50 on early closes) to 19:00 ET. From 19:00
 * they queue for the next session's auction; on a day without a session they queue for the next one.
 * The simulated brokers hold themselves to the same rule, so a backtest or paper run cannot do what
 * Alpaca refuses; the decision cycle holds after-close OPG orders until the window opens.
 */
public final class AuctionWindows {
    /** OPG orders are refused from this time of a trading day… */
    public static final LocalTime OPG_CUTOFF = LocalTime.of(9, 28);
    /** …until this time, when both windows open again for the next session. */
    public static final LocalTime EVENING = LocalTime.of(19, 0);
    /** CLS orders are refused from this long before the session's close. */
    public static final Duration CLS_CUTOFF_BEFORE_CLOSE = Duration.ofMinutes(10);

    private AuctionWindows() {
    }

    /** Null when Alpaca takes an order of {@code tif} at {@code at}, else the one-line reason it refuses it. */
    public static String refusal(TimeInForce tif, Instant at, TradingCalendar calendar) {
        return switch (tif) {
            case OPG -> opgRefusal(at, calendar);
            case CLS -> clsRefusal(at, calendar);
            default -> null;
        };
    }

    /** Null when an OPG order is taken at {@code at}, else why not. */
    public static String opgRefusal(Instant at, TradingCalendar calendar) {
        ZonedDateTime t = at.atZone(NyseCalendar.ZONE);
        if (session(t.toLocalDate(), calendar).isEmpty()) {
            return null;
        }
        LocalTime time = t.toLocalTime();
        if (time.isBefore(OPG_CUTOFF) || !time.isBefore(EVENING)) {
            return null;
        }
        return "market-on-open (OPG) orders are refused from 09:28 to 19:00 ET (Alpaca's rule); send it before 09:28"
                + " or from 19:00 ET";
    }

    /** Null when a CLS order is taken at {@code at}, else why not. */
    public static String clsRefusal(Instant at, TradingCalendar calendar) {
        ZonedDateTime t = at.atZone(NyseCalendar.ZONE);
        Optional<Window> s = session(t.toLocalDate(), calendar);
        if (s.isEmpty()) {
            return null;
        }
        Instant cutoff = s.get().close().minus(CLS_CUTOFF_BEFORE_CLOSE);
        if (at.isBefore(cutoff) || !t.toLocalTime().isBefore(EVENING)) {
            return null;
        }
        return "market-on-close (CLS) orders are refused from " + cutoff.atZone(NyseCalendar.ZONE).toLocalTime()
                + " (10 minutes before the close) to 19:00 ET (Alpaca's rule); send it earlier in the session";
    }

    /** The first instant at or after {@code at} when an OPG order is taken. */
    public static Instant nextOpgAcceptance(Instant at, TradingCalendar calendar) {
        if (opgRefusal(at, calendar) == null) {
            return at;
        }
        return at.atZone(NyseCalendar.ZONE).toLocalDate().atTime(EVENING).atZone(NyseCalendar.ZONE).toInstant();
    }

    /**
     * The last moment an OPG order decided after {@code day}'s close can still reach the next session's
     * opening auction: 09:28 ET of the next trading day.
     */
    public static Instant opgDeadlineAfter(LocalDate day, TradingCalendar calendar) {
        LocalDate next = nextSessionDay(day, calendar);
        return next.atTime(OPG_CUTOFF).atZone(NyseCalendar.ZONE).toInstant();
    }

    /** The session of {@code day} (open, close), or empty on a day without one. */
    private static Optional<Window> session(LocalDate day, TradingCalendar calendar) {
        try {
            return calendar.session(day).map(s -> new Window(s.open().toInstant(), s.close().toInstant()));
        } catch (IllegalArgumentException outsideTheCalendar) {
            // Outside the calendar's tables (a replay clock not yet set): a weekday session of 9:30-16:00.
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                return Optional.empty();
            }
            return Optional.of(new Window(day.atTime(9, 30).atZone(NyseCalendar.ZONE).toInstant(),
                    day.atTime(16, 0).atZone(NyseCalendar.ZONE).toInstant()));
        }
    }

    private static LocalDate nextSessionDay(LocalDate day, TradingCalendar calendar) {
        try {
            return calendar.nextTradingDay(day);
        } catch (IllegalArgumentException outsideTheCalendar) {
            LocalDate d = day.plusDays(1);
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            return d;
        }
    }

    private record Window(Instant open, Instant close) {
    }
}
