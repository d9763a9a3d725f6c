package org.leverdesk.market.calendar;

import java.time.LocalDate;

/**
 * When daily prices are current enough to decide on: they must reach the last session before today
 * (a run during today's session decides on the bars up to the previous session, and today's own bar
 * is not complete before the close), less {@code allowedSessions} more sessions of slack. This is the
 * rule the live run applies before sending orders ({@code ExecutionService}: "prices end on … but the
 * last completed session is …") and the one the status views and {@code leverdesk status} use, so no
 * screen calls data fresh that a run would refuse, or the other way round.
 */
public final class PriceFreshness {
    private PriceFreshness() {
    }

    /** The oldest session prices may end on when deciding on {@code today}. */
    public static LocalDate lastNeededSession(TradingCalendar calendar, LocalDate today, int allowedSessions) {
        LocalDate needed = calendar.previousTradingDay(today);
        for (int i = 0; i < allowedSessions; i++) {
            needed = calendar.previousTradingDay(needed);
        }
        return needed;
    }

    /** True when prices ending on {@code dataDate} are too old to decide on {@code today}. */
    public static boolean stale(TradingCalendar calendar, LocalDate dataDate, LocalDate today, int allowedSessions) {
        return dataDate.isBefore(lastNeededSession(calendar, today, allowedSessions));
    }
}
