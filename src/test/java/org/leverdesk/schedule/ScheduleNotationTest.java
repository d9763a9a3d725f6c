package org.leverdesk.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.strategy.catalog.StrategyCatalog;

class ScheduleNotationTest {

    @Test
    void eachFormParsesToItsTrigger() {
        assertEquals(Trigger.daily(Anchor.CLOSE, -10), only("close-10m"));
        assertEquals(Trigger.daily(Anchor.CLOSE, 15), only("close+15m"));
        assertEquals(Trigger.daily(Anchor.OPEN, -30), only("open-30m"));
        assertEquals(Trigger.daily(Anchor.CLOSE, 0), only("close"));
        assertEquals(Trigger.daily(Anchor.OPEN, 60), only("open+1h"));
        assertEquals(Trigger.weekly(DayOfWeek.MONDAY, Anchor.OPEN, 30), only("weekly:MON@open+30m"));
        assertEquals(Trigger.monthlyLast(Anchor.CLOSE, -10), only("monthly-last@close-10m"));
        assertEquals(Trigger.every(10), only("every:10m"));
    }

    @Test
    void severalNamedJobsParseInOrderAndPrintBackInTheNotation() {
        List<JobDefinition> jobs = ScheduleNotation.parse("dca", "buy=weekly:mon@open+30m; exits=every:10m, report=close+5m");
        assertEquals(List.of("dca/buy", "dca/exits", "dca/report"), jobs.stream().map(JobDefinition::key).toList());
        assertEquals(List.of("weekly:MON@open+30m", "every:10m", "close+5m"),
                jobs.stream().map(j -> j.trigger().notation()).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "close-10|'close-10' is not a schedule; e.g. close-10m, close+15m, open-30m, weekly:MON@open+30m, monthly-last@close-10m, every:10m",
        "weekly:SAT@open|'weekly:SAT@open': the weekly day must be MON, TUE, WED, THU or FRI, e.g. weekly:MON@open+30m",
        "weekly:MON|'weekly:MON' is not a weekly job; write weekly:<DAY>@<time>, e.g. weekly:MON@open+30m",
        "monthly@close|'monthly@close' is not a monthly job; write monthly-last@<time>, e.g. monthly-last@close-10m",
        "every:0m|'every:0m': the interval must be 1m to 390m (a whole session)",
        "every 10m|'every 10m' is not an interval; write every:<N>m, e.g. every:10m",
        "close+7h|'close+7h': the offset must be at most 6h (360m) from the close",
        "close-10m; every:10m|job name 'run' appears twice; give each job its own name, e.g. run=close-10m; exits=every:10m",
        "Exits=every:10m|job name 'Exits' must be lower-case letters, digits or '-' starting with a letter (at most 32), e.g. exits=every:10m",
        "close-10m;|there is an empty job between separators; remove the extra ';' or ','",
        "'  '|the schedule is empty; write one, e.g. close-10m, close+15m, open-30m, weekly:MON@open+30m, monthly-last@close-10m, every:10m"})
    void malformedSchedulesGetOneLineSayingWhatToWrite(String text, String reason) {
        ScheduleSyntaxException e = assertThrows(ScheduleSyntaxException.class, () -> ScheduleNotation.parse("regime", text));
        assertEquals("schedule '" + text.strip() + "' of strategy regime: " + reason, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void strategiesWithoutAScheduleGetTheirDefault() {
        assertEquals(Trigger.daily(Anchor.CLOSE, -10), settings("regime", null).jobs().get(0).trigger());
        assertEquals(Trigger.daily(Anchor.CLOSE, -10), settings("rsi2", " ").jobs().get(0).trigger());
        // daily: the strategy itself holds except on its first day and the month's last trading day
        assertEquals(Trigger.daily(Anchor.CLOSE, -10), settings("monthly-rebalance", null).jobs().get(0).trigger());
        assertEquals(Trigger.daily(Anchor.CLOSE, 15), settings("rotation", null).jobs().get(0).trigger());
        assertEquals(Trigger.every(5), settings("regime", "every:5m").jobs().get(0).trigger());
        ScheduleSyntaxException e = assertThrows(ScheduleSyntaxException.class,
                () -> settings("options-dca", null).jobs());
        assertEquals("strategy options-dca has no default schedule; set one in its settings, e.g. \"schedule\": \"close-10m\"",
                e.getMessage());
    }

    @Test
    void theRegimeDefaultFollowsItsMinutesBeforeCloseParameter() {
        StrategySettings regime = new StrategySettings("regime", true, 0.3, Map.of("minutesBeforeClose", "15"), null);
        assertEquals(Trigger.daily(Anchor.CLOSE, -15), regime.jobs().get(0).trigger());
        StrategySettings explicit = new StrategySettings("regime", true, 0.3, Map.of("minutesBeforeClose", "15"), "close-5m");
        assertEquals(Trigger.daily(Anchor.CLOSE, -5), explicit.jobs().get(0).trigger());
        StrategySettings bad = new StrategySettings("regime", true, 0.3, Map.of("minutesBeforeClose", "ten"), null);
        assertEquals("strategy regime: minutesBeforeClose 'ten' is not a whole number of minutes; write e.g. 10",
                assertThrows(ScheduleSyntaxException.class, () -> bad.jobs()).getMessage());
    }

    @Test
    void onlyEnabledStrategiesHaveJobsAndEveryCatalogStrategyHasADefault() {
        List<JobDefinition> jobs = new org.leverdesk.config.AppConfig(null, null, List.of(settings("regime", null),
                new StrategySettings("rsi2", false, 0.2, Map.of(), null)), null).jobs();
        assertEquals(List.of("regime/run"), jobs.stream().map(JobDefinition::key).toList());
        assertEquals(List.of("monthly-rebalance/run", "regime/run", "rsi2/run", "rotation/run", "wheel/run", "covered-call/run",
                        "dca/run", "putwrite/run", "buywrite/run", "spreads/run", "spreads/exits", "condor/run", "condor/exits"),
                ScheduleDefaults.allDefaults(StrategyCatalog.builtIn()).stream().map(JobDefinition::key).toList());
        // The spreads' exits are checked every 10 minutes of the session besides the daily decision (issue 16 §2).
        assertEquals(List.of(Trigger.daily(Anchor.CLOSE, -10), Trigger.every(10)), ScheduleDefaults.jobsOf("condor", null, Map.of())
                .stream().map(JobDefinition::trigger).toList());
    }

    private static StrategySettings settings(String id, String schedule) {
        return new StrategySettings(id, true, 0.3, Map.of(), schedule);
    }

    private static Trigger only(String text) {
        List<JobDefinition> jobs = ScheduleNotation.parse("regime", text);
        assertEquals(1, jobs.size());
        assertEquals("run", jobs.get(0).name());
        return jobs.get(0).trigger();
    }
}
