package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.schedule.SimulatedClock.et;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.app.context.MarketDataFeeds;
import org.leverdesk.app.context.TradingRuntime;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestEngine;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.EquityPoint;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.broker.alpaca.FakeAlpacaDataServer;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.broker.sim.SimFill;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Fill;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.SessionInstants;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.feed.MarketDataFeed;
import org.leverdesk.notify.NotifyOptions;
import org.leverdesk.schedule.SimulatedClock;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.StoredDecision;
import org.leverdesk.strategy.Strategy;
import org.leverdesk.testing.SharedPrices;

/**
 * The acceptance test: the real daemon ({@link Daemon}: scheduler lock, store, trading runtime,
 * scheduler, control channel) on a simulated clock, its prices refreshed before every run from a fake
 * Alpaca market data server on 127.0.0.1 that serves real historical bars one session at a time (a day's bar
 * exists from its open: its opening print for the first hour, then the day so far, final 15 minutes after the
 * close), trading each built-in strategy on the paper broker for 60 consecutive sessions. Per session it
 * makes the same decisions, the same fills (symbol, side, shares, price) and the same closing equity to the
 * cent as a backtest of those sessions; no run is blocked as stale; and the server's request log shows that
 * every refresh asked only for what the store was missing (from the last final bar on, never older history).
 *
 * <p>One strategy per daemon: the built-ins trade the same symbols (TQQQ), which one account refuses, and
 * strategies that share an account size on their capital share of the whole account's equity, which a
 * single-strategy backtest cannot know.
 */
class DaemonFeedParityTest {
    private static final NyseCalendar CALENDAR = new NyseCalendar();
    private static final Duration FIRST_HOUR = Duration.ofHours(1);
    /** Alpaca's first day of daily bars, where a symbol's first download starts. */
    private static final LocalDate FEED_START = LocalDate.of(2016, 1, 1);

    @TempDir
    Path dir;
    private FakeAlpacaDataServer server;

    @AfterEach
    void stop() {
        System.clearProperty(MarketDataFeeds.ALPACA_DATA_URL_PROPERTY);
        if (server != null) {
            server.close();
        }
    }

    private static AppConfig config(String id) {
        return new AppConfig(BrokerSettings.defaults(), RiskSettings.defaults(), List.of(new StrategySettings(id, true, 1.0,
                Map.of(), null)), NotificationSettings.defaults());
    }

    private Secrets keys() {
        return new Secrets(dir.resolve(Secrets.FILE_NAME), Map.of(Secrets.ALPACA_KEY_ID, FakeAlpacaDataServer.KEY_ID,
                Secrets.ALPACA_SECRET_KEY, FakeAlpacaDataServer.SECRET_KEY));
    }

    /** The acceptance run: 60 sessions per strategy (minutes on a busy machine, so with the long tests: -Pcampaign). */
    @Tag("campaign")
    @ParameterizedTest(name = "{0} for {2} sessions from {1}")
    @CsvSource({
            // a month-end rebalance at 15:50 (2025-01-31, 2025-02-28) and the first day's buy; TQQQ going ex 2025-03-26
            "monthly-rebalance, 2025-01-02, 60",
            // entries and exits at 15:50 with protective stop orders resting at the broker through the 2025 sell-off
            "rsi2,              2025-01-02, 60",
            // regime sizing with gates on QQQ's averages
            "regime,            2025-01-02, 60",
            // after the close: sells to the opening auction at 19:00, buys at the follow-up minutes after the open
            // (which sees the day's opening print), SPY's ex-dividend day 2025-03-21
            "rotation,          2025-01-02, 60",
    })
    void sixtySessions(String id, LocalDate from, int sessions) throws Exception {
        theDaemonOnTheFeedPlacesWhatTheBacktestPlaced(id, from, sessions);
    }

    /** The same in the normal suite, shorter: a stop-order strategy and the after-close one over an ex-dividend date. */
    @ParameterizedTest(name = "{0} for {2} sessions from {1}")
    @CsvSource({
            // entries, exits and protective stops in the 2025 sell-off, TQQQ going ex 2025-03-26
            "rsi2,     2025-03-17, 10",
            // market-on-open sells, follow-up buys at the opening print, SPY going ex 2025-03-21
            "rotation, 2025-03-18, 5",
    })
    void aFewSessions(String id, LocalDate from, int sessions) throws Exception {
        theDaemonOnTheFeedPlacesWhatTheBacktestPlaced(id, from, sessions);
    }

    private void theDaemonOnTheFeedPlacesWhatTheBacktestPlaced(String id, LocalDate from, int sessions) throws Exception {
        MarketData prices = new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(CALENDAR));
        Strategy strategy = org.leverdesk.app.context.LiveStrategies.strategy(config(id).strategies().get(0));
        String traded = org.leverdesk.strategy.catalog.StrategyCatalog.builtIn().require(id).defaultSymbol();
        List<LocalDate> days = CALENDAR.tradingDays(from, from.plusDays(sessions * 2L)).subList(0, sessions);
        LocalDate to = days.get(days.size() - 1);
        Map<String, BarSeries> series = read(strategy, prices, traded, to);

        server = FakeAlpacaDataServer.start();
        series.forEach((s, b) -> server.setBars(s, b.bars()));
        server.servesOpeningPrintFor(FIRST_HOUR);
        server.adjustsAsOfNow();
        System.setProperty(MarketDataFeeds.ALPACA_DATA_URL_PROPERTY, server.baseUrl().toString());
        Path data = dir.resolve("data");
        SessionInstants at = SessionInstants.of(CALENDAR);

        // The evening before: the store gets the history up to the last session's final bar (the first-run download).
        Instant before = at.open(from).minus(Duration.ofHours(2));
        server.setNow(before);
        try (AppContext app = AppContext.open(data, null, 0, true);
             MarketDataFeed feed = MarketDataFeeds.open(null, config(id), keys(), app.calendar(), null)) {
            assertTrue(app.refresher(feed).refresh(series.keySet(), before, ProgressListener.NONE, CancellationToken.NONE).ok());
        }
        int historyRequests = server.requests().size();

        // The daemon, for the sessions: each session's closing equity (what the backtest's curve records) read on
        // the scheduler's thread between jobs at 16:19, once the day's final bar is in (an after-close strategy's
        // 16:15 run brings it; before, its store holds the opening print its follow-up refreshed).
        SimulatedClock clock = new SimulatedClock(before, at.close(to).plus(Duration.ofHours(3)));
        server.setClock(clock::now);
        Map<LocalDate, BigDecimal> closes = new ConcurrentHashMap<>();
        PaperBroker[] paper = new PaperBroker[1];
        for (LocalDate d : days) {
            clock.at(at.close(d).plus(Duration.ofMinutes(19)), () -> closes.put(d,
                    BigDecimal.valueOf(paper[0].equityValue()).setScale(2, RoundingMode.HALF_EVEN)));
        }
        List<Fill> liveFills = new ArrayList<>();
        List<Decision> liveDecisions;
        List<String> stale;
        int orders;
        try (Daemon daemon = Daemon.start(data, null, config(id), keys(), clock, NotifyOptions.defaults())) {
            paper[0] = (PaperBroker) daemon.runtime().broker();
            assertTrue(clock.awaitEnd(Duration.ofMinutes(15)), "the simulated sessions did not end");
            daemon.requestStop();
            for (SimFill f : paper[0].fills()) {
                liveFills.add(new Fill(f.at().atZone(NyseCalendar.ZONE).toLocalDate(), f.symbol(), f.side(),
                        f.quantity().longValueExact(), f.price().doubleValue(), 0, ""));
            }
            AppContext app = daemon.app();
            liveDecisions = app.decisions().list(id, from.minusDays(1), to).stream()
                    .sorted(Comparator.comparing(StoredDecision::createdAt)).map(StoredDecision::decision).toList();
            // Rotation's universe names more symbols than the price folder holds: the feed has none of those, as the
            // backtest has none, and saying so is all a refresh may report.
            stale = app.journal().recent(10_000).stream().filter(e -> e.kind().equals("stale-data")
                    || e.kind().equals(org.leverdesk.app.context.DataRefresh.KIND)).map(JournalEntry::message)
                    .filter(m -> !unserved(m, series.keySet())).toList();
            orders = app.orders().recent(10_000).size();
        }

        BacktestConfig bc = new BacktestConfig(from, to, 100_000, new CostModel(0, 0, 1), false, null, true);
        BacktestResult backtest = new BacktestEngine(CALENDAR, new MetricsCalculator()).run(strategy, 1, series, traded,
                bc.withRecordDecisions(true), prices.sourceLabel(), ProgressListener.NONE, CancellationToken.NONE);

        assertEquals(List.of(), stale, "no run was blocked on stale data and every refresh worked");
        assertEquals(sessions, backtest.equity().size());
        assertEquals(describe(backtest.decisions()), describe(liveDecisions), "the decisions, session by session");
        assertEquals(perSession(backtest.fills()), perSession(liveFills), "the orders filled, session by session");
        assertTrue(!liveFills.isEmpty() && orders > 0, "60 sessions without an order prove nothing");
        for (EquityPoint p : backtest.equity()) {
            assertEquals(BigDecimal.valueOf(p.equity()).setScale(2, RoundingMode.HALF_EVEN), closes.get(p.date()),
                    "the closing equity of " + p.date());
        }
        // A symbol whose file ends before the run (MSFT in rotation's universe) is asked from its last bar each time: the
        // feed has nothing newer, which is what is missing, so only the symbols with the run's sessions are checked.
        Set<String> current = new java.util.TreeSet<>();
        series.forEach((s, b) -> {
            if (!b.isEmpty() && !b.lastDate().isBefore(to)) {
                current.add(s);
            }
        });
        assertRefreshedOnlyWhatWasMissing(server.requests().subList(historyRequests, server.requests().size()), current,
                days, strategy.execution().decidesAfterClose() ? days.size() : liveDecisions.size());
    }

    /**
     * What the daemon asked the feed for, read from the server's request log: every bars request starts at the
     * store's last final bar (the overlap day, re-read on purpose so a new dividend basis shows) and brings only
     * sessions after it; per symbol and adjustment, each session of the run is brought exactly once (the last
     * one may be left for the next day's refresh, as a before-the-close strategy needs only its provisional
     * bar), nothing before the run is fetched again, and each refresh during a session reads one snapshot per
     * symbol (the 15:50 run's; for an after-close strategy its follow-up's after the open, as at 16:15 the day's
     * final bar is there).
     */
    private static void assertRefreshedOnlyWhatWasMissing(List<String> requests, Set<String> symbols, List<LocalDate> days,
                                                          long snapshots) {
        LocalDate history = CALENDAR.previousTradingDay(days.get(0));
        for (String symbol : symbols) {
            for (String adjustment : List.of("split", "all")) {
                List<LocalDate> brought = new ArrayList<>();
                for (String r : requests) {
                    if (!r.startsWith("GET /v2/stocks/" + symbol + "/bars?") || !r.contains("adjustment=" + adjustment + "&")) {
                        continue;
                    }
                    LocalDate start = LocalDate.parse(param(r, "start").substring(0, 10));
                    LocalDate end = LocalDate.parse(param(r, "end").substring(0, 10));
                    assertTrue(!start.isBefore(history), "history fetched again: " + r);
                    if (end.isAfter(start)) {
                        brought.addAll(CALENDAR.tradingDays(start.plusDays(1), end));
                    }
                }
                assertEquals(new LinkedHashSet<>(brought).size(), brought.size(), symbol + " " + adjustment
                        + ": a session was fetched twice: " + brought);
                List<LocalDate> expected = brought.size() == days.size() ? days : days.subList(0, days.size() - 1);
                assertEquals(expected, brought, symbol + " " + adjustment + ": each session's bar once");
            }
            assertEquals(snapshots, requests.stream().filter(r -> r.startsWith("GET /v2/stocks/" + symbol + "/snapshot")).count(),
                    symbol + ": snapshots");
        }
    }

    /** A refresh's line that the feed has no bars at all of a symbol the server does not serve. */
    private static boolean unserved(String line, Set<String> served) {
        int colon = line.indexOf(':');
        return colon > 0 && line.contains(" has no daily bars from ") && !served.contains(line.substring(0, colon));
    }

    private static String param(String request, String name) {
        for (String kv : request.substring(request.indexOf('?') + 1).split("&")) {
            if (kv.startsWith(name + "=")) {
                return kv.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + request);
    }

    /**
     * The bars both runs see: from the feed's first day (what the daemon's first download stores), so the backtest
     * has the same history (rotation's rebalance days count from its clock symbol's first bar).
     */
    private static Map<String, BarSeries> read(Strategy strategy, MarketData data, String traded, LocalDate to) {
        Set<String> symbols = new LinkedHashSet<>();
        symbols.add(traded);
        symbols.addAll(strategy.symbols());
        Map<String, BarSeries> out = new HashMap<>();
        for (String s : symbols) {
            out.put(s, data.barsUpTo(s, to).between(FEED_START, to));
        }
        for (String s : strategy.optionalSymbols()) {
            if (data.symbols().contains(s)) {
                out.put(s, data.barsUpTo(s, to).between(FEED_START, to));
            }
        }
        return out;
    }

    private static List<String> describe(List<Decision> decisions) {
        return decisions.stream().map(d -> d.date() + (d.rebalance() ? " targets " + d.targets() : " hold")).toList();
    }

    private static Map<LocalDate, List<String>> perSession(List<Fill> fills) {
        Map<LocalDate, List<String>> out = new TreeMap<>();
        for (Fill f : fills) {
            out.computeIfAbsent(f.date(), k -> new ArrayList<>()).add(f.side() + " " + f.quantity() + " " + f.symbol()
                    + " at " + String.format(java.util.Locale.ROOT, "%.4f", f.price()));
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }
}
