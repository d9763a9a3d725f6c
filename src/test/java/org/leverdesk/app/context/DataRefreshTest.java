package org.leverdesk.app.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.alpaca.FakeAlpacaDataServer;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.BarStatus;
import org.leverdesk.market.feed.LiveFreshness;
import org.leverdesk.market.feed.RefreshReport;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.testing.FeedBars;

/** The refresh a scheduled run makes before it decides: the strategy's symbols, today's provisional bar. */
class DataRefreshTest {
    private static final LocalDate DAY = LocalDate.of(2024, 12, 3);
    private static final Instant DECISION = DAY.atTime(LocalTime.of(15, 50)).atZone(NyseCalendar.ZONE).toInstant();

    @TempDir
    Path dir;
    private FakeAlpacaDataServer server;
    private AppContext app;

    @BeforeEach
    void start() {
        server = FakeAlpacaDataServer.start();
        server.setNow(DECISION);
        for (String s : List.of("QQQ", "TQQQ")) {
            server.setBars(s, FeedBars.of(s, LocalDate.of(2024, 1, 2), DAY));
        }
        System.setProperty(MarketDataFeeds.ALPACA_DATA_URL_PROPERTY, server.baseUrl().toString());
        app = AppContext.open(dir.resolve("data"), null, 0, true);
    }

    @AfterEach
    void stop() {
        System.clearProperty(MarketDataFeeds.ALPACA_DATA_URL_PROPERTY);
        app.close();
        server.close();
    }

    private Secrets keys() {
        return new Secrets(dir.resolve(Secrets.FILE_NAME), Map.of(Secrets.ALPACA_KEY_ID, FakeAlpacaDataServer.KEY_ID,
                Secrets.ALPACA_SECRET_KEY, FakeAlpacaDataServer.SECRET_KEY));
    }

    @Test
    void beforeARegimeRunTheStoreGetsQqqAndTqqqWithTodaysProvisionalBarsSoTheDecisionIsFresh() {
        StrategySettings regime = new StrategySettings("regime", true, 1.0, Map.of(), null);
        try (DataRefresh refresh = DataRefresh.open(app, AppConfig.defaults(), keys(), app.journal())) {
            RefreshReport r = refresh.before(LiveStrategies.strategy(regime), DECISION, CancellationToken.NONE);
            assertTrue(r.ok(), r.problems().toString());
        }
        LiveFreshness rule = new LiveFreshness(app.calendar());
        for (String s : List.of("QQQ", "TQQQ")) {
            BarStatus last = app.marketData().lastBar(s, DAY).orElseThrow();
            assertEquals(DAY, last.date());
            assertTrue(last.provisional());
            assertEquals(java.util.Optional.empty(), rule.problem(s, java.util.Optional.of(last), DECISION));
        }
    }

    @Test
    void aSymbolTheFeedDoesNotHaveIsJournalledAndTheRunGoesOn() {
        StrategySettings rebalance = new StrategySettings("monthly-rebalance", true, 1.0, Map.of("symbol", "NOPE"), null);
        try (DataRefresh refresh = DataRefresh.open(app, AppConfig.defaults(), keys(), app.journal())) {
            RefreshReport r = refresh.before(LiveStrategies.strategy(rebalance), DECISION, CancellationToken.NONE);
            assertEquals(1, r.problems().size());
        }
        List<JournalEntry> entries = app.journal().recent(10);
        assertEquals(DataRefresh.KIND, entries.get(0).kind());
        assertTrue(entries.get(0).message().startsWith("NOPE: Alpaca market data (iex feed) has no daily bars"), entries.get(0).message());
    }

    @Test
    void withoutKeysNothingIsAskedAndNothingFails() {
        try (DataRefresh refresh = DataRefresh.open(app, AppConfig.defaults(), new Secrets(dir.resolve("none"), Map.of()),
                app.journal())) {
            assertNull(refresh.before(LiveStrategies.strategy(new StrategySettings("regime", true, 1.0, Map.of(), null)),
                    DECISION, CancellationToken.NONE));
        }
        assertEquals(0, server.requests().size());
    }
}
