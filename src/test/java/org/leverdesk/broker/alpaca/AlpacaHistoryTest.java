package org.leverdesk.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.BrokerUnavailableException;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.Bar;
import org.leverdesk.store.BarRepository;
import org.leverdesk.store.Store;

/** Daily bars from the fake Alpaca market data API into a real H2 store in a temp folder. */
class AlpacaHistoryTest {
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);

    @TempDir
    Path dir;
    private FakeAlpacaServer server;
    private AlpacaSession session;
    private Store store;
    private BarRepository repo;
    private AlpacaHistory history;
    private List<Bar> qqq;
    private List<Bar> tqqq;

    @BeforeEach
    void start() {
        server = FakeAlpacaServer.start();
        session = new AlpacaSession(server.settings());
        store = Store.open(dir);
        repo = new BarRepository(store);
        history = new AlpacaHistory(session, repo);
        qqq = weekdayBars(LocalDate.of(2024, 1, 2), 25, 400);
        tqqq = weekdayBars(LocalDate.of(2024, 1, 2), 5, 50);
        server.setBars("QQQ", qqq);
        server.setBars("TQQQ", tqqq);
        server.setMaxBarsPerPage(10); // 25 bars = pages of 10, 10 and 5
    }

    @AfterEach
    void stop() {
        store.close();
        session.close();
        server.close();
    }

    /** {@code n} bars on weekdays from {@code first}; dividends make the adjusted close 2% lower than the close. */
    private static List<Bar> weekdayBars(LocalDate first, int n, double base) {
        List<Bar> out = new ArrayList<>();
        LocalDate d = first;
        while (out.size() < n) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                double c = base + out.size() + 0.5;
                out.add(new Bar(d, c - 0.5, c + 1, c - 1.5, c, 1_000_000L + out.size(), c * 0.98));
            }
            d = d.plusDays(1);
        }
        return out;
    }

    private static void assertSameBars(List<Bar> expected, List<Bar> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Bar e = expected.get(i);
            Bar a = actual.get(i);
            assertEquals(e.date(), a.date());
            assertEquals(e.open(), a.open());
            assertEquals(e.high(), a.high());
            assertEquals(e.low(), a.low());
            assertEquals(e.close(), a.close());
            assertEquals(e.volume(), a.volume());
            assertEquals(e.adjClose(), a.adjClose(), 1e-9);
        }
    }

    @Test
    void readsAllThreePagesOfSplitAndFullyAdjustedBarsAndSavesThem() {
        Map<String, Integer> saved = history.download(List.of("QQQ", "TQQQ"), FROM, TO, ProgressListener.NONE,
                CancellationToken.NONE);
        assertEquals(Map.of("QQQ", 25, "TQQQ", 5), saved);
        assertSameBars(qqq, repo.load("QQQ").bars());
        assertSameBars(tqqq, repo.load("TQQQ").bars());
        // 3 pages with adjustment=split and 3 with adjustment=all for QQQ; 1 + 1 for TQQQ.
        assertEquals(6, server.count("GET", "/v2/stocks/QQQ/bars"));
        assertEquals(2, server.count("GET", "/v2/stocks/TQQQ/bars"));
        List<String> qqqRequests = server.requests().stream().filter(r -> r.contains("/QQQ/bars")).toList();
        // No feed named: Alpaca serves the best the account may use, not IEX's sliver of the volume.
        assertTrue(qqqRequests.stream().allMatch(r -> r.contains("timeframe=1Day") && !r.contains("feed=")), qqqRequests.toString());
        assertEquals(3, qqqRequests.stream().filter(r -> r.contains("adjustment=split")).count());
        assertEquals(3, qqqRequests.stream().filter(r -> r.contains("adjustment=all")).count());
        assertEquals(4, qqqRequests.stream().filter(r -> r.contains("page_token=")).count());
    }

    @Test
    void aPinnedFeedIsSent() {
        AlpacaHistory iex = new AlpacaHistory(session, repo, 10_000, AlpacaHistory.Feed.IEX);
        assertEquals(Map.of("TQQQ", 5), iex.download(List.of("TQQQ"), FROM, TO, ProgressListener.NONE, CancellationToken.NONE));
        assertTrue(server.requests().stream().filter(r -> r.contains("/TQQQ/bars")).allMatch(r -> r.contains("feed=IEX")));
        // Known defect (issue #20, item 6), left to the market-data feed work: alpaca-java 9.2.0 sends the feed in
        // upper case, which the Market Data spec's enum (iex, sip, ...) does not allow. The conformance check
        // catches it; when the feed is sent in lower case this test fails here and its three lines go.
        List<String> mismatches = server.conformance().takeViolations();
        assertEquals(2, mismatches.size(), mismatches.toString());
        assertTrue(mismatches.stream().allMatch(m -> m.contains("query parameter 'feed' = 'IEX'")), mismatches.toString());
    }

    @Test
    void bothEndsOfTheRangeAreIncluded() {
        LocalDate from = qqq.get(3).date();
        LocalDate to = qqq.get(7).date();
        assertEquals(Map.of("QQQ", 5), history.download(List.of("QQQ"), from, to, ProgressListener.NONE, CancellationToken.NONE));
        assertSameBars(qqq.subList(3, 8), repo.load("QQQ").bars());
    }

    @Test
    void progressRisesToOneAndNamesWhatWasSaved() {
        List<Double> fractions = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        history.download(List.of("QQQ", "TQQQ"), FROM, TO, (f, m) -> {
            fractions.add(f);
            messages.add(m);
        }, CancellationToken.NONE);
        assertEquals(0.0, fractions.get(0));
        assertEquals(1.0, fractions.get(fractions.size() - 1));
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress went back: " + fractions);
        }
        assertTrue(messages.contains("QQQ: 25 bars saved"), messages.toString());
        assertTrue(messages.contains("TQQQ: 5 bars saved"), messages.toString());
        assertEquals(0.5, fractions.get(messages.indexOf("QQQ: 25 bars saved")));
    }

    @Test
    void cancelDuringASymbolKeepsTheFinishedOnesAndWritesNothingOfTheCurrentOne() {
        CancellationToken cancel = new CancellationToken();
        ProgressListener cancelInTqqq = (f, m) -> {
            if (m.startsWith("TQQQ: ") && m.contains("read")) {
                cancel.cancel();
            }
        };
        assertThrows(CancellationException.class,
                () -> history.download(List.of("QQQ", "TQQQ"), FROM, TO, cancelInTqqq, cancel));
        assertEquals(25, repo.load("QQQ").size());
        assertEquals(0, repo.load("TQQQ").size());
    }

    @Test
    void cancelAfterTheFirstPageStopsBeforeTheNextRequest() {
        CancellationToken cancel = new CancellationToken();
        assertThrows(CancellationException.class, () -> history.download(List.of("QQQ"), FROM, TO, (f, m) -> {
            if (m.equals("QQQ: 10 bars read")) {
                cancel.cancel();
            }
        }, cancel));
        assertEquals(1, server.count("GET", "/v2/stocks/QQQ/bars"));
        assertEquals(0, repo.load("QQQ").size());
    }

    @Test
    void aFailureOnALaterPageLeavesTheSymbolUnwritten() {
        ProgressListener breakAfterFirstPage = (f, m) -> {
            if (m.equals("QQQ: 10 bars read")) {
                server.inject("GET", "/v2/stocks/QQQ/bars", FakeAlpacaServer.Fault.SERVER_ERROR, 100);
            }
        };
        assertThrows(BrokerUnavailableException.class,
                () -> history.download(List.of("QQQ"), FROM, TO, breakAfterFirstPage, CancellationToken.NONE));
        assertEquals(0, repo.load("QQQ").size());
        assertEquals(1 + 4, server.count("GET", "/v2/stocks/QQQ/bars"), "first page, then 4 attempts at the second");
    }

    @Test
    void aRangeBackwardsIsRefusedWithWhatToDo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> history.download(List.of("QQQ"), TO, FROM, ProgressListener.NONE, CancellationToken.NONE));
        assertTrue(e.getMessage().contains("swap them"), e.getMessage());
    }
}
