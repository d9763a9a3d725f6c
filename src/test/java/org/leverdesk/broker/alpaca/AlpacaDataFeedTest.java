package org.leverdesk.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.Bar;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.config.DataFeed;
import org.leverdesk.market.feed.FeedException;
import org.leverdesk.market.feed.FeedTiming;
import org.leverdesk.market.feed.LatestQuote;
import org.leverdesk.market.feed.SessionSnapshot;
import org.leverdesk.testing.FeedBars;

/** The Alpaca market data adapter against the fake market data server, request by request. */
class AlpacaDataFeedTest {
    private static final FeedTiming TIMING = new FeedTiming(new NyseCalendar());
    private static final LocalDate FROM = LocalDate.of(2024, 1, 2);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);

    private FakeAlpacaDataServer server;
    private AlpacaSession session;
    private AlpacaDataFeed feed;
    private List<Bar> qqq;

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(NyseCalendar.ZONE).toInstant();
    }

    @BeforeEach
    void start() {
        server = FakeAlpacaDataServer.start();
        session = new AlpacaSession(server.settings());
        feed = new AlpacaDataFeed(session, TIMING, DataFeed.IEX, 100);
        qqq = FeedBars.of("QQQ", FROM, TO);
        server.setBars("QQQ", qqq);
    }

    @AfterEach
    void stop() {
        session.close();
        server.close();
    }

    private List<Bar> upTo(List<Bar> bars, LocalDate last) {
        return bars.stream().filter(b -> !b.date().isAfter(last)).toList();
    }

    private static void assertSameBars(List<Bar> expected, List<Bar> actual) {
        assertEquals(expected.size(), actual.size(), "bar count");
        for (int i = 0; i < expected.size(); i++) {
            Bar e = expected.get(i);
            Bar a = actual.get(i);
            assertEquals(e.date(), a.date());
            assertEquals(e.open(), a.open(), 1e-9, "open " + e.date());
            assertEquals(e.high(), a.high(), 1e-9);
            assertEquals(e.low(), a.low(), 1e-9);
            assertEquals(e.close(), a.close(), 1e-9);
            assertEquals(e.volume(), a.volume());
            assertEquals(e.adjClose(), a.adjClose(), 1e-9 * e.adjClose(), "adj_close " + e.date());
        }
    }

    @Test
    void dailyBarsArePagedByNextPageTokenOnTheLowerCaseIexFeedOfAFreePlan() {
        Instant now = at(LocalDate.of(2024, 12, 2), 10, 0);
        server.setNow(now);
        List<Bar> got = feed.finalBars("QQQ", FROM, TO, now);
        List<Bar> expected = upTo(qqq, LocalDate.of(2024, 11, 29));
        assertSameBars(expected, got);
        assertEquals("iex", feed.feed());
        assertEquals("Alpaca market data (iex feed)", feed.label());
        // Pages of 100 with adjustment=split and the same with adjustment=all; the plan is never probed
        // (asking SIP for its latest trade is the very request a free plan may not make).
        int pages = (expected.size() + 99) / 100;
        assertEquals(0, server.count("/v2/stocks/SPY/trades/latest"));
        List<Map<String, String>> bars = server.queries("/v2/stocks/QQQ/bars");
        assertEquals(2 * pages, bars.size());
        for (Map<String, String> q : bars) {
            assertEquals("iex", q.get("feed"), q.toString());
            assertEquals("1Day", q.get("timeframe"));
            assertEquals("100", q.get("limit"));
            assertEquals("2024-01-02T00:00:00-05:00", q.get("start"));
            assertFalse(OffsetDateTime.parse(q.get("end")).toInstant().isAfter(now.minus(Duration.ofMinutes(15))), q.toString());
        }
        assertEquals(pages, bars.stream().filter(q -> q.get("adjustment").equals("split")).count());
        assertEquals(List.of(), server.conformance().violations());
        assertTrue(server.conformance().checked() >= 2 * pages, "every exchange was held to the Market Data spec");
        assertEquals(pages, bars.stream().filter(q -> q.get("adjustment").equals("all")).count());
        assertEquals(2 * (pages - 1), bars.stream().filter(q -> q.containsKey("page_token")).count());
    }

    @Test
    void aFeedSetToSipOnAPlanWithRealTimeSipReadsSipUpToTheMinute() {
        server.setPlan(FakeAlpacaDataServer.Plan.SIP);
        AlpacaDataFeed sip = new AlpacaDataFeed(session, TIMING, DataFeed.SIP, 100);
        assertEquals("Alpaca market data (sip feed)", sip.label(), "named from the first line on, without asking Alpaca");
        assertEquals("alpaca-sip", sip.source());
        assertEquals(0, server.conformance().checked(), "naming the feed sent nothing");
        LocalDate day = LocalDate.of(2024, 6, 3);
        Instant now = at(day, 15, 50);
        server.setNow(now);
        assertSameBars(upTo(qqq, LocalDate.of(2024, 5, 31)), sip.finalBars("QQQ", FROM, TO, now));
        assertTrue(sip.session("QQQ", now).isPresent(), "the session so far comes from SIP on a plan that has it");
        assertTrue(server.queries("/v2/stocks/QQQ/bars").stream().allMatch(q -> q.get("feed").equals("sip")));
        assertTrue(server.queries("/v2/stocks/QQQ/snapshot").stream().allMatch(q -> q.get("feed").equals("sip")));
        assertEquals(List.of(), server.conformance().violations());
    }

    @Test
    void aFeedSetToSipOnAFreePlanSaysToChooseIexInOneLine() {
        Instant now = at(LocalDate.of(2024, 6, 3), 15, 50);
        server.setNow(now);
        AlpacaDataFeed sip = new AlpacaDataFeed(session, TIMING, DataFeed.SIP, 100);
        FeedException e = assertThrows(FeedException.class, () -> sip.session("QQQ", now));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("choose the free IEX feed in Settings"), e.getMessage());
        assertTrue(server.queries("/v2/stocks/QQQ/snapshot").stream().allMatch(q -> q.get("feed").equals("sip")));
        // The default feed reads the same minute without a refusal: IEX is free in real time.
        assertTrue(feed.session("QQQ", now).isPresent());
        assertEquals("iex", server.queries("/v2/stocks/QQQ/snapshot").get(1).get("feed"));
    }

    @Test
    void theFakeRefusesTheUpperCaseFeedAlpacaJavaWouldSend() {
        AlpacaDataClient client = new AlpacaDataClient(session);
        FeedException e = assertThrows(FeedException.class, () -> client.get("read", "stocks/QQQ/bars",
                Map.of("timeframe", "1Day", "feed", "IEX", "start", "2024-01-02T00:00:00Z", "end", "2024-01-05T00:00:00Z")));
        assertTrue(e.getMessage().contains("HTTP 400"), e.getMessage());
        assertEquals(1, server.conformance().exempted(), "the off-spec request is exempt from the conformance check");
    }

    @Test
    void sipInTheLast15MinutesIsRefusedOnAFreePlanAndTheAdapterNeverAsksForIt() {
        Instant now = at(LocalDate.of(2024, 12, 3), 16, 20);
        server.setNow(now);
        AlpacaDataClient client = new AlpacaDataClient(session);
        FeedException e = assertThrows(FeedException.class, () -> client.get("read", "stocks/QQQ/bars", Map.of("timeframe", "1Day",
                "feed", "sip", "start", "2024-12-02T00:00:00Z", "end", "2024-12-03T21:10:00Z")));
        assertTrue(e.getMessage().contains("HTTP 422: end is too late for subscription"), e.getMessage());

        // Pinned to SIP on the same free plan: the end is held 15 minutes back, so today's final bar still comes.
        AlpacaDataFeed sip = new AlpacaDataFeed(session, TIMING, DataFeed.SIP, 100);
        List<Bar> got = sip.finalBars("QQQ", LocalDate.of(2024, 11, 25), LocalDate.of(2024, 12, 3), now);
        assertEquals(LocalDate.of(2024, 12, 3), got.get(got.size() - 1).date());
        for (Map<String, String> q : server.queries("/v2/stocks/QQQ/bars")) {
            if (q.get("start").startsWith("2024-11-25")) {
                assertEquals("sip", q.get("feed"));
                assertEquals("2024-12-03T16:05:00-05:00", q.get("end"));
            }
        }
    }

    @Test
    void aRateLimitedRequestWaitsForRetryAfterAndSucceeds() {
        Instant now = at(LocalDate.of(2024, 3, 4), 9, 0);
        server.setNow(now);
        feed.feed();
        server.rateLimit("/v2/stocks/QQQ/bars", 1, 1);
        long t0 = System.nanoTime();
        List<Bar> got = feed.finalBars("QQQ", FROM, TO, now);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertSameBars(upTo(qqq, LocalDate.of(2024, 3, 1)), got);
        assertTrue(took.compareTo(Duration.ofSeconds(1)) >= 0, "waited only " + took + " though Alpaca said Retry-After: 1");
        assertEquals(3, server.count("/v2/stocks/QQQ/bars"), "the refused page once more, then the adjusted page");
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndReportedWhenTheyPersist() {
        Instant now = at(LocalDate.of(2024, 3, 4), 9, 0);
        server.setNow(now);
        feed.feed();
        server.fail("/v2/stocks/QQQ/bars", 503, 2);
        assertSameBars(upTo(qqq, LocalDate.of(2024, 3, 1)), feed.finalBars("QQQ", FROM, TO, now));
        assertEquals(4, server.count("/v2/stocks/QQQ/bars"));

        server.fail("/v2/stocks/QQQ/bars", 500, 100);
        FeedException e = assertThrows(FeedException.class, () -> feed.finalBars("QQQ", FROM, TO, now));
        assertTrue(e.getMessage().contains("server error (HTTP 500") && e.getMessage().contains("gave up after 4 attempts"),
                e.getMessage());
        assertEquals(4 + 4, server.count("/v2/stocks/QQQ/bars"));
    }

    @Test
    void anEmptyDayIsSimplyAbsent() {
        LocalDate empty = LocalDate.of(2024, 7, 3);
        List<Bar> gap = new ArrayList<>(qqq);
        gap.removeIf(b -> b.date().equals(empty));
        server.setBars("QQQ", gap);
        Instant now = at(LocalDate.of(2024, 7, 9), 9, 0);
        server.setNow(now);
        List<Bar> got = feed.finalBars("QQQ", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 8), now);
        assertEquals(List.of(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 2), LocalDate.of(2024, 7, 5), LocalDate.of(2024, 7, 8)),
                got.stream().map(Bar::date).toList());
    }

    @Test
    void aHalfDayIsFinalFifteenMinutesAfterItsEarlyClose() {
        LocalDate halfDay = LocalDate.of(2024, 11, 29); // closes at 13:00
        Instant before = at(halfDay, 13, 14);
        server.setNow(before);
        List<Bar> early = feed.finalBars("QQQ", LocalDate.of(2024, 11, 25), halfDay, before);
        assertEquals(LocalDate.of(2024, 11, 27), early.get(early.size() - 1).date());
        Instant after = at(halfDay, 13, 15);
        server.setNow(after);
        List<Bar> late = feed.finalBars("QQQ", LocalDate.of(2024, 11, 25), halfDay, after);
        assertEquals(halfDay, late.get(late.size() - 1).date());

        // At the early close's decision minute the snapshot gives the session so far.
        Instant decision = at(halfDay, 12, 50);
        server.setNow(decision);
        server.setIntraday("QQQ", halfDay, new FakeAlpacaDataServer.Intraday(505.0, 509.5, 504.2, 508.75, 12_345_678,
                decision.minusSeconds(3)));
        SessionSnapshot s = feed.session("QQQ", decision).orElseThrow();
        assertEquals(new SessionSnapshot("QQQ", halfDay, 505.0, 509.5, 504.2, 508.75, decision.minusSeconds(3), 12_345_678, 1.0), s);
    }

    @Test
    void afterTheCloseTheSnapshotIsTheRegularSessionAsOfTheClose() {
        LocalDate day = LocalDate.of(2024, 12, 3);
        Instant now = at(day, 16, 5);
        server.setNow(now);
        Bar bar = qqq.stream().filter(b -> b.date().equals(day)).findFirst().orElseThrow();
        SessionSnapshot s = feed.session("QQQ", now).orElseThrow();
        assertEquals(bar.close(), s.last());
        assertEquals(at(day, 16, 0), s.lastTradeAt());
        assertEquals(Optional.empty(), feed.session("QQQ", at(day, 16, 15)), "final from 16:15: no session in progress");
        assertEquals(Optional.empty(), feed.session("QQQ", at(day, 9, 0)), "before the open");
    }

    @Test
    void aSymbolWithNoDataHasNoBarsNoSessionAndNoQuote() {
        Instant now = at(LocalDate.of(2024, 12, 3), 15, 50);
        server.setNow(now);
        assertEquals(List.of(), feed.finalBars("NODATA", FROM, TO, now));
        assertEquals(Optional.empty(), feed.session("NODATA", now));
        FeedException e = assertThrows(FeedException.class, () -> feed.latestQuote("NODATA", now));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    }

    @Test
    void latestQuoteAndTradeComeFromTheAccountsFeedAndAZeroSideIsNoQuote() {
        Instant now = at(LocalDate.of(2024, 12, 3), 15, 50);
        server.setNow(now);
        server.setQuote("QQQ", 514.1, 514.3);
        LatestQuote q = feed.latestQuote("QQQ", now);
        assertTrue(q.usable(), q.problem());
        assertEquals(514.1, q.bid());
        assertEquals(514.3, q.ask());
        assertTrue(server.queries("/v2/stocks/QQQ/quotes/latest").stream().allMatch(x -> x.get("feed").equals("iex")));

        server.setQuote("QQQ", 0, 514.3);
        LatestQuote none = feed.latestQuote("QQQ", now);
        assertFalse(none.usable());
        assertEquals("QQQ: Alpaca market data (iex feed) has no bid (bid 0.0, ask 514.3; 0 means no active order on that side),"
                + " so there is no quote to price an order on", none.problem());
        server.setQuote("QQQ", 0, 0);
        assertTrue(feed.latestQuote("QQQ", now).problem().contains("neither a bid nor an ask"));
    }

    @Test
    void aBadKeyIsAOneLineReason() {
        AlpacaSettings wrong = AlpacaSettings.of(org.leverdesk.config.AlpacaEndpoint.PAPER, "WRONG", "WRONG")
                .withBaseUrl(server.baseUrl());
        try (AlpacaSession s = new AlpacaSession(wrong)) {
            AlpacaDataFeed f = new AlpacaDataFeed(s, TIMING);
            FeedException e = assertThrows(FeedException.class, () -> f.finalBars("QQQ", FROM, TO, Instant.now()));
            assertTrue(e.getMessage().contains("Alpaca refused the API keys (HTTP 401)"), e.getMessage());
        }
    }
}
