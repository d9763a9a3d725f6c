package org.leverdesk.market.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Next, previous, month-end and range queries, and the calendar's date range. */
class NyseCalendarNavigationTest {
    private static final NyseCalendar NYSE = new NyseCalendar();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @ParameterizedTest(name = "after {0} comes {1}")
    @CsvSource({
            "2024-11-27, 2024-11-29", // over Thanksgiving
            "2024-11-29, 2024-12-02", // over a weekend
            "2024-11-30, 2024-12-02", // from a Saturday
            "2024-03-28, 2024-04-01", // over Good Friday and the weekend
            "2024-12-25, 2024-12-26", // from a holiday
            "2001-09-10, 2001-09-17", // over the 9/11 closure
            "2012-10-26, 2012-10-31", // over Sandy
            "2021-12-31, 2022-01-03",
            "2035-12-31, 2036-01-02"}) // the answer may lie just past the range
    void nextTradingDayIsStrictlyAfterAndSkipsClosures(String date, String next) {
        assertEquals(d(next), NYSE.nextTradingDay(d(date)));
    }

    @ParameterizedTest(name = "before {0} comes {1}")
    @CsvSource({
            "2024-12-02, 2024-11-29",
            "2024-12-01, 2024-11-29",
            "2024-04-01, 2024-03-28",
            "2001-09-17, 2001-09-10",
            "2025-01-10, 2025-01-08", // over the Carter closure
            "2022-01-03, 2021-12-31",
            "1990-01-02, 1989-12-29"})
    void previousTradingDayIsStrictlyBeforeAndSkipsClosures(String date, String previous) {
        assertEquals(d(previous), NYSE.previousTradingDay(d(date)));
    }

    @ParameterizedTest(name = "{0} ends on {1}")
    @CsvSource({
            "2024-02, 2024-02-29", // leap year
            "2022-12, 2022-12-30", // Saturday Dec 31
            "2024-03, 2024-03-28", // Good Friday on the 29th, weekend after
            "2018-03, 2018-03-29", // Good Friday on the 30th
            "2021-12, 2021-12-31", // Saturday New Year is not observed on Dec 31
            "2024-06, 2024-06-28",
            "2035-12, 2035-12-31"})
    void lastTradingDayOfMonthSkipsWeekendsAndHolidays(String month, String last) {
        assertEquals(d(last), NYSE.lastTradingDayOfMonth(YearMonth.parse(month)));
    }

    @Test
    void isLastTradingDayOfMonthIsTrueOnlyOnThatDay() {
        assertTrue(NYSE.isLastTradingDayOfMonth(d("2024-03-28")));
        assertFalse(NYSE.isLastTradingDayOfMonth(d("2024-03-27")));
        assertFalse(NYSE.isLastTradingDayOfMonth(d("2024-03-29")));
    }

    @Test
    void tradingDaysAreInclusiveAndAscending() {
        assertEquals(List.of(d("2024-11-27"), d("2024-11-29"), d("2024-12-02"), d("2024-12-03")),
                NYSE.tradingDays(d("2024-11-27"), d("2024-12-03")));
        assertEquals(List.of(d("2024-11-29")), NYSE.tradingDays(d("2024-11-28"), d("2024-12-01")));
        assertEquals(List.of(), NYSE.tradingDays(d("2024-11-30"), d("2024-12-01")));
        assertEquals(List.of(d("1990-01-02")), NYSE.tradingDays(d("1990-01-01"), d("1990-01-02")));
    }

    @Test
    void tradingDaysListCannotBeModified() {
        List<LocalDate> days = NYSE.tradingDays(d("2024-11-27"), d("2024-12-03"));
        assertThrows(UnsupportedOperationException.class, () -> days.set(0, d("2024-11-28")));
    }

    @Test
    void reversedRangeIsRejectedWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NYSE.tradingDays(d("2024-12-03"), d("2024-11-27")));
        assertEquals("from 2024-12-03 is after to 2024-11-27; give a start on or before the end", e.getMessage());
    }

    @Test
    void datesOutsideTheRangeAreRejectedWithAOneLineMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NYSE.isTradingDay(d("1985-01-02")));
        assertEquals("date 1985-01-02 is outside the NYSE calendar's range 1990-01-01..2035-12-31", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NYSE.isTradingDay(d("1989-12-31")));
        assertThrows(IllegalArgumentException.class, () -> NYSE.session(d("2036-01-02")));
        assertThrows(IllegalArgumentException.class, () -> NYSE.nextTradingDay(d("2036-01-01")));
        assertThrows(IllegalArgumentException.class, () -> NYSE.previousTradingDay(d("1989-12-29")));
        assertThrows(IllegalArgumentException.class, () -> NYSE.isEarlyClose(d("2040-11-23")));
        assertThrows(IllegalArgumentException.class, () -> NYSE.tradingDays(d("1989-12-29"), d("1990-01-05")));
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> NYSE.lastTradingDayOfMonth(YearMonth.of(2036, 1)));
        assertEquals("month 2036-01 is outside the NYSE calendar's range 1990-01-01..2035-12-31", m.getMessage());
    }

    @Test
    void rangeEndsAreAccepted() {
        assertFalse(NYSE.isTradingDay(NyseCalendar.FIRST_DATE)); // New Year's Day 1990
        assertTrue(NYSE.isTradingDay(NyseCalendar.LAST_DATE)); // Monday 2035-12-31
    }
}
