package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.store.Store;

/**
 * The first "done when", end to end on a fresh machine: {@code leverdesk init} with flags writes
 * the config; {@code daemon} runs as its own process under a systemd-like supervisor (the unit's
 * SuccessExitStatus=143 and RestartPreventExitStatus=2); from another shell {@code status}, {@code orders},
 * {@code order --preview}, {@code close-all}, {@code resume} and {@code journal} reach it over its control
 * channel; the journal shows each step; SIGTERM stops it cleanly and the supervisor counts that a success.
 */
class DaemonUnderSupervisorTest {
    private static final NyseCalendar NYSE = new NyseCalendar();

    @TempDir
    Path tmp;

    @Test
    void initThenASupervisedDaemonAnswersTheOtherShellAndItsPanicHaltsAndResumes() throws Exception {
        Path config = tmp.resolve("etc").resolve("config.json");
        Path data = Files.createDirectories(tmp.resolve("var-lib-leverdesk")); // made empty, as systemd's StateDirectory
        Path prices = writePrices(Files.createDirectories(tmp.resolve("prices")));

        CliRun init = new CliRun();
        assertEquals(0, init.run("init", "--no-input", "--broker", "paper", "--strategy", "regime:1.0", "--config",
                config.toString()), init.out + " " + init.err);
        assertEquals(1, new ConfigFile(config).load().enabledStrategies().size());

        // The account before the daemon starts: 10 TQQQ bought in the last session, a QQQ limit order resting.
        LocalDate last = NYSE.previousTradingDay(LocalDate.now(NyseCalendar.ZONE));
        Clock session = Clock.fixed(last.atTime(LocalTime.of(15, 0)).atZone(NyseCalendar.ZONE).toInstant(), ZoneOffset.UTC);
        try (Store store = Store.open(data)) {
            PaperBroker paper = new PaperBroker(store, new CsvDirectoryMarketData(prices, new CsvBarReader(NYSE)), session);
            paper.submit(new OrderRequest("seed-buy", "TQQQ", Side.BUY, BigDecimal.TEN, OrderType.MARKET, TimeInForce.DAY, null, null));
            paper.submit(new OrderRequest("seed-dip", "QQQ", Side.BUY, BigDecimal.ONE, OrderType.LIMIT, TimeInForce.GTC,
                    new BigDecimal("1.00"), null));
            assertEquals(1, paper.positions().size());
        }

        Path supervisorLog = tmp.resolve("supervisor.log");
        Path script = tmp.resolve("supervise.sh");
        Files.copy(DaemonUnderSupervisorTest.class.getResourceAsStream("supervise.sh"), script, StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of("/bin/sh", script.toString(), supervisorLog.toString(), "1",
                ProcessHandle.current().info().command().orElseThrow(), "-Dlogback.configurationFile=" + mainLogbackConfig(),
                "-cp", System.getProperty("java.class.path"), "org.leverdesk.app.Main",
                "daemon", "--data-dir", data.toString(), "--prices", prices.toString(), "--config", config.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LEVERDESK_LOG_DIR", tmp.resolve("logs").toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("xdg-config").toString());
        pb.environment().put("XDG_DATA_HOME", tmp.resolve("xdg-data").toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process supervisor = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(supervisor.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("leverdesk daemon: scheduler running"), first);
            String[] store = {"--data-dir", data.toString(), "--config", config.toString()};

            CliRun status = other("status", store);
            assertEquals(0, status.code, status.out + " " + status.err);
            assertTrue(status.out.toString().contains("TQQQ"), status.out + " ERR " + status.err);

            CliRun orders = other("orders", store);
            assertEquals(0, orders.code, orders.err.toString());
            assertTrue(orders.out.toString().contains("seed-dip"), orders.out.toString());

            CliRun preview = other("order", concat(new String[] {"buy", "1", "QQQ", "--limit", "2", "--gtc", "--preview"}, store));
            assertTrue(preview.out.toString().startsWith("preview at paper: buy 1 QQQ LIMIT at 2"), preview.out + " " + preview.err);

            CliRun close = other("close-all", new String[] {"--data-dir", data.toString(), "--reason", "supervised test"});
            assertEquals(0, close.code, close.out + " " + close.err);
            assertTrue(close.out.toString().startsWith("Close the whole account at paper: 1 order cancelled, 1 position closed,"),
                    close.out.toString());
            assertTrue(close.out.toString().lines().findFirst().orElseThrow().contains("trading HALTED"), close.out.toString());

            CliRun halted = other("status", store);
            assertTrue(halted.out.toString().contains("trading: HALTED - orders that add to a position are denied until"
                    + " 'leverdesk resume'"), halted.out.toString());

            CliRun resume = other("resume", new String[] {"--data-dir", data.toString()});
            assertEquals(0, resume.code, resume.out + " " + resume.err);

            CliRun journal = other("journal", new String[] {"--data-dir", data.toString(), "--limit", "200"});
            assertEquals(0, journal.code, journal.err.toString());
            String steps = journal.out.toString();
            assertTrue(steps.contains("emergency exit of the whole account at paper requested by cli: supervised test"), steps);
            assertTrue(steps.contains("cancel requested: seed-dip"), steps);
            assertTrue(steps.contains("closing TQQQ 10"), steps);
            assertTrue(steps.lines().anyMatch(l -> l.contains(" trading-state ") && l.contains("HALTED")), steps);
            assertTrue(steps.lines().anyMatch(l -> l.contains(" trading-state ") && l.toLowerCase(Locale.ROOT).contains("active")),
                    steps);

            supervisor.destroy(); // SIGTERM to the supervisor, which sends it on (KillSignal=SIGTERM)
            assertTrue(supervisor.waitFor(60, TimeUnit.SECONDS), "the supervised daemon did not stop");
            assertEquals(0, supervisor.exitValue(), Files.readString(supervisorLog));
        } finally {
            supervisor.descendants().forEach(ProcessHandle::destroyForcibly);
            supervisor.destroyForcibly();
        }
        List<String> log = Files.readAllLines(supervisorLog);
        assertEquals(1, log.stream().filter(l -> l.startsWith("started ")).count(), log.toString());
        assertTrue(log.contains("exited 143") && log.contains("stopped cleanly"), log.toString());
        CliRun after = other("positions", new String[] {"--data-dir", data.toString(), "--config", config.toString()});
        assertEquals(0, after.code, after.err.toString());
    }

    /** A command from "another shell": a separate command line on the same store, as a terminal would run it. */
    private static CliRun other(String name, String[] args) {
        CliRun cli = new CliRun();
        cli.run(concat(new String[] {name}, args));
        return cli;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** 320 sessions of QQQ and TQQQ ending at the last completed session, a gentle rise with a daily wiggle. */
    private static Path writePrices(Path dir) throws Exception {
        List<LocalDate> days = new ArrayList<>();
        LocalDate d = NYSE.previousTradingDay(LocalDate.now(NyseCalendar.ZONE));
        for (int i = 0; i < 320; i++) {
            days.add(0, d);
            d = NYSE.previousTradingDay(d);
        }
        for (String symbol : List.of("QQQ", "TQQQ")) {
            double base = symbol.equals("QQQ") ? 400 : 50;
            StringBuilder csv = new StringBuilder("date,open,high,low,close,volume,adj_close\n");
            for (int i = 0; i < days.size(); i++) {
                double c = base * (1 + 0.0008 * i + 0.01 * Math.sin(i));
                csv.append(String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,1000000,%.2f%n", days.get(i), c, c * 1.01, c * 0.99, c, c));
            }
            Files.writeString(dir.resolve(symbol + ".csv"), csv);
        }
        return dir;
    }

    private static String mainLogbackConfig() throws URISyntaxException {
        Path testClasses = Path.of(DaemonUnderSupervisorTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return testClasses.resolveSibling("classes").resolve("logback.xml").toString();
    }
}
