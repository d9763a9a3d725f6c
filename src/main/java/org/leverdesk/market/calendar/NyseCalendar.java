package org.leverdesk.market.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The New York Stock Exchange calendar from 1990-01-01 to 2035-12-31: holidays, one-off closures,
 * early closes and late opens, as the exchange applied its rules in each year.
 *
 * <p>Every day is precomputed into flat arrays indexed by epoch day, so {@link #isTradingDay},
 * {@link #nextTradingDay} and {@link #previousTradingDay} are constant-time and allocate nothing;
 * backtests call them millions of times. Instances are immutable and thread-safe.
 */
public final class NyseCalendar implements TradingCalendar {
    /** The exchange's time zone; all session instants are in it. */
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** First date that queries accept. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1990, 1, 1);
    /** Last date that queries accept. */
    public static final LocalDate LAST_DATE = LocalDate.of(2035, 12, 31);

    private static final LocalTime REGULAR_OPEN = LocalTime.of(9, 30);
    private static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);
    private static final short CLOSED = -1;

    // The tables reach a month beyond the public range on both sides, so that previousTradingDay(1990-01-02)
    // and nextTradingDay(2035-12-31) have an answer; the regular rules are just as valid there.
    private static final LocalDate TABLE_START = LocalDate.of(1989, 12, 1);
    private static final LocalDate TABLE_END = LocalDate.of(2036, 1, 31);
    private static final long BASE = TABLE_START.toEpochDay();

    /** Minute of day the session opens, or CLOSED; per table day. */
    private final short[] openMinute;
    /** Minute of day the session closes, or CLOSED; per table day. */
    private final short[] closeMinute;
    /** All trading days of the table, ascending. */
    private final LocalDate[] tradingDates;
    /** Per table day: index into tradingDates of the last trading day on or before it, or -1. */
    private final int[] lastAtOrBefore;

    /** Builds the calendar tables (a few milliseconds). */
    public NyseCalendar() {
        int days = (int) (TABLE_END.toEpochDay() - BASE + 1);
        openMinute = new short[days];
        closeMinute = new short[days];
        Set<LocalDate> closures = new HashSet<>(NyseSpecialDays.CLOSURES);
        short[] earlyClose = new short[days];
        for (int year = TABLE_START.getYear(); year <= TABLE_END.getYear(); year++) {
            closures.addAll(NyseHolidayRules.holidays(year));
            for (Map.Entry<LocalDate, LocalTime> e : NyseEarlyCloseRules.earlyCloses(year).entrySet()) {
                if (inTable(e.getKey())) {
                    earlyClose[index(e.getKey())] = minuteOf(e.getValue());
                }
            }
        }
        int trading = 0;
        for (int i = 0; i < days; i++) {
            LocalDate d = TABLE_START.plusDays(i);
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY
                    || closures.contains(d)) {
                openMinute[i] = CLOSED;
                closeMinute[i] = CLOSED;
            } else {
                openMinute[i] = minuteOf(REGULAR_OPEN);
                closeMinute[i] = earlyClose[i] != 0 ? earlyClose[i] : minuteOf(REGULAR_CLOSE);
                trading++;
            }
        }
        for (NyseSpecialDays.IrregularSession s : NyseSpecialDays.IRREGULAR_SESSIONS) {
            int i = index(s.date());
            if (openMinute[i] == CLOSED) {
                // A typo in the table must fail loudly rather than silently reopen a holiday.
                throw new IllegalStateException("irregular session " + s.date() + " falls on a closed day");
            }
            openMinute[i] = minuteOf(s.open());
            closeMinute[i] = minuteOf(s.close());
        }
        tradingDates = new LocalDate[trading];
        lastAtOrBefore = new int[days];
        int n = 0;
        for (int i = 0; i < days; i++) {
            if (openMinute[i] != CLOSED) {
                tradingDates[n++] = TABLE_START.plusDays(i);
            }
            lastAtOrBefore[i] = n - 1;
        }
    }

    @Override
    public boolean isTradingDay(LocalDate date) {
        return openMinute[checkedIndex(date)] != CLOSED;
    }

    /** True when {@code date} is a trading day whose session closes before 16:00 ET. */
    public boolean isEarlyClose(LocalDate date) {
        short close = closeMinute[checkedIndex(date)];
        return close != CLOSED && close < minuteOf(REGULAR_CLOSE);
    }

    @Override
    public Optional<Session> session(LocalDate date) {
        int i = checkedIndex(date);
        if (openMinute[i] == CLOSED) {
            return Optional.empty();
        }
        ZonedDateTime open = ZonedDateTime.of(date, timeOf(openMinute[i]), ZONE);
        ZonedDateTime close = ZonedDateTime.of(date, timeOf(closeMinute[i]), ZONE);
        return Optional.of(new Session(date, open, close, closeMinute[i] < minuteOf(REGULAR_CLOSE)));
    }

    @Override
    public LocalTime sessionClose(LocalDate date) {
        int i = checkedIndex(date);
        return openMinute[i] == CLOSED ? null : timeOf(closeMinute[i]);
    }

    @Override
    public LocalDate nextTradingDay(LocalDate date) {
        return tradingDates[lastAtOrBefore[checkedIndex(date)] + 1];
    }

    @Override
    public LocalDate previousTradingDay(LocalDate date) {
        return tradingDates[lastAtOrBefore[checkedIndex(date) - 1]];
    }

    @Override
    public LocalDate lastTradingDayOfMonth(YearMonth month) {
        Objects.requireNonNull(month, "month");
        if (month.isBefore(YearMonth.from(FIRST_DATE)) || month.isAfter(YearMonth.from(LAST_DATE))) {
            throw new IllegalArgumentException("month " + month + " is outside the NYSE calendar's range "
                    + FIRST_DATE + ".." + LAST_DATE);
        }
        return tradingDates[lastAtOrBefore[index(month.atEndOfMonth())]];
    }

    @Override
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        int first = checkedIndex(from);
        int last = checkedIndex(to);
        if (first > last) {
            throw new IllegalArgumentException("from " + from + " is after to " + to
                    + "; give a start on or before the end");
        }
        int lo = lastAtOrBefore[first - 1] + 1;
        int hi = lastAtOrBefore[last];
        if (hi < lo) {
            return List.of();
        }
        return Collections.unmodifiableList(Arrays.asList(Arrays.copyOfRange(tradingDates, lo, hi + 1)));
    }

    private static int checkedIndex(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw new IllegalArgumentException("date " + date + " is outside the NYSE calendar's range "
                    + FIRST_DATE + ".." + LAST_DATE);
        }
        return index(date);
    }

    private static boolean inTable(LocalDate date) {
        return !date.isBefore(TABLE_START) && !date.isAfter(TABLE_END);
    }

    private static int index(LocalDate date) {
        return (int) (date.toEpochDay() - BASE);
    }

    private static short minuteOf(LocalTime t) {
        return (short) (t.getHour() * 60 + t.getMinute());
    }

    private static LocalTime timeOf(short minute) {
        return LocalTime.of(minute / 60, minute % 60);
    }
}
