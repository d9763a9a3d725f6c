package org.leverdesk.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.rebalance.MonthlyRebalanceConfig;
import org.leverdesk.strategy.rebalance.MonthlyRebalanceStrategy;

/** When the auction policies run: market-on-close at 15:45 (12:45), the OPG release at 19:00 whatever the close. */
class AuctionPolicyScheduleTest {
    private static final NyseCalendar CALENDAR = new NyseCalendar();

    @Test
    void aMarketOnCloseRebalanceDecidesFifteenMinutesBeforeTheClose() {
        StrategySettings moc = new StrategySettings("monthly-rebalance", true, 1.0, Map.of("orderStyle", "moc"), null);
        List<JobDefinition> jobs = ScheduleDefaults.jobsOf(moc.strategyId(), moc.schedule(), moc.parameters());
        assertEquals("close-15m", jobs.get(0).trigger().notation());
        // Black Friday 2026 closes at 13:00: the decision is at 12:45, in before the 12:50 CLS cutoff.
        assertEquals(List.of(LocalTime.of(12, 45)), jobs.get(0).trigger().timesOn(LocalDate.of(2026, 11, 27), CALENDAR));
        StrategySettings limit = new StrategySettings("monthly-rebalance", true, 1.0, Map.of(), null);
        assertEquals("close-10m", ScheduleDefaults.jobsOf(limit.strategyId(), limit.schedule(), limit.parameters()).get(0).trigger().notation());
    }

    @Test
    void theOrderStyleSetsThePolicyAndABadOneIsAOneLineError() {
        ExecutionPolicy moc = new MonthlyRebalanceStrategy(MonthlyRebalanceConfig.parse("TQQQ", Map.of("orderStyle", "moc")))
                .execution();
        assertTrue(moc.marketOnClose());
        ExecutionPolicy limit = new MonthlyRebalanceStrategy(MonthlyRebalanceConfig.parse("TQQQ", Map.of())).execution();
        assertEquals(ExecutionPolicy.LiveOrderStyle.LIMIT_FROM_MID, limit.liveOrder());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MonthlyRebalanceConfig.parse("TQQQ", Map.of("orderStyle", "vwap")));
        assertEquals("order style must be 'limit' (limits through the mid) or 'moc' (market-on-close) (got 'vwap')",
                e.getMessage());
    }

    @Test
    void theEveningAnchorIsNineteenHundredEvenOnAnEarlyClose() {
        List<JobDefinition> release = ScheduleNotation.parse("rotation", "evening");
        assertEquals("evening", release.get(0).trigger().notation());
        assertEquals(List.of(LocalTime.of(19, 0)), release.get(0).trigger().timesOn(LocalDate.of(2026, 11, 27), CALENDAR));
        assertEquals(List.of(), release.get(0).trigger().timesOn(LocalDate.of(2026, 11, 26), CALENDAR), "Thanksgiving");
    }
}
