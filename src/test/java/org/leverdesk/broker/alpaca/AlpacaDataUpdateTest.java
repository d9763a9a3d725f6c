package org.leverdesk.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.config.DataFeed;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.BarStatus;
import org.leverdesk.market.feed.FeedTiming;
import org.leverdesk.market.feed.MarketDataRefresher;
import org.leverdesk.market.feed.RefreshOptions;
import org.leverdesk.market.feed.RefreshReport;
import org.leverdesk.market.feed.SymbolRefresh;
import org.leverdesk.market.feed.SymbolRefresh.Status;
import org.leverdesk.store.BarRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoreFeedBars;
import org.leverdesk.store.StoreMarketData;
import org.leverdesk.testing.FeedBars;

/**
 * What {@code leverdesk data update} does (the refresher on the Alpaca adapter), against the fake Alpaca
 * market data server and a real H2 store: incremental, idempotent, resumable, provisional bars replaced by
 * final ones, and every fault the fake can make.
 */
class AlpacaDataUpdateTest {
    private static final FeedTiming TIMING = new FeedTiming(new NyseCalendar());
    private static final LocalDate FROM = LocalDate.of(2024, 1, 2);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);
    private static final RefreshOptions FROM_2024 = RefreshOptions.DEFAULT.withHistoryStart(FROM);

    @TempDir
    Path dir;
    private FakeAlpacaDataServer server;
    private AlpacaSession session;
    private Store store;
    private BarRepository bars;
    private MarketDataRefresher refresher;
    private final List<String> progress = new ArrayList<>();

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(NyseCalendar.ZONE).toInstant();
    }

    @BeforeEach
    void start() {
        server = FakeAlpacaDataServer.start();
        session = new AlpacaSession(server.settings());
        store = Store.open(dir);
        bars = new BarRepository(store);
        refresher = new MarketDataRefresher(new AlpacaDataFeed(session, TIMING, DataFeed.IEX, 100),
                new StoreFeedBars(store), TIMING);
        for (String s : List.of("QQQ", "TQQQ", "SPY")) {
            server.setBars(s, FeedBars.of(s, FROM, TO));
        }
    }

    @AfterEach
    void stop() {
        store.close();
        session.close();
        server.close();
    }

    private RefreshReport refresh(Instant now, String... symbols) {
        return refresh(now, FROM_2024, symbols);
    }

    private RefreshReport refresh(Instant now, RefreshOptions options, String... symbols) {
        server.setNow(now);
        return refresher.refresh(Set.of(symbols), now, options, (f, m) -> progress.add(m), CancellationToken.NONE);
    }

    private List<Bar> served(String symbol, LocalDate upTo) {
        return server.bars(symbol).stream().filter(b -> !b.date().isAfter(upTo)).toList();
    }

    private static void assertSameBars(List<Bar> expected, List<Bar> actual) {
        assertEquals(expected.size(), actual.size(), "bar count");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).date(), actual.get(i).date());
            assertEquals(expected.get(i).close(), actual.get(i).close(), 1e-9, "close " + expected.get(i).date());
            assertEquals(expected.get(i).adjClose(), actual.get(i).adjClose(), 1e-9 * expected.get(i).adjClose(),
                    "adj_close " + expected.get(i).date());
        }
    }

    @Test
    void theFirstUpdateStoresTheHistoryAndASecondOneAsksForNothing() {
        Instant now = at(LocalDate.of(2024, 6, 3), 9, 0);
        RefreshReport r = refresh(now, "QQQ", "TQQQ");
        assertTrue(r.ok(), r.problems().toString());
        LocalDate last = LocalDate.of(2024, 5, 31);
        assertSameBars(served("QQQ", last), bars.load("QQQ").bars());
        assertSameBars(served("TQQQ", last), bars.load("TQQQ").bars());
        SymbolRefresh q = r.symbols().get(0);
        assertEquals(Status.UPDATED, q.status());
        assertEquals("QQQ: " + served("QQQ", last).size() + " new final bars 2024-01-02..2024-05-31", q.message());
        assertEquals(List.of("QQQ: reading Alpaca market data (iex feed)", q.message(), "TQQQ: reading Alpaca market data (iex feed)",
                r.symbols().get(1).message()), progress);

        // every refresh reads the announced splits first (one corporate-actions request); bars are what must not be asked again
        long before = barRequests();
        RefreshReport again = refresh(now, "QQQ", "TQQQ");
        assertEquals(List.of(Status.UP_TO_DATE, Status.UP_TO_DATE), again.symbols().stream().map(SymbolRefresh::status).toList());
        assertEquals("QQQ: up to date (last final bar 2024-05-31)", again.symbols().get(0).message());
        assertEquals(before, barRequests(), "nothing was missing, so no bar was asked for");
        assertEquals(0, again.barsWritten());
    }

    @Test
    void theNextDayOnlyTheMissingBarIsFetchedFromTheLastStoredOne() {
        refresh(at(LocalDate.of(2024, 6, 3), 9, 0), "QQQ");
        int seen = server.queries("/v2/stocks/QQQ/bars").size();
        RefreshReport r = refresh(at(LocalDate.of(2024, 6, 4), 9, 0), "QQQ");
        assertEquals("QQQ: 1 new final bar 2024-06-03", r.symbols().get(0).message());
        List<Map<String, String>> asked = server.queries("/v2/stocks/QQQ/bars");
        assertEquals(seen + 2, asked.size(), "one page with adjustment=split and one with adjustment=all");
        for (Map<String, String> q : asked.subList(seen, asked.size())) {
            assertEquals("2024-05-31T00:00:00-04:00", q.get("start"), "from the last stored final bar, which overlaps");
        }
        assertSameBars(served("QQQ", LocalDate.of(2024, 6, 3)), bars.load("QQQ").bars());
    }

    @Test
    void at1550TodaysProvisionalBarIsStoredAndTheNextRefreshAfterTheCloseReplacesItWithTheFinalBar() {
        LocalDate day = LocalDate.of(2024, 6, 4);
        refresh(at(day, 9, 0), "QQQ");
        Instant decision = at(day, 15, 50);
        server.setIntraday("QQQ", day, new FakeAlpacaDataServer.Intraday(440.0, 445.5, 438.25, 444.1, 25_000_000,
                decision.minusSeconds(4)));
        RefreshReport r = refresh(decision, "QQQ");
        SymbolRefresh q = r.symbols().get(0);
        assertEquals(Status.UP_TO_DATE, q.status());
        assertEquals(day, q.provisionalDate());
        assertEquals("QQQ: up to date (last final bar 2024-06-03); provisional 2024-06-04 from the session so far (last trade"
                + " 15:49:56 ET, close 444.1)", q.message());
        StoreMarketData data = new StoreMarketData(store);
        assertEquals(BarStatus.provisional("QQQ", day, decision.minusSeconds(4)), data.lastBar("QQQ", day).orElseThrow());
        assertTrue(data.isProvisional("QQQ", day));
        BarSeries seen = data.barsUpTo("QQQ", day);
        Bar prev = seen.bar(seen.size() - 2);
        Bar today = seen.bar(seen.size() - 1);
        // Alpaca adjusts as of now, so today's factor is 1 (this fake serves its bars' own factors unless told
        // adjustsAsOfNow(); the overlap re-read found no new basis, so the stored series stays as it was).
        assertEquals(new Bar(day, 440.0, 445.5, 438.25, 444.1, 25_000_000, 444.1), today);
        assertEquals(served("QQQ", day.minusDays(1)).get(served("QQQ", day.minusDays(1)).size() - 1).adjClose(), prev.adjClose(), 1e-9);

        // A second refresh at 15:55 rebuilds it from the newer trade.
        server.setIntraday("QQQ", day, new FakeAlpacaDataServer.Intraday(440.0, 446.0, 438.25, 445.9, 26_000_000,
                at(day, 15, 54)));
        refresh(at(day, 15, 55), "QQQ");
        assertEquals(445.9, data.barsUpTo("QQQ", day).close(seen.size() - 1));

        RefreshReport after = refresh(at(day, 16, 15), "QQQ");
        assertEquals("QQQ: 1 new final bar 2024-06-04", after.symbols().get(0).message());
        assertFalse(data.isProvisional("QQQ", day));
        assertEquals(BarStatus.finalBar("QQQ", day), data.lastBar("QQQ", day).orElseThrow());
        assertSameBars(served("QQQ", day), bars.load("QQQ").bars());
    }

    @Test
    void onAnExDateTheProvisionalBarShowsTheDividendAPaperAccountPaysAtTheOpen() {
        assumeTrue(FeedBars.real("QQQ"), "needs the real QQQ prices in ../shared/data/prices");
        // QQQ goes ex 2024-06-24. Alpaca adjusts as of now: this morning the stored series ends with factor 1 on
        // the 21st; at 15:50 on the ex-date the 21st's factor moves and today's is 1.
        server.adjustsAsOfNow();
        LocalDate ex = LocalDate.of(2024, 6, 24);
        LocalDate before = LocalDate.of(2024, 6, 21);
        refresh(at(ex, 9, 0), "QQQ");
        refresh(at(ex, 15, 50), "QQQ");
        BarSeries seen = new StoreMarketData(store).barsUpTo("QQQ", ex);
        assertEquals(ex, seen.lastDate());
        double f0 = seen.adjClose(seen.size() - 2) / seen.close(seen.size() - 2);
        double f1 = seen.adjClose(seen.size() - 1) / seen.close(seen.size() - 1);
        // The README's formula on the stored bars equals the one on the file's final bars.
        Bar b0 = served("QQQ", before).get(served("QQQ", before).size() - 1);
        Bar b1 = served("QQQ", ex).get(served("QQQ", ex).size() - 1);
        double expected = b0.close() * (1 - (b0.adjClose() / b0.close()) / (b1.adjClose() / b1.close()));
        assertEquals(0.0, b0.close() * (1 - f0 / f1) - expected, 1e-6);
        assertEquals(0.6, expected, 0.3, "QQQ's quarterly dividend is about $0.57");
    }

    @Test
    void onAHalfDayTheProvisionalBarComesAt1250AndTheFinalOneAt1315() {
        LocalDate halfDay = LocalDate.of(2024, 11, 29);
        refresh(at(halfDay, 9, 0), "TQQQ");
        RefreshReport p = refresh(at(halfDay, 12, 50), "TQQQ");
        assertEquals(halfDay, p.symbols().get(0).provisionalDate());
        assertTrue(bars.isProvisional("TQQQ", halfDay));
        RefreshReport f = refresh(at(halfDay, 13, 15), "TQQQ");
        assertEquals("TQQQ: 1 new final bar 2024-11-29", f.symbols().get(0).message());
        assertFalse(bars.isProvisional("TQQQ", halfDay));
        assertSameBars(served("TQQQ", halfDay), bars.load("TQQQ").bars());
    }

    @Test
    void rateLimitsAndServerErrorsDuringAnUpdateAreRetriedUntilItCompletes() {
        server.rateLimit("/v2/stocks/TQQQ/bars", 1, 1);
        server.fail("/v2/stocks/QQQ/bars", 502, 2);
        server.fail("/v2/stocks/SPY/bars", 500, 1);
        RefreshReport r = refresh(at(LocalDate.of(2024, 4, 1), 9, 0), "QQQ", "TQQQ", "SPY");
        assertTrue(r.ok(), r.problems().toString());
        for (String s : List.of("QQQ", "TQQQ", "SPY")) {
            assertSameBars(served(s, LocalDate.of(2024, 3, 28)), bars.load(s).bars());
        }
    }

    @Test
    void aSymbolWithNoDataIsReportedAndTheOthersAreUpdated() {
        RefreshReport r = refresh(at(LocalDate.of(2024, 4, 1), 9, 0), "QQQ", "NODATA");
        assertFalse(r.ok());
        assertEquals(List.of("NODATA: Alpaca market data (iex feed) has no daily bars from 2024-01-02 to 2024-03-28; check the"
                + " symbol (or that it trades on this feed)"), r.problems());
        assertEquals(Status.UPDATED, r.symbols().get(1).status());
        assertTrue(bars.load("NODATA").isEmpty());
    }

    @Test
    void anEmptyDayIsReportedOnceAndTheBarsAroundItAreStored() {
        refresh(at(LocalDate.of(2024, 7, 1), 9, 0), "QQQ");
        List<Bar> gap = new ArrayList<>(server.bars("QQQ"));
        gap.removeIf(b -> b.date().equals(LocalDate.of(2024, 7, 3)));
        server.setBars("QQQ", gap);
        RefreshReport r = refresh(at(LocalDate.of(2024, 7, 9), 9, 0), "QQQ");
        SymbolRefresh q = r.symbols().get(0);
        assertEquals(List.of(LocalDate.of(2024, 7, 3)), q.missing());
        assertEquals("QQQ: 4 new final bars 2024-07-01..2024-07-08; the feed has no bar for 2024-07-03", q.message());
        assertTrue(r.ok(), "an empty day is not an error");
        assertEquals(-1, bars.load("QQQ").indexOf(LocalDate.of(2024, 7, 3)));
    }

    @Test
    void aSymbolThatFailsIsReportedTheOthersAreKeptAndTheNextUpdateFetchesOnlyWhatIsStillMissing() {
        server.fail("/v2/stocks/QQQ/bars", 500, 4); // every attempt of the first page
        RefreshReport r = refresh(at(LocalDate.of(2024, 4, 1), 9, 0), "QQQ", "SPY", "TQQQ");
        assertEquals(List.of(Status.FAILED, Status.UPDATED, Status.UPDATED), r.symbols().stream().map(SymbolRefresh::status).toList());
        assertTrue(r.problems().get(0).startsWith("QQQ: read QQQ daily bars: Alpaca market data had a server error (HTTP 500"),
                r.problems().get(0));
        assertTrue(r.problems().get(0).endsWith("; nothing of QQQ was written"), r.problems().get(0));
        assertTrue(bars.load("QQQ").isEmpty());

        long spyBefore = server.count("/v2/stocks/SPY/bars");
        RefreshReport again = refresh(at(LocalDate.of(2024, 4, 1), 9, 0), "QQQ", "SPY", "TQQQ");
        assertTrue(again.ok(), again.problems().toString());
        assertEquals(Status.UPDATED, again.symbols().get(0).status());
        assertEquals(spyBefore, server.count("/v2/stocks/SPY/bars"), "SPY was complete: not asked again");
        assertSameBars(served("QQQ", LocalDate.of(2024, 3, 28)), bars.load("QQQ").bars());
    }

    @Test
    void cancellingBetweenSymbolsKeepsTheFinishedOnes() {
        CancellationToken cancel = new CancellationToken();
        Instant now = at(LocalDate.of(2024, 4, 1), 9, 0);
        server.setNow(now);
        assertThrows(CancellationException.class, () -> refresher.refresh(Set.of("QQQ", "SPY"), now, FROM_2024, (f, m) -> {
            if (m.startsWith("QQQ: ") && m.contains("new final bars")) {
                cancel.cancel();
            }
        }, cancel));
        assertFalse(bars.load("QQQ").isEmpty());
        assertTrue(bars.load("SPY").isEmpty());
    }

    @Test
    void onAFreePlanNoRequestAsksForTheLast15Minutes() {
        LocalDate day = LocalDate.of(2024, 6, 4);
        Instant now = at(day, 16, 20);
        RefreshReport r = refresh(now, "QQQ", "SPY");
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(day, bars.load("QQQ").lastDate(), "today's bar is final from 16:15 and was read at 16:20");
        assertEquals(List.of(), server.queries("/v2/stocks/SPY/trades/latest"), "the plan is never probed with SIP's latest trade");
        for (String symbol : List.of("QQQ", "SPY")) {
            for (Map<String, String> q : server.queries("/v2/stocks/" + symbol + "/bars")) {
                assertFalse(OffsetDateTime.parse(q.get("end")).toInstant().isAfter(now.minus(Duration.ofMinutes(15))), q.toString());
                assertEquals("iex", q.get("feed"));
            }
        }
    }

    @Test
    void aSplitTheStoredSeriesDoesNotHaveIsRefusedAndAFullUpdateReplacesTheSeries() {
        refresh(at(LocalDate.of(2024, 6, 3), 9, 0), "TQQQ");
        List<Bar> before = bars.load("TQQQ").bars();
        // A 2:1 split on 2024-06-04: Alpaca now serves the whole history on the new basis.
        List<Bar> split = server.bars("TQQQ").stream().map(b -> new Bar(b.date(), b.open() / 2, b.high() / 2, b.low() / 2,
                b.close() / 2, b.volume() * 2, b.adjClose() / 2)).toList();
        server.setBars("TQQQ", split);
        RefreshReport r = refresh(at(LocalDate.of(2024, 6, 5), 9, 0), "TQQQ");
        SymbolRefresh t = r.symbols().get(0);
        assertEquals(Status.REFUSED, t.status());
        Bar last = before.get(before.size() - 1);
        assertEquals("TQQQ 2024-05-31: the new close " + org.leverdesk.market.data.Prices.format(last.close() / 2) + " is 1/2 of"
                + " the stored " + org.leverdesk.market.data.Prices.format(last.close()) + ", a 2:1 split the stored series does"
                + " not have; run 'leverdesk data update --symbols TQQQ --full' or re-import a whole split-adjusted file"
                + " (leverdesk import TQQQ.csv --replace); nothing of TQQQ was written", t.message());
        assertSameBars(before, bars.load("TQQQ").bars());

        RefreshReport full = refresh(at(LocalDate.of(2024, 6, 5), 9, 0), FROM_2024.withFullReplace(Set.of("TQQQ")), "TQQQ");
        assertEquals(Status.REPLACED, full.symbols().get(0).status());
        assertSameBars(split.stream().filter(b -> !b.date().isAfter(LocalDate.of(2024, 6, 4))).toList(), bars.load("TQQQ").bars());
    }

    @Test
    void aDividendSinceTheLastUpdateMovesTheStoredAdjustedClosesOntoTheFeedsNewBasis() {
        refresh(at(LocalDate.of(2024, 6, 3), 9, 0), "SPY");
        // An ex-dividend day on 2024-06-04 of 1%: every adjusted close before it is now 1% lower at Alpaca.
        LocalDate ex = LocalDate.of(2024, 6, 4);
        List<Bar> paid = server.bars("SPY").stream().map(b -> b.date().isBefore(ex)
                ? new Bar(b.date(), b.open(), b.high(), b.low(), b.close(), b.volume(), b.adjClose() * 0.99) : b).toList();
        server.setBars("SPY", paid);
        refresh(at(ex, 16, 30), "SPY");
        assertSameBars(paid.stream().filter(b -> !b.date().isAfter(ex)).toList(), bars.load("SPY").bars());
    }

    @Test
    void progressRisesToOne() {
        List<Double> fractions = new ArrayList<>();
        Instant now = at(LocalDate.of(2024, 4, 1), 9, 0);
        server.setNow(now);
        refresher.refresh(Set.of("QQQ", "SPY"), now, FROM_2024, (f, m) -> fractions.add(f), CancellationToken.NONE);
        assertEquals(List.of(0.0, 0.5, 0.5, 1.0), fractions);
        assertNull(refresher.refresh(Set.of(), now, ProgressListener.NONE, CancellationToken.NONE).symbols().stream()
                .findFirst().orElse(null));
    }

    private long barRequests() {
        return server.requests().stream().filter(r -> !r.startsWith("GET /v1/corporate-actions")).count();
    }
}
