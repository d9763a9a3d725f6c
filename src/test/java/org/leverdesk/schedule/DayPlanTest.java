package org.leverdesk.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.leverdesk.schedule.SimulatedClock.et;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayPlanTest {
    private static final List<JobDefinition> JOBS = Simulation.jobs("regime:close-10m|rotation:close+15m"
            + "|monthly-rebalance:monthly-last@close-10m|dca:buy=weekly:FRI@open+30m|rsi2:exits=every:60m");

    private static List<String> plan(String date) {
        return DayPlan.of(LocalDate.parse(date), JOBS, Simulation.CALENDAR).lines();
    }

    @Test
    void aRegularDayIsSortedByNewYorkTime() {
        assertEquals(List.of("10:30 rsi2 exits", "11:30 rsi2 exits", "12:30 rsi2 exits", "13:30 rsi2 exits",
                "14:30 rsi2 exits", "15:30 rsi2 exits", "15:50 regime run", "16:15 rotation run"), plan("2026-11-24"));
    }

    @Test
    void anEarlyCloseMovesCloseRelativeJobsAndEndsRepeatsAtTheEarlyClose() {
        // 2026-11-27 closes at 13:00; the Friday job and the session's repeats all fit before it.
        assertEquals(List.of("10:00 dca buy", "10:30 rsi2 exits", "11:30 rsi2 exits", "12:30 rsi2 exits",
                "12:50 regime run", "13:15 rotation run"), plan("2026-11-27"));
    }

    @Test
    void aHolidayAndAWeekendHaveNoJobs() {
        assertEquals(List.of(), plan("2026-11-26"));
        assertEquals(List.of(), plan("2026-11-28"));
    }

    @Test
    void aWeeklyJobOnAHolidayRunsOnTheNextTradingDayEvenInTheNextWeek() {
        // Good Friday 2026-04-03 is closed: the Friday job runs on Monday 04-06, and not again that week.
        assertEquals(List.of(), DayPlan.of(LocalDate.parse("2026-04-03"), JOBS, Simulation.CALENDAR).jobs());
        assertEquals(List.of("dca/buy @ 2026-04-06 10:00 ET"), Simulation.CALENDAR.on(JOBS.get(3), LocalDate.parse("2026-04-06"))
                .stream().map(ScheduledJob::toString).toList());
        assertEquals(List.of(), Simulation.CALENDAR.on(JOBS.get(3), LocalDate.parse("2026-04-07")));
        assertEquals(1, Simulation.CALENDAR.on(JOBS.get(3), LocalDate.parse("2026-04-10")).size());
    }

    @Test
    void theMonthlyJobRunsOnTheLastTradingDayOnly() {
        assertEquals(List.of("15:50 monthly-rebalance run"), DayPlan.of(LocalDate.parse("2026-11-30"),
                List.of(JOBS.get(2)), Simulation.CALENDAR).lines());
        assertEquals(List.of(), DayPlan.of(LocalDate.parse("2026-11-27"), List.of(JOBS.get(2)), Simulation.CALENDAR).lines());
    }

    @Test
    void eachOccurrenceKnowsTheEndOfItsCatchUpWindow() {
        ScheduledJob decide = Simulation.CALENDAR.on(JOBS.get(0), LocalDate.parse("2026-11-27")).get(0);
        assertEquals(et("2026-11-27T13:00"), decide.windowEnd());
        ScheduledJob rotation = Simulation.CALENDAR.on(JOBS.get(1), LocalDate.parse("2026-11-25")).get(0);
        assertEquals(et("2026-11-27T09:30"), rotation.windowEnd()); // over Thanksgiving to the next open
        ScheduledJob status = Simulation.CALENDAR.on(Simulation.jobs("regime:open-30m").get(0), LocalDate.parse("2026-11-25")).get(0);
        assertEquals(et("2026-11-25T09:30"), status.windowEnd());
    }

    @Test
    void timesAreNewYorkTimesAcrossTheDaylightSavingChange() {
        // 2026-11-02 is the first Monday on EST (UTC-5); 2026-10-30 is still EDT (UTC-4).
        ScheduledJob before = Simulation.CALENDAR.on(JOBS.get(0), LocalDate.parse("2026-10-30")).get(0);
        ScheduledJob after = Simulation.CALENDAR.on(JOBS.get(0), LocalDate.parse("2026-11-02")).get(0);
        assertEquals(java.time.Instant.parse("2026-10-30T19:50:00Z"), before.instant());
        assertEquals(java.time.Instant.parse("2026-11-02T20:50:00Z"), after.instant());
    }
}
