package org.leverdesk.market.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.Bar;
import org.leverdesk.market.calendar.NyseCalendar;

/** When a bar is final, when a session is in progress, and how a provisional bar is built. */
class FeedTimingTest {
    private final FeedTiming timing = new FeedTiming(new NyseCalendar());

    private static Instant at(LocalDate d, int h, int m) {
        return d.atTime(LocalTime.of(h, m)).atZone(NyseCalendar.ZONE).toInstant();
    }

    @Test
    void aBarIsFinalFifteenMinutesAfterItsClose() {
        LocalDate day = LocalDate.of(2024, 12, 3);
        assertFalse(timing.isFinal(day, at(day, 16, 14)));
        assertTrue(timing.isFinal(day, at(day, 16, 15)));
        assertEquals(LocalDate.of(2024, 12, 2), timing.lastFinalSession(at(day, 16, 14)));
        assertEquals(day, timing.lastFinalSession(at(day, 16, 15)));
        LocalDate halfDay = LocalDate.of(2024, 11, 29);
        assertTrue(timing.isFinal(halfDay, at(halfDay, 13, 15)));
        assertEquals(halfDay, timing.lastFinalSession(at(LocalDate.of(2024, 11, 30), 12, 0)), "Saturday");
        assertFalse(timing.isFinal(LocalDate.of(2024, 11, 28), at(halfDay, 12, 0)), "Thanksgiving has no session");
    }

    @Test
    void aSessionIsInProgressFromItsOpenUntilItsBarIsFinal() {
        LocalDate day = LocalDate.of(2024, 12, 3);
        assertTrue(timing.sessionInProgress(at(day, 9, 29)).isEmpty());
        assertEquals(day, timing.sessionInProgress(at(day, 9, 30)).orElseThrow().date());
        assertEquals(day, timing.sessionInProgress(at(day, 16, 14)).orElseThrow().date());
        assertTrue(timing.sessionInProgress(at(day, 16, 15)).isEmpty());
        assertTrue(timing.sessionInProgress(at(LocalDate.of(2024, 12, 7), 12, 0)).isEmpty(), "Saturday");
    }

    @Test
    void aProvisionalBarTakesTheSessionSoFarAndCarriesThePreviousAdjustmentFactor() {
        LocalDate day = LocalDate.of(2024, 12, 3);
        Bar previous = new Bar(day.minusDays(1), 50, 51, 49, 50, 1000, 49);  // factor 0.98
        SessionSnapshot s = new SessionSnapshot("TQQQ", day, 50.5, 52, 50.2, 52.5, at(day, 15, 49), 12_000_000);
        Bar p = ProvisionalBar.of(s, previous);
        // The latest trade is above the snapshot's high: the high is widened to it.
        assertEquals(new Bar(day, 50.5, 52.5, 50.2, 52.5, 12_000_000, 52.5 * 0.98), p);
        assertEquals(52.5, ProvisionalBar.of(s, null).adjClose(), "no previous bar: no adjustment");
    }
}
