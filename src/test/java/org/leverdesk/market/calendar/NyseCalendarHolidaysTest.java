package org.leverdesk.market.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Holidays and one-off closures, checked by hand against the NYSE's published calendars. */
class NyseCalendarHolidaysTest {
    private static final NyseCalendar NYSE = new NyseCalendar();

    private static void closed(String date) {
        assertFalse(NYSE.isTradingDay(LocalDate.parse(date)), date + " should be closed");
        assertTrue(NYSE.session(LocalDate.parse(date)).isEmpty(), date + " should have no session");
    }

    private static void open(String date) {
        assertTrue(NYSE.isTradingDay(LocalDate.parse(date)), date + " should be a trading day");
    }

    @ParameterizedTest
    @CsvSource({"1990,1990-04-15", "1993,1993-04-11", "2000,2000-04-23", "2008,2008-03-23",
            "2019,2019-04-21", "2024,2024-03-31", "2025,2025-04-20", "2035,2035-03-25"})
    void easterSundayFollowsTheGregorianComputus(int year, String easter) {
        assertEquals(LocalDate.parse(easter), NyseHolidayRules.easterSunday(year));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1990-04-13", "1993-04-09", "2008-03-21", "2019-04-19", "2024-03-29", "2025-04-18",
            "2035-03-23"})
    void goodFridayIsClosed(String date) {
        closed(date);
    }

    @Test
    void newYearOnSundayIsObservedOnMonday() {
        closed("2017-01-02");
        closed("2023-01-02");
    }

    @Test
    void newYearOnSaturdayIsNotObservedOnTheFridayBefore() {
        open("2021-12-31"); // 2022-01-01 was a Saturday
        open("2010-12-31");
        open("1999-12-31");
        assertFalse(NYSE.isEarlyClose(LocalDate.parse("2021-12-31")));
    }

    @Test
    void martinLutherKingDayIsClosedOnlyFrom1998() {
        open("1997-01-20");
        closed("1998-01-19");
        closed("2024-01-15");
    }

    @Test
    void presidentsDayAndMemorialDayAndLaborDayAndThanksgivingAreClosed() {
        closed("1990-02-19");
        closed("2024-02-19");
        closed("2024-05-27"); // last Monday of May
        closed("2021-05-31");
        closed("2024-09-02");
        closed("2024-11-28"); // fourth Thursday
        closed("2018-11-22");
    }

    @Test
    void juneteenthIsClosedOnlyFrom2022WithWeekendObservance() {
        open("2021-06-18");
        open("2021-06-21");
        closed("2022-06-20"); // June 19 was a Sunday
        closed("2023-06-19");
        closed("2027-06-18"); // June 19 is a Saturday
    }

    @Test
    void independenceDayOnAWeekendIsObservedOnTheNearestWeekday() {
        closed("2024-07-04");
        closed("2020-07-03"); // July 4 Saturday
        closed("2021-07-05"); // July 4 Sunday
        closed("2026-07-03");
    }

    @Test
    void christmasOnAWeekendIsObservedOnTheNearestWeekday() {
        closed("2024-12-25");
        closed("2021-12-24"); // Saturday Christmas
        closed("2022-12-26"); // Sunday Christmas
        closed("1999-12-24");
        closed("1993-12-24");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1994-04-27", "2001-09-11", "2001-09-12", "2001-09-13", "2001-09-14", "2004-06-11",
            "2007-01-02", "2012-10-29", "2012-10-30", "2018-12-05", "2025-01-09"})
    void oneOffClosuresAreClosed(String date) {
        closed(date);
    }

    @Test
    void daysAroundOneOffClosuresAreOpen() {
        open("2001-09-10");
        open("2001-09-17");
        open("2012-10-26");
        open("2012-10-31");
        open("2025-01-08");
        open("2025-01-10");
    }

    @Test
    void weekendsAreClosed() {
        closed("2024-11-30");
        closed("2024-12-01");
    }

    @ParameterizedTest
    @CsvSource({"1990,253", "2001,248", "2012,250", "2019,252", "2022,251", "2023,250", "2024,252"})
    void yearsHaveTheKnownNumberOfTradingDays(int year, int expected) {
        assertEquals(expected, NYSE.tradingDays(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).size());
    }
}
