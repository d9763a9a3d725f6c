package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.Bar;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.store.BarRepository;
import org.leverdesk.store.Store;

/**
 * {@code leverdesk data update} and {@code import --replace} through the real command line, fed from a
 * folder of CSV files (the Alpaca feed's command-line path runs in {@link DataUpdateAlpacaProcessTest}).
 */
class DataUpdateCommandTest {
    private static final NyseCalendar CAL = new NyseCalendar();

    @TempDir
    Path tmp;
    private Path prices;
    private Path data;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        prices = Files.createDirectories(tmp.resolve("prices"));
        data = tmp.resolve("store");
        config = tmp.resolve("config.json");
        // regime reads QQQ and TQQQ; monthly-rebalance is disabled, so its symbol (SQQQ here) is not updated.
        new ConfigFile(config).save(new AppConfig(BrokerSettings.defaults(), RiskSettings.defaults(), List.of(
                new StrategySettings("regime", true, 0.5, Map.of(), null),
                new StrategySettings("monthly-rebalance", false, 0.5, Map.of("symbol", "SQQQ"), null)), null));
        write("QQQ", bars(LocalDate.of(2024, 1, 2), 30, 400));
        write("TQQQ", bars(LocalDate.of(2024, 1, 2), 30, 50));
        write("SQQQ", bars(LocalDate.of(2024, 1, 2), 30, 10));
    }

    private static List<Bar> bars(LocalDate first, int n, double level) {
        List<Bar> out = new ArrayList<>();
        LocalDate d = first;
        for (int i = 0; i < n; i++) {
            double c = level * (1 + 0.01 * (i % 4));
            out.add(new Bar(d, c, c * 1.01, c * 0.99, c, 1_000_000, c * 0.99));
            d = CAL.nextTradingDay(d);
        }
        return out;
    }

    private Path write(String symbol, List<Bar> rows) throws IOException {
        return write(prices, symbol + ".csv", rows);
    }

    private static Path write(Path dir, String name, List<Bar> rows) throws IOException {
        StringBuilder sb = new StringBuilder("date,open,high,low,close,volume,adj_close\n");
        for (Bar b : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%d,%s%n", b.date(), b.open(), b.high(), b.low(), b.close(),
                    b.volume(), b.adjClose()));
        }
        return Files.writeString(Files.createDirectories(dir).resolve(name), sb.toString());
    }

    private CliRun run(String... args) {
        CliRun cli = new CliRun();
        cli.run(args);
        return cli;
    }

    private CliRun update(String... extra) {
        List<String> args = new ArrayList<>(List.of("data", "update", "--config", config.toString(), "--data-dir",
                data.toString(), "--create", "--prices", prices.toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    private int stored(String symbol) {
        try (Store store = Store.open(data)) {
            return new BarRepository(store).load(symbol).size();
        }
    }

    @Test
    void updatesWhatTheEnabledStrategiesReadWithOneLinePerSymbolAndASecondRunWritesNothing() {
        CliRun cli = update();
        assertEquals(0, cli.code, cli.err.toString());
        List<String> lines = cli.out.toString().lines().toList();
        assertEquals("updating 2 symbols in " + data.resolve("leverdesk.mv.db") + " from CSV folder " + prices, lines.get(0));
        // The folder ends in February 2024, so each line also says that nothing newer is there.
        assertEquals(6, lines.size(), lines.toString());
        assertEquals("QQQ: reading CSV folder " + prices, lines.get(1));
        assertTrue(lines.get(2).startsWith("QQQ: 30 new final bars 2024-01-02..2024-02-13; the feed has nothing after 2024-02-13 ("),
                lines.get(2));
        assertEquals("TQQQ: reading CSV folder " + prices, lines.get(3));
        assertTrue(lines.get(4).startsWith("TQQQ: 30 new final bars 2024-01-02..2024-02-13; the feed has nothing after"), lines.get(4));
        assertEquals("2 symbols from CSV folder " + prices + ": 2 updated; 60 final bars written", lines.get(5));
        assertEquals(30, stored("QQQ"));
        assertEquals(0, stored("SQQQ"), "only enabled strategies' symbols");

        CliRun again = update();
        assertEquals(0, again.code, again.err.toString());
        assertTrue(again.out.toString().contains("QQQ: no new bars (last final bar 2024-02-13); the feed has nothing after 2024-02-13"),
                again.out.toString());
        assertTrue(again.out.toString().endsWith("2 symbols from CSV folder " + prices + ": 2 up to date; 0 final bars written"
                + System.lineSeparator()), again.out.toString());
    }

    @Test
    void newRowsInTheFolderAreAddedIncrementallyAndSymbolsCanBeNamed() throws IOException {
        assertEquals(0, update("--symbols", "qqq").code);
        write("QQQ", bars(LocalDate.of(2024, 1, 2), 33, 400));
        CliRun cli = update("--symbols", "QQQ,SQQQ");
        assertEquals(0, cli.code, cli.err.toString());
        assertTrue(cli.out.toString().contains("QQQ: 3 new final bars 2024-02-14..2024-02-16"), cli.out.toString());
        assertTrue(cli.out.toString().contains("SQQQ: 30 new final bars"), cli.out.toString());
        assertEquals(33, stored("QQQ"));
    }

    @Test
    void aSplitTheStoreDoesNotHaveIsRefusedWithExitCode1AndFullReplacesTheSeries() throws IOException {
        assertEquals(0, update("--symbols", "TQQQ").code);
        // The folder now holds a download made after a 2:1 split: every price halves, the history included.
        List<Bar> split = new ArrayList<>();
        for (Bar b : bars(LocalDate.of(2024, 1, 2), 31, 50)) {
            split.add(new Bar(b.date(), b.open() / 2, b.high() / 2, b.low() / 2, b.close() / 2, b.volume() * 2, b.adjClose() / 2));
        }
        write("TQQQ", split);
        CliRun refused = update("--symbols", "TQQQ");
        assertEquals(1, refused.code, refused.out.toString());
        assertTrue(refused.out.toString().contains("TQQQ 2024-02-13: the new close 25.25 is 1/2 of the stored 50.5, a 2:1 split"
                + " the stored series does not have; run 'leverdesk data update --symbols TQQQ --full' or re-import a whole"
                + " split-adjusted file (leverdesk import TQQQ.csv --replace); nothing of TQQQ was written"), refused.out.toString());
        assertEquals(30, stored("TQQQ"));

        CliRun full = update("--symbols", "TQQQ", "--full");
        assertEquals(0, full.code, full.out.toString() + full.err);
        assertTrue(full.out.toString().contains("TQQQ: replaced by 31 final bars 2024-01-02..2024-02-14"), full.out.toString());
        try (Store store = Store.open(data)) {
            assertEquals(25.25, new BarRepository(store).load("TQQQ").close(29), 1e-9);
        }
    }

    @Test
    void importRefusesTheSplitJumpAndReplaceTakesTheWholeFile() throws IOException {
        assertEquals(0, run("import", prices.resolve("TQQQ.csv").toString(), "--data-dir", data.toString(), "--create").code);
        Path later = write(tmp.resolve("later"), "TQQQ.csv", List.of(new Bar(LocalDate.of(2024, 2, 14), 25.5, 26, 25, 25.6,
                2_000_000, 25.4)));
        CliRun refused = run("import", later.toString(), "--data-dir", data.toString());
        assertEquals(2, refused.code);
        assertEquals("error: TQQQ 2024-02-14: close 25.6 after 50.5 looks like a 2:1 split the stored series does not have;"
                + " re-import the whole file (leverdesk import TQQQ.csv --replace) or run 'leverdesk data update --symbols TQQQ"
                + " --full'" + System.lineSeparator(), refused.err.toString());
        CliRun replaced = run("import", later.toString(), "--data-dir", data.toString(), "--replace");
        assertEquals(0, replaced.code, replaced.err.toString());
        assertTrue(replaced.out.toString().contains("imported 1 bars of TQQQ (2024-02-14 .. 2024-02-14) into "), replaced.out.toString());
        assertTrue(replaced.out.toString().contains(", replacing the stored series"), replaced.out.toString());
        assertEquals(1, stored("TQQQ"));
    }

    @Test
    void badInputIsOneLine() {
        CliRun badSymbol = update("--symbols", "QQQ,no way");
        assertEquals(2, badSymbol.code);
        assertEquals("error: --symbols: 'no way' is not a ticker symbol; use letters and digits like TQQQ" + System.lineSeparator(),
                badSymbol.err.toString());
        CliRun badFeed = update("--feed", "IEX2");
        assertEquals("error: --feed IEX2 is not a feed; use iex or sip" + System.lineSeparator(), badFeed.err.toString());
        CliRun noFolder = run("data", "update", "--config", config.toString(), "--data-dir", data.toString(), "--create",
                "--prices", tmp.resolve("missing").toString());
        assertEquals("error: --prices " + tmp.resolve("missing") + " is not a folder; give a folder holding <SYMBOL>.csv files"
                + System.lineSeparator(), noFolder.err.toString());
    }
}
