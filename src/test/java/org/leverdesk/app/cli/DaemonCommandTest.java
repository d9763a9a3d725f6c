package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.schedule.SimulatedClock.et;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.Secrets;
import org.leverdesk.notify.FakeHttpEndpoint;
import org.leverdesk.notify.NotifyOptions;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.schedule.SchedulerLock;
import org.leverdesk.schedule.SimulatedClock;
import org.leverdesk.schedule.StoreJobRunLog;
import org.leverdesk.store.Store;

/** The headless scheduler: runs jobs on its store, refuses a second instance, stops on request and on SIGTERM. */
class DaemonCommandTest {
    @TempDir
    Path dir;

    private Path config() {
        Path file = dir.resolve("config.json");
        new ConfigFile(file).save(AppConfig.defaults().withStrategy(new StrategySettings("regime", true, 0.3, Map.of(), null)));
        return file;
    }

    @Test
    void theDaemonTradesTheDaysJobOnThePaperBrokerAt1550AndTellsTelegram() throws Exception {
        Path data = dir.resolve("data");
        Path prices = Files.createDirectories(dir.resolve("prices"));
        Files.writeString(prices.resolve("TQQQ.csv"), """
                date,open,high,low,close,volume,adj_close
                2025-12-29,55.50,55.70,54.60,54.90,41000000,54.90
                2025-12-30,54.80,55.20,54.30,54.70,39000000,54.70
                2025-12-31,54.60,54.90,53.80,54.05,52000000,54.05
                """);
        AppConfig config = new AppConfig(BrokerSettings.defaults(), RiskSettings.defaults(),
                List.of(new StrategySettings("monthly-rebalance", true, 1.0, Map.of("allocation", "2000"), null)),
                new NotificationSettings(false, true, "42", false, false, null, 587, null, null, null));
        // 2025-12-31 is December's last session: monthly-rebalance's default job decides at 15:50 ET.
        SimulatedClock clock = new SimulatedClock(et("2025-12-31T15:00"), et("2025-12-31T16:00"));
        try (FakeHttpEndpoint telegram = new FakeHttpEndpoint(FakeHttpEndpoint.Reply.ok("{\"ok\":true}"))) {
            Secrets secrets = new Secrets(dir.resolve(Secrets.FILE_NAME), Map.of(Secrets.TELEGRAM_BOT_TOKEN, "555:tok"));
            // A live feed's 15:49 quote: the daily bars alone give only quotes stamped at a close (stale at 15:50).
            java.util.concurrent.CompletableFuture<Daemon> started = new java.util.concurrent.CompletableFuture<>();
            clock.at(et("2025-12-31T15:49"), () -> ((org.leverdesk.broker.paper.PaperBroker) started.join().runtime().broker())
                    .onQuote(new org.leverdesk.broker.Quote("TQQQ", 54.04, 54.06, 54.05, et("2025-12-31T15:49"))));
            Daemon daemon = Daemon.start(data, prices, config, secrets, clock,
                    new NotifyOptions(telegram.baseUrl(), Duration.ofSeconds(2), NotifyOptions.defaults().retry(), null));
            started.complete(daemon);
            try {
                assertTrue(clock.awaitEnd(Duration.ofSeconds(30)));
                assertTrue(daemon.requestStop(), "the scheduler did not stop");
            } finally {
                daemon.close(); // waits for the queued notification
            }
            assertEquals(1, telegram.requests().size());
            assertTrue(telegram.requests().get(0).body().contains("\"text\":\"monthly-rebalance: BUY 37 TQQQ\\n\\nRun run at"
                    + " 2025-12-31 15:50 ET"), telegram.requests().get(0).body());
        }
        try (Store store = Store.open(data)) {
            assertEquals(et("2025-12-31T15:50"), new StoreJobRunLog(store).lastHandled("monthly-rebalance/run").orElseThrow());
            var orders = new OrderRepository(store, java.time.Clock.systemUTC()).recent(10);
            assertEquals(1, orders.size());
            assertEquals(et("2025-12-31T15:50"), orders.get(0).createdAt());
            assertEquals("ld-monthly-rebalance-v1-20251231-buy-TQQQ", orders.get(0).intent().clientOrderId());
        }
        SchedulerLock.acquire(data, clock.now()).close(); // released
    }

    @Test
    void withoutAnEnabledStrategyTheDaemonSaysWhatToDo() {
        Path empty = dir.resolve("empty.json");
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("daemon", "--data-dir", dir.resolve("data").toString(), "--config", empty.toString()));
        assertEquals(List.of("error: no strategy is enabled in " + empty + "; enable one with 'leverdesk config set"
                + " strategies.<id>.enabled=true --config " + empty + "' (or 'leverdesk init', or in Settings) before starting"
                + " the daemon"), cli.err.toString().lines().toList());
    }

    @Test
    void liveTradingSettingsNeedTheConfirmationFlag() {
        Path file = dir.resolve("live.json");
        new ConfigFile(file).save(new AppConfig(new BrokerSettings(org.leverdesk.config.BrokerKind.ALPACA,
                org.leverdesk.config.AlpacaEndpoint.LIVE, true), RiskSettings.defaults(),
                List.of(new StrategySettings("regime", true, 0.3, Map.of(), null)), null));
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("daemon", "--data-dir", dir.resolve("data").toString(), "--config", file.toString()));
        assertEquals(List.of("error: the settings in " + file + " select LIVE trading with real money; add --confirm-live"
                + " to let the daemon send orders"), cli.err.toString().lines().toList());
        assertFalse(Files.exists(dir.resolve("data").resolve(SchedulerLock.FILE_NAME)), "refused before taking the lock");
    }

    @Test
    void sigtermStopsTheDaemonCleanlyAndASecondDaemonIsRefusedWhileItRuns() throws Exception {
        Path data = dir.resolve("data");
        Path logs = dir.resolve("logs");
        ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-Dlogback.configurationFile=" + mainLogbackConfig(), "-cp", System.getProperty("java.class.path"),
                "org.leverdesk.app.Main", "daemon", "--data-dir", data.toString(), "--create", "--config", config().toString());
        pb.environment().put("LEVERDESK_LOG_DIR", logs.toString());
        // Secrets and config come from the temp folder, never the real home.
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("leverdesk daemon: scheduler running 2 jobs on " + data), first);
            assertTrue(first.contains("broker paper-demo, DEMO - simulated prices, PAPER)"), first);
            assertTrue(out.readLine().startsWith("  regime/run close-10m, next regime/run @ "));
            assertTrue(out.readLine().startsWith("  account/daily-summary close+20m, next account/daily-summary @ "));

            CliRun second = new CliRun();
            assertEquals(2, second.run("daemon", "--data-dir", data.toString(), "--config", config().toString()));
            List<String> err = second.err.toString().lines().toList();
            assertEquals(1, err.size(), err.toString());
            assertTrue(err.get(0).startsWith("error: another Leverdesk scheduler is running on this store (pid " + p.pid()
                    + " on host "), err.get(0));

            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the daemon did not stop on SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        String log = Files.readString(logs.resolve("leverdesk.log"));
        assertTrue(log.contains("stop requested (SIGTERM or Ctrl-C)"), log);
        assertTrue(log.contains("scheduler stopped"), log);
        assertTrue(log.contains("store " + data + " closed"), log);
        assertFalse(log.contains("ERROR"), log);
        SchedulerLock.acquire(data, java.time.Instant.now()).close();
    }

    private static String mainLogbackConfig() throws URISyntaxException {
        // target/classes/logback.xml: the daemon's real configuration (daily rolling file), not the tests' one.
        Path testClasses = Path.of(DaemonCommandTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return testClasses.resolveSibling("classes").resolve("logback.xml").toString();
    }
}
