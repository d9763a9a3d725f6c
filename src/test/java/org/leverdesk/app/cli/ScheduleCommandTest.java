package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.StrategySettings;

class ScheduleCommandTest {
    @TempDir
    Path dir;

    private Path config(StrategySettings... strategies) {
        Path file = dir.resolve("config.json");
        AppConfig c = AppConfig.defaults();
        for (StrategySettings s : strategies) {
            c = c.withStrategy(s);
        }
        new ConfigFile(file).save(c);
        return file;
    }

    // Each on its own symbol: two enabled strategies may not trade one symbol in one account.
    private static final Map<String, String> SYMBOL = Map.of("regime", "TQQQ", "rsi2", "TECL", "monthly-rebalance", "QQQM");

    private static StrategySettings enabled(String id, String schedule) {
        return new StrategySettings(id, true, 0.25, SYMBOL.containsKey(id) ? Map.of("symbol", SYMBOL.get(id)) : Map.of(), schedule);
    }

    @Test
    void aRegularDayListsTheEnabledStrategiesJobsInNewYorkTime() {
        Path file = config(enabled("regime", null), enabled("rsi2", "run=close-10m; exits=every:2h"),
                enabled("monthly-rebalance", null), enabled("rotation", null));
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("schedule", "--date", "2026-11-24", "--config", file.toString()));
        // rotation decides after the close: its market-on-open sells are released at 19:00 (Alpaca refuses them
        // from 09:28 to 19:00 ET) and its follow-up sends the buys right after the open.
        assertEquals(String.join(System.lineSeparator(), "09:35 rotation follow-up", "11:30 rsi2 exits", "13:30 rsi2 exits", "15:30 rsi2 exits",
                "15:50 monthly-rebalance run", "15:50 regime run", "15:50 rsi2 run", "16:15 rotation run",
                "16:20 account daily-summary", "19:00 rotation release-opg", ""),
                cli.out.toString());
        assertEquals("", cli.err.toString());
    }

    @Test
    void anEarlyCloseDayMovesTheJobsWithTheClose() {
        Path file = config(enabled("regime", null), enabled("rotation", null));
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("schedule", "--date", "2026-11-27", "--config", file.toString()));
        assertEquals(String.join(System.lineSeparator(), "09:35 rotation follow-up", "12:50 regime run", "13:15 rotation run",
                "13:20 account daily-summary", "19:00 rotation release-opg", ""), cli.out.toString());
    }

    @Test
    void theLastTradingDayOfTheMonthAddsTheMonthlyRebalance() {
        Path file = config(enabled("regime", null), enabled("monthly-rebalance", "monthly-last@close-10m"));
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("schedule", "--date", "2026-11-30", "--config", file.toString()));
        assertEquals(String.join(System.lineSeparator(), "15:50 monthly-rebalance run", "15:50 regime run",
                "16:20 account daily-summary", ""),
                cli.out.toString());
    }

    @Test
    void aHolidayPrintsNothing() {
        Path file = config(enabled("regime", null), enabled("rotation", null));
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("schedule", "--date", "2026-11-26", "--config", file.toString()));
        assertEquals("", cli.out.toString());
    }

    @Test
    void withoutAConfigEveryStrategysDefaultIsShownWithANote() {
        Path missing = dir.resolve("none.json");
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("schedule", "--date", "2026-11-27", "--config", missing.toString()));
        // spreads and condor check their exits every 10 minutes of the session (09:40 .. 12:50 on this early close)
        List<String> expected = new java.util.ArrayList<>();
        for (java.time.LocalTime t = java.time.LocalTime.of(9, 40); t.isBefore(java.time.LocalTime.of(12, 50)); t = t.plusMinutes(10)) {
            expected.add(t + " condor exits");
            expected.add(t + " spreads exits");
        }
        expected.addAll(List.of("12:50 buywrite run", "12:50 condor exits", "12:50 condor run", "12:50 covered-call run",
                "12:50 dca run", "12:50 monthly-rebalance run", "12:50 putwrite run", "12:50 regime run", "12:50 rsi2 run",
                "12:50 spreads exits", "12:50 spreads run", "12:50 wheel run", "13:15 rotation run", "13:20 account daily-summary", ""));
        assertEquals(String.join(System.lineSeparator(), expected), cli.out.toString());
        assertEquals("note: no strategy is enabled in " + missing + "; showing every strategy's default schedule"
                + System.lineSeparator(), cli.err.toString());
    }

    @Test
    void aMalformedScheduleInTheConfigIsOneLineAndExitCodeTwo() throws Exception {
        Path file = dir.resolve("config.json");
        java.nio.file.Files.writeString(file, "{\"strategies\": [{\"strategyId\": \"regime\", \"enabled\": true,"
                + " \"capitalShare\": 0.25, \"schedule\": \"close-10\"}]}");
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("schedule", "--date", "2026-11-24", "--config", file.toString()));
        assertEquals(List.of("error: " + file + ": strategies.regime.schedule: schedule 'close-10' of strategy regime:"
                + " 'close-10' is not a schedule; e.g. close-10m, close+15m, open-30m, weekly:MON@open+30m,"
                + " monthly-last@close-10m, every:10m; fix it with 'leverdesk config set strategies.regime.schedule=close-10m"
                + " --config " + file + "' or in Settings"), cli.err.toString().lines().toList());
    }

    @Test
    void aBadDateSaysWhatToWrite() {
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("schedule", "--date", "27.11.2026"));
        assertEquals("error: Invalid value for option '--date': '27.11.2026' is not a valid ISO date; use YYYY-MM-DD,"
                + " e.g. 2024-11-27 (see 'leverdesk schedule --help')", cli.err.toString().lines().findFirst().orElseThrow());
    }
}
