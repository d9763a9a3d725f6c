package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code leverdesk calendar}, run through the real root command line and its error handlers. */
class CalendarCommandTest {
    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void printsEachTradingDayWithItsCloseTime() {
        int code = run("calendar", "--from", "2024-11-27", "--to", "2024-12-03");

        assertEquals(0, code, err.toString());
        assertEquals(String.join(System.lineSeparator(),
                "2024-11-27,16:00", "2024-11-29,13:00", "2024-12-02,16:00", "2024-12-03,16:00", ""), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void printsTheRealCloseOfPre1993EarlyCloses() {
        assertEquals(0, run("calendar", "--from", "1992-11-25", "--to", "1992-11-27"));
        assertEquals(String.join(System.lineSeparator(), "1992-11-25,16:00", "1992-11-27,14:00", ""),
                out.toString());
    }

    @Test
    void aRangeWithoutTradingDaysPrintsNothing() {
        assertEquals(0, run("calendar", "--from", "2024-12-25", "--to", "2024-12-25"));
        assertEquals("", out.toString());
    }

    @Test
    void malformedDateIsAOneLineErrorWithExitCode2() {
        int code = run("calendar", "--from", "2024-13-01", "--to", "2024-12-03");

        assertEquals(2, code);
        assertEquals("", out.toString());
        String first = err.toString().lines().findFirst().orElseThrow();
        assertEquals("error: Invalid value for option '--from': '2024-13-01' is not a valid ISO date;"
                + " use YYYY-MM-DD, e.g. 2024-11-27 (see 'leverdesk calendar --help')", first);
        assertEquals(1, err.toString().lines().count(), "one line");
    }

    @Test
    void reversedRangeIsAnErrorWithExitCode2() {
        int code = run("calendar", "--from", "2024-12-03", "--to", "2024-11-27");

        assertEquals(2, code);
        assertTrue(err.toString().startsWith(
                "error: from 2024-12-03 is after to 2024-11-27; give a start on or before the end"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void dateOutsideTheCalendarIsAnErrorWithExitCode2() {
        int code = run("calendar", "--from", "1985-01-02", "--to", "1985-01-10");

        assertEquals(2, code);
        assertTrue(err.toString().startsWith(
                "error: date 1985-01-02 is outside the NYSE calendar's range 1990-01-01..2035-12-31"), err.toString());
    }

    @Test
    void missingOptionIsAnErrorWithExitCode2() {
        assertEquals(2, run("calendar", "--from", "2024-11-27"));
        assertTrue(err.toString().startsWith("error: Missing required option: '--to=DATE'"), err.toString());
    }
}
