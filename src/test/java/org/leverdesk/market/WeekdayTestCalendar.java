package org.leverdesk.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leverdesk.market.calendar.TradingCalendar;

/**
 * A test-only calendar: every weekday is a trading day except the listed holidays. Sessions are
 * 09:30–16:00 New York with no early closes. Enough for data tests; the real NYSE rules live in
 * the production calendar.
 */
public final class WeekdayTestCalendar implements TradingCalendar {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final Set<LocalDate> holidays;

    public WeekdayTestCalendar(Collection<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    /** Weekdays minus the given ISO dates. */
    public static WeekdayTestCalendar withHolidays(String... isoDates) {
        List<LocalDate> days = new ArrayList<>();
        for (String d : isoDates) {
            days.add(LocalDate.parse(d));
        }
        return new WeekdayTestCalendar(days);
    }

    @Override
    public boolean isTradingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    @Override
    public Optional<Session> session(LocalDate date) {
        if (!isTradingDay(date)) {
            return Optional.empty();
        }
        return Optional.of(new Session(date, date.atTime(LocalTime.of(9, 30)).atZone(NEW_YORK),
                date.atTime(LocalTime.of(16, 0)).atZone(NEW_YORK), false));
    }

    @Override
    public LocalDate nextTradingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isTradingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    @Override
    public LocalDate previousTradingDay(LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (!isTradingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    @Override
    public LocalDate lastTradingDayOfMonth(YearMonth month) {
        LocalDate d = month.atEndOfMonth();
        while (!isTradingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    @Override
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isTradingDay(d)) {
                out.add(d);
            }
        }
        return out;
    }
}
