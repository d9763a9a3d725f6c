package org.leverdesk.market.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** Exchange trading days and session times. All instants are in America/New_York. */
public interface TradingCalendar {
    boolean isTradingDay(LocalDate date);

    /** The regular session of {@code date}, or empty when the exchange is closed that day. */
    Optional<Session> session(LocalDate date);

    /**
     * The New York closing time of {@code date}'s regular session, or null when the exchange is closed:
     * what {@link #session} says, without building zoned instants (strategies ask every backtest day).
     */
    default LocalTime sessionClose(LocalDate date) {
        return session(date).map(s -> s.close().toLocalTime()).orElse(null);
    }

    /** First trading day strictly after {@code date}. */
    LocalDate nextTradingDay(LocalDate date);

    /** Last trading day strictly before {@code date}. */
    LocalDate previousTradingDay(LocalDate date);

    LocalDate lastTradingDayOfMonth(YearMonth month);

    default boolean isLastTradingDayOfMonth(LocalDate date) {
        return isTradingDay(date) && lastTradingDayOfMonth(YearMonth.from(date)).equals(date);
    }

    /** Trading days from {@code from} to {@code to}, both inclusive, ascending. */
    List<LocalDate> tradingDays(LocalDate from, LocalDate to);

    /** A trading session: open and close instants, and whether the close is early. */
    record Session(LocalDate date, ZonedDateTime open, ZonedDateTime close, boolean earlyClose) {
    }
}
