package org.leverdesk.app.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.schedule.SimulatedClock.et;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.alpaca.FakeAlpacaDataServer;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.Bar;
import org.leverdesk.market.data.BarStatus;
import org.leverdesk.market.feed.MarketDataFeed;
import org.leverdesk.notify.NotifyOptions;
import org.leverdesk.schedule.SimulatedClock;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.StoredDecision;
import org.leverdesk.testing.FeedBars;

/**
 * The trading runtime on store prices with Alpaca keys, against the fake Alpaca market data server on a
 * simulated 2025-12-31: the 15:50 run refreshes TQQQ first and decides on today's provisional bar; when the
 * feed has nothing of today yet, the run decides but sends nothing and says why in one line.
 */
class TradingRuntimeFeedTest {
    private static final LocalDate DAY = LocalDate.of(2025, 12, 31);
    private static final Instant DECISION = et("2025-12-31T15:50");

    @TempDir
    Path dir;
    private FakeAlpacaDataServer server;
    private AppContext app;
    private TradingRuntime runtime;
    private List<Bar> tqqq;

    @BeforeEach
    void start() {
        server = FakeAlpacaDataServer.start();
        tqqq = FeedBars.of("TQQQ", LocalDate.of(2025, 6, 2), DAY);
        server.setBars("TQQQ", tqqq);
        System.setProperty(MarketDataFeeds.ALPACA_DATA_URL_PROPERTY, server.baseUrl().toString());
        app = AppContext.open(dir.resolve("data"), null, 0, true);
        // Yesterday's update: the store holds TQQQ up to 2025-12-30's final bar.
        server.setNow(et("2025-12-31T08:00"));
        try (MarketDataFeed feed = MarketDataFeeds.open(null, config(), keys(), app.calendar(), null)) {
            assertTrue(app.refresher(feed).refresh(Set.of("TQQQ"), et("2025-12-31T08:00"), ProgressListener.NONE,
                    CancellationToken.NONE).ok());
        }
        assertEquals(LocalDate.of(2025, 12, 30), app.marketData().lastBar("TQQQ", DAY).orElseThrow().date());
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        System.clearProperty(MarketDataFeeds.ALPACA_DATA_URL_PROPERTY);
        app.close();
        server.close();
    }

    private static AppConfig config() {
        return new AppConfig(BrokerSettings.defaults(), RiskSettings.defaults(), List.of(new StrategySettings(
                "monthly-rebalance", true, 1.0, Map.of("allocation", "2000"), "monthly-last@close-10m")),
                NotificationSettings.defaults());
    }

    private Secrets keys() {
        return new Secrets(dir.resolve(Secrets.FILE_NAME), Map.of(Secrets.ALPACA_KEY_ID, FakeAlpacaDataServer.KEY_ID,
                Secrets.ALPACA_SECRET_KEY, FakeAlpacaDataServer.SECRET_KEY));
    }

    private void runTheDecisionMinute() throws Exception {
        SimulatedClock clock = new SimulatedClock(et("2025-12-31T15:40"), et("2025-12-31T15:55"));
        server.setClock(clock::now);
        runtime = TradingRuntime.open(app, config(), keys(), clock, null, NotifyOptions.defaults());
        runtime.start();
        assertTrue(clock.awaitEnd(Duration.ofSeconds(60)), "the simulated minutes did not end");
        runtime.close();
        runtime = null;
    }

    private List<String> journal(String kind) {
        return app.journal().recent(200).stream().filter(e -> e.kind().equals(kind)).map(JournalEntry::message).toList();
    }

    private StoredDecision decision() {
        List<StoredDecision> d = app.decisions().list("monthly-rebalance", DAY.minusDays(10), DAY);
        assertEquals(1, d.size(), d.toString());
        return d.get(0);
    }

    @Test
    void the1550RunRefreshesFirstAndDecidesOnTodaysProvisionalBar() throws Exception {
        runTheDecisionMinute();

        BarStatus last = app.marketData().lastBar("TQQQ", DAY).orElseThrow();
        assertEquals(DAY, last.date());
        assertTrue(last.provisional(), "today's bar is stored as provisional until the final one comes");
        assertEquals(DAY, decision().decision().date(), "the decision sees today, as a backtest decides on the close");
        assertEquals(List.of(), journal("stale-data"));
        assertEquals(List.of(), journal(DataRefresh.KIND));
        double todaysClose = tqqq.get(tqqq.size() - 1).close();
        assertTrue(decision().decision().explanation().summary().contains(String.format(java.util.Locale.ROOT, "$%.2f", todaysClose)),
                decision().decision().explanation().summary());
        assertEquals(1, server.count("/v2/stocks/TQQQ/snapshot"), "one snapshot for the provisional bar");
    }

    @Test
    void whenTheFeedHasNothingOfTodayTheRunSendsNothingAndSaysWhyInOneLine() throws Exception {
        // The feed's history stops at the 30th (no trade today yet on this feed): the refresh adds nothing.
        server.setBars("TQQQ", tqqq.subList(0, tqqq.size() - 1));

        runTheDecisionMinute();

        assertEquals(LocalDate.of(2025, 12, 30), app.marketData().lastBar("TQQQ", DAY).orElseThrow().date());
        assertEquals(List.of(), app.orders().recent(10), "no order on yesterday's prices");
        assertEquals(List.of("TQQQ: prices end on 2025-12-30, the decision at 2025-12-31 15:50 ET needs today's bar;"
                + " run 'leverdesk data update'"), journal("stale-data"));
        assertEquals(LocalDate.of(2025, 12, 30), decision().decision().date());
    }
}
