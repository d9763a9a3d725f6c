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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.schedule.JobOutcome;
import org.leverdesk.schedule.ScheduleNotation;
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
    void theDaemonRunsTheDaysJobOnItsStoreAndStopsOnRequest() throws Exception {
        Path data = dir.resolve("data");
        SimulatedClock clock = new SimulatedClock(et("2026-11-24T15:00"), et("2026-11-24T18:00"));
        List<String> ran = new CopyOnWriteArrayList<>();
        Daemon daemon = Daemon.start(data, ScheduleNotation.parse("regime", "close-10m"),
                store -> (job, cancel) -> {
                    ran.add(job + " at " + clock.now());
                    return JobOutcome.succeeded("ok");
                }, clock, () -> false);
        try {
            assertTrue(clock.awaitEnd(Duration.ofSeconds(20)));
            assertTrue(daemon.requestStop(), "the scheduler did not stop");
        } finally {
            daemon.close();
        }
        assertEquals(List.of("regime/run @ 2026-11-24 15:50 ET at 2026-11-24T20:50:00Z"), ran);
        try (Store store = Store.open(data)) {
            assertEquals(et("2026-11-24T15:50"), new StoreJobRunLog(store).lastHandled("regime/run").orElseThrow());
        }
        SchedulerLock.acquire(data, clock.now()).close(); // released
    }

    @Test
    void withoutAnEnabledStrategyTheDaemonSaysWhatToDo() {
        Path empty = dir.resolve("empty.json");
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("daemon", "--data-dir", dir.resolve("data").toString(), "--config", empty.toString()));
        assertEquals(List.of("error: no strategy is enabled in " + empty + "; enable one (\"enabled\": true) in Settings"
                + " or the config file before starting the daemon"), cli.err.toString().lines().toList());
    }

    @Test
    void sigtermStopsTheDaemonCleanlyAndASecondDaemonIsRefusedWhileItRuns() throws Exception {
        Path data = dir.resolve("data");
        Path logs = dir.resolve("logs");
        ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-Dlogback.configurationFile=" + mainLogbackConfig(), "-cp", System.getProperty("java.class.path"),
                "org.leverdesk.app.Main", "daemon", "--data-dir", data.toString(), "--config", config().toString());
        pb.environment().put("LEVERDESK_LOG_DIR", logs.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("leverdesk daemon: scheduler running 1 jobs on " + data), first);
            assertTrue(out.readLine().startsWith("  regime/run close-10m, next regime/run @ "));

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
