package org.leverdesk.market.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Session open and close times: regular, early closes by year, and irregular sessions. */
class NyseCalendarSessionsTest {
    private static final NyseCalendar NYSE = new NyseCalendar();

    private static TradingCalendar.Session session(String date) {
        return NYSE.session(LocalDate.parse(date)).orElseThrow(() -> new AssertionError(date + " has no session"));
    }

    @Test
    void regularSessionRunsFrom0930To1600NewYorkTimeAcrossDaylightSaving() {
        TradingCalendar.Session winter = session("2024-01-10");
        assertEquals(ZonedDateTime.of(2024, 1, 10, 9, 30, 0, 0, NyseCalendar.ZONE), winter.open());
        assertEquals(ZonedDateTime.of(2024, 1, 10, 16, 0, 0, 0, NyseCalendar.ZONE), winter.close());
        assertEquals(ZoneOffset.ofHours(-5), winter.close().getOffset());
        assertFalse(winter.earlyClose());
        assertEquals(LocalDate.of(2024, 1, 10), winter.date());

        TradingCalendar.Session summer = session("2024-07-10");
        assertEquals(ZoneOffset.ofHours(-4), summer.open().getOffset());
        assertEquals(LocalTime.of(16, 0), summer.close().toLocalTime());
    }

    @ParameterizedTest(name = "{0} closes at {1}")
    @CsvSource({
            "2024-11-29, 13:00", // day after Thanksgiving
            "2024-12-24, 13:00", // Christmas Eve, Tuesday
            "2024-07-03, 13:00", // Wednesday before a Thursday July 4, from 2013 on
            "2013-07-03, 13:00",
            "2019-07-03, 13:00",
            "2002-07-05, 13:00", // before 2013 a Thursday July 4 moved the early close to Friday July 5
            "1996-07-05, 13:00",
            "2025-07-03, 13:00", // Thursday before a Friday July 4
            "2023-07-03, 13:00", // Monday before a Tuesday July 4
            "2018-07-03, 13:00", // Tuesday before a Wednesday July 4
            "1995-07-03, 13:00", // first year of the July 3 rule
            "1993-11-26, 13:00", // first year of the 13:00 early close
            "1992-11-27, 14:00", // first day-after-Thanksgiving early close was at 14:00
            "1990-12-24, 14:00", // Christmas Eve before 1993 closed at 14:00
            "1992-12-24, 14:00",
            "1996-12-24, 13:00",
            "1997-12-26, 13:00", // ad hoc Friday after Christmas
            "2003-12-26, 13:00",
            "2035-12-24, 13:00"})
    void earlyClosesFollowTheRulesOfTheirYear(String date, String close) {
        TradingCalendar.Session s = session(date);
        assertEquals(LocalTime.parse(close), s.close().toLocalTime());
        assertEquals(LocalTime.of(9, 30), s.open().toLocalTime());
        assertTrue(s.earlyClose(), date + " should be flagged early");
        assertTrue(NYSE.isEarlyClose(LocalDate.parse(date)));
    }

    @ParameterizedTest(name = "{0} is a full session")
    @CsvSource({
            "2002-07-03", // Wednesday July 3 before 2013: full day
            "2013-07-05", // Friday July 5 from 2013: full day
            "2015-07-02", // Thursday before the observed Friday holiday: full day
            "2021-07-02", // Friday before the observed Monday holiday: full day
            "1990-07-03", // July 3 before 1995: full day
            "1994-07-01",
            "1991-11-29", // day after Thanksgiving before 1992: full day
            "2008-12-26", // Friday after Christmas, no early close
            "2014-12-26",
            "2024-12-23",
            "2024-12-31"})
    void daysNearHolidaysWithoutAnEarlyCloseRunTheFullSession(String date) {
        TradingCalendar.Session s = session(date);
        assertEquals(LocalTime.of(16, 0), s.close().toLocalTime());
        assertFalse(s.earlyClose());
        assertFalse(NYSE.isEarlyClose(LocalDate.parse(date)));
    }

    @ParameterizedTest(name = "{0}: {1}..{2}")
    @CsvSource({
            "2001-09-17, 09:33, 16:00", // reopening after 9/11, two minutes of silence
            "2002-09-11, 12:00, 16:00",
            "1996-01-08, 11:00, 14:00", // snowstorm: late open and early close
            "1997-10-27, 09:30, 15:30", // circuit breaker
            "2005-06-01, 09:30, 15:56",
            "1990-12-27, 11:00, 16:00"})
    void irregularSessionsCarryTheirRealTimes(String date, String open, String close) {
        TradingCalendar.Session s = session(date);
        assertEquals(LocalTime.parse(open), s.open().toLocalTime());
        assertEquals(LocalTime.parse(close), s.close().toLocalTime());
        assertEquals(!close.equals("16:00"), s.earlyClose());
    }

    @Test
    void closedDayIsNeitherEarlyCloseNorSession() {
        assertFalse(NYSE.isEarlyClose(LocalDate.of(2024, 12, 25)));
        assertTrue(NYSE.session(LocalDate.of(2024, 12, 25)).isEmpty());
    }

    @Test
    void sessionCloseAgreesWithTheSessionOnEveryDayFrom2000To2026() {
        int early = 0;
        for (LocalDate d = LocalDate.of(2000, 1, 1); d.getYear() < 2027; d = d.plusDays(1)) {
            LocalTime expected = NYSE.session(d).map(s -> s.close().toLocalTime()).orElse(null);
            assertEquals(expected, NYSE.sessionClose(d), d.toString());
            early += LocalTime.of(13, 0).equals(NYSE.sessionClose(d)) ? 1 : 0;
        }
        assertEquals(LocalTime.of(13, 0), NYSE.sessionClose(LocalDate.of(2024, 11, 29))); // day after Thanksgiving
        assertEquals(null, NYSE.sessionClose(LocalDate.of(2024, 12, 25)));
        assertTrue(early > 50, "early closes seen: " + early);
    }
}
