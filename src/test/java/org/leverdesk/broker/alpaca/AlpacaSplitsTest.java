package org.leverdesk.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.config.DataFeed;
import org.leverdesk.domain.Bar;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.Split;
import org.leverdesk.market.feed.FeedTiming;
import org.leverdesk.market.feed.MarketDataRefresher;
import org.leverdesk.market.feed.RefreshReport;
import org.leverdesk.store.BarRepository;
import org.leverdesk.store.SplitRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoreFeedBars;

/**
 * Splits from Alpaca's corporate actions ({@code GET /v1/corporate-actions}, held to the Market Data spec): a refresh
 * records them, and once the ex-date has begun the stored bars are divided so the feed's post-split bars continue
 * the series instead of being refused as a split jump.
 */
class AlpacaSplitsTest {
    @TempDir
    Path dir;

    private static final LocalDate MON = LocalDate.of(2026, 3, 2);
    private static final LocalDate TUE = LocalDate.of(2026, 3, 3);
    private static final LocalDate WED = LocalDate.of(2026, 3, 4);
    private FakeAlpacaDataServer server;
    private AlpacaSession session;

    private static Bar bar(LocalDate d, double c) {
        return new Bar(d, c, c, c, c, 1000, c);
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
        server.close();
    }

    @Test
    void aRefreshRecordsAlpacasSplitAndMovesTheStoredBarsOntoItsBasisOnTheExDate() {
        server = FakeAlpacaDataServer.start();
        session = new AlpacaSession(server.settings());
        // What Alpaca serves after the 2:1 split: the history on the new basis, and the ex-date's bar.
        server.setBars("TQQQ", List.of(bar(MON, 50.00), bar(TUE, 50.00), bar(WED, 51.00)));
        server.announceSplit("TQQQ", WED, 2, 1);
        server.announceSplit("SOXL", WED, 1, 10);
        // Wednesday 17:00 New York: the ex-date's bar is final.
        Instant now = Instant.parse("2026-03-04T22:00:00Z");
        server.setNow(now);
        FeedTiming timing = new FeedTiming(new NyseCalendar());
        AlpacaDataFeed feed = new AlpacaDataFeed(session, timing, DataFeed.IEX, 100);
        try (Store store = Store.open(dir)) {
            new BarRepository(store).upsert("TQQQ", List.of(bar(MON, 100.00), bar(TUE, 100.00)));
            RefreshReport r = new MarketDataRefresher(feed, new StoreFeedBars(store), timing).refresh(Set.of("TQQQ"), now,
                    ProgressListener.NONE, CancellationToken.NONE);
            assertTrue(r.ok(), r.summary() + " " + r.symbols());
            List<Split> known = new SplitRepository(store).all();
            assertEquals(1, known.size(), "only the asked symbol's split");
            assertEquals("TQQQ 2:1 split going ex 2026-03-04", known.get(0).describe());
            assertEquals("alpaca", known.get(0).source());
            assertEquals(List.of(50.00, 50.00, 51.00), new BarRepository(store).load("TQQQ").bars().stream().map(Bar::close).toList());
            assertTrue(r.symbols().get(0).message().contains("stored bars moved onto the 2:1 split of 2026-03-04"), r.symbols().get(0).message());
        }
        assertEquals(List.of(), server.conformance().violations());
        assertEquals(1, server.count("/v1/corporate-actions"));
        var q = server.queries("/v1/corporate-actions").get(0);
        assertEquals("forward_split,reverse_split", q.get("types"));
        assertEquals("2026-02-25", q.get("start"));
    }

    @Test
    void aReverseSplitReadsAsOneForTen() {
        server = FakeAlpacaDataServer.start();
        session = new AlpacaSession(server.settings());
        server.announceSplit("SOXL", WED, 1, 10);
        AlpacaDataFeed feed = new AlpacaDataFeed(session, new FeedTiming(new NyseCalendar()), DataFeed.IEX, 100);
        List<Split> got = feed.splits(Set.of("SOXL", "TQQQ"), MON, WED);
        assertEquals(1, got.size());
        assertEquals("SOXL 1:10 reverse split going ex 2026-03-04", got.get(0).describe());
        assertEquals(List.of(), server.conformance().violations());
    }
}
