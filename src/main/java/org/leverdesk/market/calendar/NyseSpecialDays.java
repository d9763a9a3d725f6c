package org.leverdesk.market.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One-off NYSE closures and irregular sessions from 1990 on, none of which follow a yearly rule.
 *
 * <p>Source: pandas_market_calendars (rsheftel/pandas_market_calendars), holidays/nyse.py (the named lists
 * cited below) and the "Irregularities" list in calendars/nyse.py, itself transcribed from the NYSE's
 * closings history (github.com/rsheftel/pandas_market_calendars/files/6827110/Stocks.NYSE-Closings.pdf).
 * Trading halts inside a session (e.g. 1997-10-27 14:35..15:05) are not modelled; only open and close.
 */
final class NyseSpecialDays {
    private NyseSpecialDays() {
    }

    /** A session whose open or close differs from the regular 09:30..16:00 and from the yearly rules. */
    record IrregularSession(LocalDate date, LocalTime open, LocalTime close, String reason) {
    }

    /** Weekdays the exchange was closed for a funeral, national day of mourning, attack or storm. */
    static final List<LocalDate> CLOSURES = List.of(
            LocalDate.of(1994, 4, 27),  // NixonFuneral1994
            LocalDate.of(2001, 9, 11),  // September11Closings2001
            LocalDate.of(2001, 9, 12),
            LocalDate.of(2001, 9, 13),
            LocalDate.of(2001, 9, 14),
            LocalDate.of(2004, 6, 11),  // ReaganMourning2004
            LocalDate.of(2007, 1, 2),   // FordMourning2007
            LocalDate.of(2012, 10, 29), // HurricaneSandyClosings2012
            LocalDate.of(2012, 10, 30),
            LocalDate.of(2018, 12, 5),  // GeorgeHWBushDeath2018
            LocalDate.of(2025, 1, 9));  // JimmyCarterDeath2025

    private static final LocalTime REGULAR_OPEN = LocalTime.of(9, 30);
    private static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);

    /** Sessions with a late open or an unscheduled early close; they override the regular times. */
    static final List<IrregularSession> IRREGULAR_SESSIONS = List.of(
            // pmc's rule ConEdXformer931amLateOpen1990 puts this at 09:31, but its transcription of the NYSE
            // closings list says "Late Open 11am on Dec 27, 1990: explosion of Con Edison transformer"; the
            // rule's 9:31 looks copied from the 1991 moments of silence next to it, so the transcription wins.
            late(LocalDate.of(1990, 12, 27), LocalTime.of(11, 0), "Con Edison transformer explosion"),
            late(LocalDate.of(1991, 1, 17), LocalTime.of(9, 31), "moment of silence, troops in the Gulf"),
            late(LocalDate.of(1991, 2, 25), LocalTime.of(9, 31), "moment of silence, troops in the Gulf"),
            early(LocalDate.of(1994, 2, 11), LocalTime.of(14, 30), "snowstorm"),
            late(LocalDate.of(1995, 12, 18), LocalTime.of(10, 30), "computer system troubles"),
            new IrregularSession(LocalDate.of(1996, 1, 8), LocalTime.of(11, 0), LocalTime.of(14, 0), "snowstorm"),
            early(LocalDate.of(1997, 10, 27), LocalTime.of(15, 30), "circuit breaker triggered"),
            early(LocalDate.of(1997, 12, 26), LocalTime.of(13, 0), "Friday after Christmas"),
            late(LocalDate.of(2001, 9, 17), LocalTime.of(9, 33), "moment of silence for 9/11"),
            late(LocalDate.of(2001, 10, 8), LocalTime.of(9, 31), "moment of silence, Operation Enduring Freedom"),
            late(LocalDate.of(2002, 9, 11), LocalTime.of(12, 0), "first anniversary of 9/11"),
            late(LocalDate.of(2003, 3, 20), LocalTime.of(9, 32), "moment of silence, Operation Iraqi Freedom"),
            early(LocalDate.of(2003, 12, 26), LocalTime.of(13, 0), "Friday after Christmas"),
            late(LocalDate.of(2004, 6, 7), LocalTime.of(9, 32), "moment of silence, President Reagan"),
            early(LocalDate.of(2005, 6, 1), LocalTime.of(15, 56), "systems communication problem"),
            late(LocalDate.of(2006, 12, 27), LocalTime.of(9, 32), "moment of silence, President Ford"));

    private static IrregularSession late(LocalDate date, LocalTime open, String reason) {
        return new IrregularSession(date, open, REGULAR_CLOSE, reason);
    }

    private static IrregularSession early(LocalDate date, LocalTime close, String reason) {
        return new IrregularSession(date, REGULAR_OPEN, close, reason);
    }
}
