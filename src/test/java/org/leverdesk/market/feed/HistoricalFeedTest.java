package org.leverdesk.market.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.testing.MapMarketData;

/** Existing daily bars replayed as a feed: each day revealed as time passes. */
class HistoricalFeedTest {
    private static final LocalDate MON = LocalDate.of(2024, 12, 2);
    private static final LocalDate TUE = LocalDate.of(2024, 12, 3);
    private final FeedTiming timing = new FeedTiming(new NyseCalendar());
    private final HistoricalFeed feed = new HistoricalFeed(new MapMarketData(Map.of("QQQ", BarSeries.of("QQQ", List.of(
            new Bar(LocalDate.of(2024, 11, 29), 500, 510, 499, 505, 1000, 504),
            new Bar(MON, 505, 512, 503, 510, 2000, 509),
            new Bar(TUE, 510, 515, 508, 513, 3000, 512)))), false), timing, "CSV folder prices", "csv-folder");

    private static Instant at(LocalDate d, int h, int m) {
        return d.atTime(LocalTime.of(h, m)).atZone(NyseCalendar.ZONE).toInstant();
    }

    @Test
    void finalBarsAreThoseWhoseSessionEndedFifteenMinutesAgo() {
        assertEquals(List.of(LocalDate.of(2024, 11, 29), MON), feed.finalBars("QQQ", LocalDate.of(2024, 11, 1), TUE,
                at(TUE, 15, 50)).stream().map(Bar::date).toList());
        assertEquals(3, feed.finalBars("QQQ", LocalDate.of(2024, 11, 1), TUE, at(TUE, 16, 15)).size());
        assertEquals(List.of(), feed.finalBars("NONE", LocalDate.of(2024, 11, 1), TUE, at(TUE, 16, 15)));
    }

    @Test
    void duringASessionTheDaysBarIsTheSessionSoFarWithItsCloseAsTheLatestTrade() {
        SessionSnapshot s = feed.session("QQQ", at(TUE, 15, 50)).orElseThrow();
        assertEquals(new SessionSnapshot("QQQ", TUE, 510, 515, 508, 513, at(TUE, 15, 50), 3000, 512.0 / 513), s);
        assertEquals(at(TUE, 16, 0), feed.session("QQQ", at(TUE, 16, 5)).orElseThrow().lastTradeAt());
        assertEquals(Optional.empty(), feed.session("QQQ", at(TUE, 9, 0)));
        assertEquals(Optional.empty(), feed.session("NONE", at(TUE, 15, 50)));
    }

    @Test
    void quotesAreTheLatestCloseAroundAHundredthOfAPercent() {
        LatestQuote q = feed.latestQuote("QQQ", at(TUE, 15, 50));
        assertTrue(q.usable());
        assertEquals(513 * 0.9999, q.bid(), 1e-9);
        assertEquals(513 * 1.0001, q.ask(), 1e-9);
        assertEquals(510 * 0.9999, feed.latestQuote("QQQ", at(TUE, 9, 0)).bid(), 1e-9, "before the open: Monday's close");
        assertFalse(feed.latestQuote("NONE", at(TUE, 9, 0)).usable());
    }
}
