package org.leverdesk.testing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leverdesk.market.calendar.TradingCalendar;

/** A test calendar: every weekday not listed as a holiday trades 09:30-16:00 New York time. */
public final class WeekdayCalendar implements TradingCalendar {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private final Set<LocalDate> holidays;

    public WeekdayCalendar(LocalDate... holidays) {
        this.holidays = Set.of(holidays);
    }

    public WeekdayCalendar(java.util.Collection<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    /** Weekdays minus the given ISO dates. */
    public static WeekdayCalendar withHolidays(String... isoDates) {
        return new WeekdayCalendar(java.util.Arrays.stream(isoDates).map(LocalDate::parse).toList());
    }

    @Override
    public boolean isTradingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d);
    }

    @Override
    public Optional<Session> session(LocalDate d) {
        return isTradingDay(d) ? Optional.of(new Session(d, d.atTime(LocalTime.of(9, 30)).atZone(NY),
                d.atTime(LocalTime.of(16, 0)).atZone(NY), false)) : Optional.empty();
    }

    @Override
    public LocalDate nextTradingDay(LocalDate d) {
        LocalDate x = d.plusDays(1);
        while (!isTradingDay(x)) {
            x = x.plusDays(1);
        }
        return x;
    }

    @Override
    public LocalDate previousTradingDay(LocalDate d) {
        LocalDate x = d.minusDays(1);
        while (!isTradingDay(x)) {
            x = x.minusDays(1);
        }
        return x;
    }

    @Override
    public LocalDate lastTradingDayOfMonth(YearMonth m) {
        LocalDate x = m.atEndOfMonth();
        while (!isTradingDay(x)) {
            x = x.minusDays(1);
        }
        return x;
    }

    @Override
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate x = from; !x.isAfter(to); x = x.plusDays(1)) {
            if (isTradingDay(x)) {
                out.add(x);
            }
        }
        return out;
    }
}
