package org.leverdesk.market.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The NYSE's recurring full-day holidays, as the exchange observed them from 1990 on.
 *
 * <p>Year ranges follow pandas_market_calendars (rsheftel/pandas_market_calendars,
 * pandas_market_calendars/holidays/nyse.py): USNewYearsDayNYSEpost1952, USMartinLutherKingJrAfter1998,
 * USPresidentsDay, GoodFriday, USMemorialDay, USJuneteenthAfter2022, USIndependenceDay,
 * USLaborDayStarting1887, USThanksgivingDay and ChristmasNYSE / Christmas54to98NYSE.
 */
final class NyseHolidayRules {
    private NyseHolidayRules() {
    }

    /** The weekday holidays of {@code year}, in calendar order. */
    static List<LocalDate> holidays(int year) {
        List<LocalDate> out = new ArrayList<>(11);
        // New Year's Day: a Sunday moves to Monday, but a Saturday is NOT moved back to Friday Dec 31,
        // because that would close the exchange on the last trading day of the year (e.g. 2021-12-31 open).
        LocalDate newYear = LocalDate.of(year, Month.JANUARY, 1);
        if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
            out.add(newYear.plusDays(1));
        } else if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            out.add(newYear);
        }
        if (year >= 1998) { // the NYSE first closed for Martin Luther King Jr. Day in 1998
            out.add(nthWeekday(year, Month.JANUARY, 3, DayOfWeek.MONDAY));
        }
        out.add(nthWeekday(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY)); // Washington's Birthday
        out.add(easterSunday(year).minusDays(2)); // Good Friday
        out.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        if (year >= 2022) { // first observed by the NYSE in 2022; 2021-06-18 was a normal session
            out.add(nearestWeekday(LocalDate.of(year, Month.JUNE, 19)));
        }
        out.add(nearestWeekday(LocalDate.of(year, Month.JULY, 4)));
        out.add(nthWeekday(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY)); // Labor Day
        out.add(nthWeekday(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY)); // Thanksgiving
        out.add(nearestWeekday(LocalDate.of(year, Month.DECEMBER, 25)));
        return out;
    }

    /** Fourth Thursday of November. */
    static LocalDate thanksgiving(int year) {
        return nthWeekday(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY);
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Meeus/Jones/Butcher computus). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int n = h + l - 7 * m + 114;
        return LocalDate.of(year, n / 31, n % 31 + 1);
    }

    /** Saturday moves to the Friday before, Sunday to the Monday after (pandas' nearest_workday). */
    static LocalDate nearestWeekday(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.minusDays(1);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }

    private static LocalDate nthWeekday(int year, Month month, int n, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }
}
