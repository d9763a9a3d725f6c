package org.leverdesk.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.schedule.SimulatedClock.et;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leverdesk.market.calendar.NyseCalendar;

/** A whole simulated week through the scheduler: Thanksgiving (closed), its early close, a month end. */
class SchedulerWeekTest {
    private static final String JOBS = "regime:run=close-10m; status=open-30m"
            + "|rsi2:exits=every:90m"
            + "|dca:buy=weekly:THU@open+30m"
            + "|monthly-rebalance:monthly-last@close-10m"
            + "|rotation:close+15m";

    @Test
    void theCalendarHasThanksgivingClosedAndTheNextDayClosingAtOne() {
        NyseCalendar cal = new NyseCalendar();
        assertFalse(cal.isTradingDay(LocalDate.of(2026, 11, 26)));
        assertTrue(cal.isEarlyClose(LocalDate.of(2026, 11, 27)));
        assertEquals(LocalTime.of(13, 0), cal.sessionClose(LocalDate.of(2026, 11, 27)));
        assertEquals(LocalDate.of(2026, 11, 30), cal.lastTradingDayOfMonth(java.time.YearMonth.of(2026, 11)));
    }

    @Test
    void eachJobRunsExactlyAtItsMinuteExactlyOnceThroughTheWeek() throws InterruptedException {
        SimulatedClock clock = new SimulatedClock(et("2026-11-22T12:00"), et("2026-12-01T08:00"));
        MemoryJobRunLog log = new MemoryJobRunLog();
        Simulation sim = new Simulation(JOBS, clock, log, () -> false).runToEnd();

        // Hand-built from the calendar: 09:30-16:00 sessions, Thanksgiving closed, 11-27 closes at 13:00
        // (so close-10m is 12:50 and close+15m 13:15), the Thursday job moves to Friday, 11-30 ends November.
        List<String> expected = List.of(
                "2026-11-23 09:00 regime status", "2026-11-23 11:00 rsi2 exits", "2026-11-23 12:30 rsi2 exits",
                "2026-11-23 14:00 rsi2 exits", "2026-11-23 15:30 rsi2 exits", "2026-11-23 15:50 regime run",
                "2026-11-23 16:15 rotation run",
                "2026-11-24 09:00 regime status", "2026-11-24 11:00 rsi2 exits", "2026-11-24 12:30 rsi2 exits",
                "2026-11-24 14:00 rsi2 exits", "2026-11-24 15:30 rsi2 exits", "2026-11-24 15:50 regime run",
                "2026-11-24 16:15 rotation run",
                "2026-11-25 09:00 regime status", "2026-11-25 11:00 rsi2 exits", "2026-11-25 12:30 rsi2 exits",
                "2026-11-25 14:00 rsi2 exits", "2026-11-25 15:30 rsi2 exits", "2026-11-25 15:50 regime run",
                "2026-11-25 16:15 rotation run",
                "2026-11-27 09:00 regime status", "2026-11-27 10:00 dca buy", "2026-11-27 11:00 rsi2 exits",
                "2026-11-27 12:30 rsi2 exits", "2026-11-27 12:50 regime run", "2026-11-27 13:15 rotation run",
                "2026-11-30 09:00 regime status", "2026-11-30 11:00 rsi2 exits", "2026-11-30 12:30 rsi2 exits",
                "2026-11-30 14:00 rsi2 exits", "2026-11-30 15:30 rsi2 exits", "2026-11-30 15:50 regime run",
                "2026-11-30 15:50 monthly-rebalance run", "2026-11-30 16:15 rotation run");
        assertEquals(expected, sim.recorder.lines());
        Set<String> seen = new HashSet<>();
        for (Recorder.Run r : sim.recorder.runs) {
            assertEquals(r.job().instant(), r.startedAt(), "started exactly at its planned instant: " + r.job());
            assertTrue(seen.add(r.job().toString()), "ran twice: " + r.job());
        }
        assertTrue(sim.recorder.misses.isEmpty(), "nothing was missed: " + sim.recorder.misses);
        assertTrue(sim.recorder.outcomes.stream().allMatch(o -> o.status() == JobOutcome.Status.SUCCEEDED));
        assertEquals(expected.size(), sim.recorder.outcomes.size());
        assertEquals(expected.size(), log.entries().stream().filter(e -> e.status().equals("SUCCEEDED")).count());
        assertEquals(List.of(SchedulerState.RUNNING, SchedulerState.STOPPED), sim.recorder.states);
    }

    @Test
    void aSlowJobDelaysTheOneDueAtTheSameMinuteWithoutLosingIt() throws InterruptedException {
        SimulatedClock clock = new SimulatedClock(et("2026-11-30T15:00"), et("2026-11-30T17:00"));
        Recorder recorder = new Recorder(clock, java.time.Duration.ofMinutes(3));
        Simulation sim = new Simulation(Simulation.jobs("monthly-rebalance:monthly-last@close-10m|regime:close-10m"),
                clock, recorder, new MemoryJobRunLog(), () -> false).runToEnd();

        assertEquals(List.of("2026-11-30 15:50 monthly-rebalance run", "2026-11-30 15:53 regime run"), sim.recorder.lines());
    }

    @Test
    void theNextRunOfEachJobAndStrategyComesFromTheCalendar() {
        SimulatedClock clock = new SimulatedClock(et("2026-11-25T16:00"), et("2026-11-25T16:01"));
        SchedulerService service = new SchedulerService(Simulation.jobs(JOBS), Simulation.CALENDAR, (j, c) -> null,
                new MemoryJobRunLog(), clock, () -> false);
        assertEquals("regime/status @ 2026-11-27 09:00 ET", service.nextRun("regime").orElseThrow().toString());
        assertEquals("regime/run @ 2026-11-27 12:50 ET", service.nextRun(service.jobs().get(0)).orElseThrow().toString());
        assertEquals("rotation/run @ 2026-11-25 16:15 ET", service.nextRun("rotation").orElseThrow().toString());
        assertEquals("monthly-rebalance/run @ 2026-11-30 15:50 ET",
                service.nextRun("monthly-rebalance").orElseThrow().toString());
        assertTrue(service.nextRun("unknown").isEmpty());
    }
}
