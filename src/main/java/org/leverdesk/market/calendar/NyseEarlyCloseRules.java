package org.leverdesk.market.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The NYSE's recurring early closes around Independence Day, Thanksgiving and Christmas, year by year.
 *
 * <p>Source: pandas_market_calendars (rsheftel/pandas_market_calendars), holidays/nyse.py and
 * calendars/nyse.py ({@code special_closes}, {@code special_closes_adhoc}):
 * <ul>
 *   <li>MonTuesThursBeforeIndependenceDay (from 1995), WednesdayBeforeIndependenceDayPost2013 (from 2013),
 *       FridayAfterIndependenceDayNYSEpre2013 (1996..2012): 13:00. Before 2013, when July 4 fell on a Thursday
 *       the early close was Friday July 5 (1996, 2002); from 2013 it is Wednesday July 3.</li>
 *   <li>DayAfterThanksgiving2pmEarlyCloseBefore1993 (1992 only: 14:00) and
 *       DayAfterThanksgiving1pmEarlyCloseInOrAfter1993 (13:00). 1990 and 1991 had full sessions.</li>
 *   <li>ChristmasEve2pmEarlyCloseAdhoc (1990, 1991, 1992: 14:00), ChristmasEve1pmEarlyCloseAdhoc (1996..1998)
 *       and ChristmasEvePost1999Early1pmClose (Mon..Thu from 1999: 13:00). Dec 24 fell on Fri/Sat/Sun in
 *       1993..1995, so "every Mon..Thu Christmas Eve, 14:00 before 1993 and 13:00 after" reproduces the lists.
 *       A Friday Christmas Eve is the observed Christmas holiday, a full closure.</li>
 * </ul>
 * Until 1993 the NYSE's standard early close was 14:00; from 1993 it is 13:00 (calendars/nyse.py docstring).
 */
final class NyseEarlyCloseRules {
    static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);
    static final LocalTime EARLY_CLOSE_BEFORE_1993 = LocalTime.of(14, 0);

    private NyseEarlyCloseRules() {
    }

    /** Early-close dates of {@code year} with their close times; callers drop any that are holidays. */
    static Map<LocalDate, LocalTime> earlyCloses(int year) {
        Map<LocalDate, LocalTime> out = new LinkedHashMap<>();
        LocalTime standard = year < 1993 ? EARLY_CLOSE_BEFORE_1993 : EARLY_CLOSE;

        LocalDate july3 = LocalDate.of(year, Month.JULY, 3);
        DayOfWeek d3 = july3.getDayOfWeek();
        boolean monTueThu = d3 == DayOfWeek.MONDAY || d3 == DayOfWeek.TUESDAY || d3 == DayOfWeek.THURSDAY;
        if ((year >= 1995 && monTueThu) || (year >= 2013 && d3 == DayOfWeek.WEDNESDAY)) {
            out.put(july3, EARLY_CLOSE);
        }
        LocalDate july5 = LocalDate.of(year, Month.JULY, 5);
        if (year >= 1996 && year <= 2012 && july5.getDayOfWeek() == DayOfWeek.FRIDAY) {
            out.put(july5, EARLY_CLOSE);
        }

        if (year >= 1992) {
            out.put(NyseHolidayRules.thanksgiving(year).plusDays(1), standard);
        }

        LocalDate christmasEve = LocalDate.of(year, Month.DECEMBER, 24);
        if (christmasEve.getDayOfWeek().getValue() <= DayOfWeek.THURSDAY.getValue()) {
            out.put(christmasEve, standard);
        }
        return out;
    }
}
