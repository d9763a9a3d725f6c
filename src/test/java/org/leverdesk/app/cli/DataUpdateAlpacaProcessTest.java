package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.MarketDataFeeds;
import org.leverdesk.broker.alpaca.FakeAlpacaDataServer;
import org.leverdesk.domain.Bar;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.feed.FeedTiming;
import org.leverdesk.store.BarRepository;
import org.leverdesk.store.Store;

/**
 * {@code leverdesk data update} in a real child JVM against the fake Alpaca market data server: keys from the
 * environment, killed while the second symbol is in flight (the first stays whole, the second and third are
 * not written), then run again, which fetches exactly what is still missing.
 */
class DataUpdateAlpacaProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final NyseCalendar CAL = new NyseCalendar();

    @TempDir
    Path tmp;
    private FakeAlpacaDataServer server;
    private final List<Process> started = new ArrayList<>();
    private LocalDate lastFinal;

    @BeforeEach
    void setUp() {
        server = FakeAlpacaDataServer.start();
        // Bars up to the last session that is final now, so a complete store needs nothing more.
        lastFinal = new FeedTiming(CAL).lastFinalSession(Instant.now());
        for (String s : List.of("QQQ", "SPY", "TQQQ")) {
            server.setBars(s, recent(s));
        }
    }

    @AfterEach
    void tearDown() {
        started.forEach(Process::destroyForcibly);
        server.close();
    }

    private List<Bar> recent(String symbol) {
        List<Bar> out = new ArrayList<>();
        double level = symbol.length() * 100.0;
        for (LocalDate d : CAL.tradingDays(lastFinal.minusDays(90), lastFinal)) {
            double c = level * (1 + 0.002 * out.size());
            out.add(new Bar(d, c, c * 1.01, c * 0.99, c, 5_000_000, c));
        }
        return out;
    }

    private Process start(Path log, boolean keys) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-D" + MarketDataFeeds.ALPACA_DATA_URL_PROPERTY + "=" + server.baseUrl(), "-cp", System.getProperty("java.class.path"),
                "org.leverdesk.app.Main", "data", "update", "--symbols", "QQQ,SPY,TQQQ", "--from", lastFinal.minusDays(90).toString(),
                "--config", tmp.resolve("config.json").toString(), "--data-dir", tmp.resolve("store").toString(), "--create"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.remove("ALPACA_KEY_ID");
        env.remove("ALPACA_SECRET_KEY");
        if (keys) {
            env.put("ALPACA_KEY_ID", FakeAlpacaDataServer.KEY_ID);
            env.put("ALPACA_SECRET_KEY", FakeAlpacaDataServer.SECRET_KEY);
        }
        env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
        env.put("XDG_CONFIG_HOME", Files.createDirectories(tmp.resolve("xdg-config")).toString());
        env.put("XDG_DATA_HOME", Files.createDirectories(tmp.resolve("xdg-data")).toString());
        env.put("LEVERDESK_LOG_DIR", Files.createDirectories(tmp.resolve("logs")).toString());
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private int stored(String symbol) {
        try (Store store = Store.open(tmp.resolve("store"))) {
            return new BarRepository(store).load(symbol).size();
        }
    }

    @Test
    void killedInTheSecondSymbolItKeepsTheFirstAndTheNextRunFetchesOnlyWhatIsMissing() throws Exception {
        server.hold("/v2/stocks/SPY/bars", Duration.ofSeconds(90));
        CountDownLatch spy = server.arrivalOf("/v2/stocks/SPY/bars");
        Path log = tmp.resolve("first.log");
        Process first = start(log, true);
        assertTrue(spy.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the child never asked for SPY:\n" + Files.readString(log));
        first.destroyForcibly();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the killed child did not end");

        int bars = recent("QQQ").size();
        assertEquals(bars, stored("QQQ"), "QQQ was written whole before SPY started");
        assertEquals(0, stored("SPY"), "SPY was in flight: nothing of it");
        assertEquals(0, stored("TQQQ"));

        server.hold("/v2/stocks/SPY/bars", Duration.ZERO);
        long qqqAsked = server.count("/v2/stocks/QQQ/bars");
        Path log2 = tmp.resolve("second.log");
        Process second = start(log2, true);
        assertTrue(second.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "the second run did not finish");
        String out = Files.readString(log2);
        assertEquals(0, second.exitValue(), out);
        assertTrue(out.contains("QQQ: up to date (last final bar " + lastFinal + ")"), out);
        assertTrue(out.contains("SPY: " + bars + " new final bars"), out);
        assertTrue(out.contains("3 symbols from Alpaca market data (iex feed): "), out);
        assertEquals(qqqAsked, server.count("/v2/stocks/QQQ/bars"), "QQQ was complete: not asked again");
        assertEquals(bars, stored("SPY"));
        assertEquals(bars, stored("TQQQ"));
        assertTrue(server.requests().stream().noneMatch(r -> r.contains("feed=IEX") || r.contains("feed=SIP")),
                "feeds are named lower-case");
    }

    @Test
    void withoutKeysOrAFolderItSaysHowToGetAFeed() throws Exception {
        Path log = tmp.resolve("nokeys.log");
        Process p = start(log, false);
        assertTrue(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS));
        String out = Files.readString(log);
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("error: no market-data feed: set ALPACA_KEY_ID and ALPACA_SECRET_KEY"), out);
        assertEquals(0, server.requests().size());
    }
}
